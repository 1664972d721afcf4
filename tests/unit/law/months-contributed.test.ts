// Months contributed and the shortfall lump sum's calendar (ADR 0036; docs/law/worked-cases.md,
// cases M1–M6): an ordinary payment pays calendar months, each counted once; a lump sum for the
// months missing to a pension (Law 41/2024/QH15 art. 36.2) pays time — its months count, no calendar
// month is taken; the months the lump sum is priced on are the SI book's, never fewer than the office knows.
import { describe, expect, it } from 'vitest';
import {
  type KnownPayment,
  knownContributedMonths,
  monthsContributedForShortfall,
  occupiesCalendarMonths,
} from '../../../src/shared/domain/months-contributed';

const paid = (method: string, fromMonth: string, toMonth: string, months: number): KnownPayment => ({ method, fromMonth, toMonth, months });

describe('months contributed as the office knows them', () => {
  it.each([
    [
      'M1 three quarters paid, Jan–Sep 2026',
      [paid('quarterly', '2026-01', '2026-03', 3), paid('quarterly', '2026-04', '2026-06', 3), paid('quarterly', '2026-07', '2026-09', 3)],
      9,
    ],
    [
      'M2 the same months paid on two devices before either heard of the other count once',
      [paid('monthly', '2026-03', '2026-03', 1), paid('quarterly', '2026-03', '2026-05', 3)],
      3,
    ],
    ['M3 a five-year lump sum from Jan 2026 and Dec 2025', [paid('lump-sum-future', '2026-01', '2030-12', 60), paid('monthly', '2025-12', '2025-12', 1)], 61],
    [
      'M4 a shortfall lump sum of 10 months paid in Mar 2026, and Mar 2026 paid monthly',
      [paid('lump-sum-shortfall', '2026-03', '2026-03', 10), paid('monthly', '2026-03', '2026-03', 1)],
      11,
    ],
    ['M5 nothing paid here', [], 0],
  ] as const)('%s: %i months', (_case, payments, months) => {
    expect(knownContributedMonths(payments)).toBe(months);
  });

  it('M6 only the shortfall lump sum pays no calendar month', () => {
    expect(['monthly', 'quarterly', 'semiannual', 'annual', 'lump-sum-future', 'lump-sum-shortfall'].filter(occupiesCalendarMonths)).toEqual([
      'monthly',
      'quarterly',
      'semiannual',
      'annual',
      'lump-sum-future',
    ]);
  });
});

describe('the months a shortfall lump sum is priced on', () => {
  it.each([
    ['M7 the book shows 170, the office knows 12 (already in the book)', 170, 12, 170],
    ['M8 the book shows 100, not yet the 130 months paid here', 100, 130, 130],
    ['M9 no app payments', 156, 0, 156],
  ] as const)('%s: %i', (_case, book, known, used) => {
    expect(monthsContributedForShortfall(book, known)).toBe(used);
  });
});
