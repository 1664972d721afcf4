// Names for the commune codes shown in a list: loads each province's communes once (cached for
// the session by TanStack Query) and answers code → "Phường Ba Đình".
import { useQueries } from '@tanstack/react-query';
import { call } from '../api/client';
import { callKey } from '../api/use-call';

export function useCommuneNames(provinceCodes: readonly string[]): (communeCode: string) => string | undefined {
  const unique = [...new Set(provinceCodes)].filter((c) => /^\d{2}$/.test(c));
  const results = useQueries({
    queries: unique.map((provinceCode) => ({
      queryKey: callKey('reference.communes', { provinceCode }),
      queryFn: () => call('reference.communes', { provinceCode }),
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  for (const r of results) for (const c of r.data?.items ?? []) names.set(c.code, c.fullName || c.name);
  return (code) => names.get(code);
}
