// The dates a birth date may have been mistyped from: day and month swapped (05/03 for 03/05) and
// any one digit different (1985 for 1958 is two; 1958 for 1968 is one). The duplicate check at
// capture looks for the same name born on any of them, besides close names born the same day.
import { isRealDate } from '../contract/primitives';

/** Real dates one typo away from `date` ('YYYY-MM-DD'), not in the future of `today`, without `date` itself. */
export function birthDateTypos(date: string, today: string): string[] {
  const found = new Set<string>();
  const [y, m, d] = date.split('-') as [string, string, string];
  const swapped = `${y}-${d}-${m}`;
  if (swapped !== date && isRealDate(swapped)) found.add(swapped);
  const digits = `${y}${m}${d}`;
  for (let i = 0; i < digits.length; i++) {
    for (let v = 0; v <= 9; v++) {
      if (String(v) === digits[i]) continue;
      const next = `${digits.slice(0, i)}${v}${digits.slice(i + 1)}`;
      const candidate = `${next.slice(0, 4)}-${next.slice(4, 6)}-${next.slice(6, 8)}`;
      if (candidate >= '1850-01-01' && isRealDate(candidate)) found.add(candidate);
    }
  }
  return [...found].filter((c) => c <= today).sort();
}
