// isRealDate reads YYYY-MM-DD without splitting or a Date (the central checks thousands a batch):
// it must answer exactly as the reading it replaced, kept here as the reference, for every date
// of the shape around the edges of months, leap years and the years Date.UTC reads as 19xx, and
// for texts that are not of the shape.
import { expect, test } from 'vitest';
import { isRealDate } from '../../src/shared/contract/primitives';
/** The reading before (Date.UTC's days in the month). */
function old(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d || m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}
test('isRealDate answers as the Date.UTC reading did', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let n = 0;
  for (const y of [0, 1, 4, 99, 100, 400, 1900, 1999, 2000, 2024, 2025, 2100, 9999])
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) {
        const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isRealDate(s), s).toBe(old(s));
        n++;
      }
  for (const s of ['2024-1a-01', '2024-01-1 ', ' 024-01-01', '2024/01/01', '2024-01-01x', '', '+024-01-01', '2024-0-101', '2024--1-01', '2024-01--1'])
    expect(isRealDate(s), s).toBe(old(s));
  expect(n).toBeGreaterThan(6000);
});
