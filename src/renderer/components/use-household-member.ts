// A person's entry in their household: their place in the HHI sequence, or the other scheme that
// insures them. Shares the household page's query, so a mark changed there shows here at once.
import { useQuery } from '@tanstack/react-query';
import type { Household } from '../../shared/contract/household';
import { call } from '../api/client';

export function useHouseholdMember(participantId: string, householdId: string | null | undefined): Household['members'][number] | null {
  const household = useQuery({
    queryKey: ['households.get', householdId],
    queryFn: () => call('households.get', { id: householdId! }),
    enabled: !!householdId,
  });
  if (!householdId) return null;
  return household.data?.members.find((m) => m.participantId === participantId) ?? null;
}
