// Months past their deadline and the guards on a quote (docs/law/worked-cases.md, cases A1–A5 and
// G1–G4; ADR 0018): a late month is its own line, without support, with interest at r for each
// month late; a future lump sum starts no earlier than the payment month; a date of birth must be
// plausible and each scheme's ages hold.
import { describe, expect, it } from 'vitest';
import { birthDateProblem } from '../../../src/shared/domain/age-rules';
import { planMonths } from '../../../src/shared/domain/arrears';
import { person, quote, refusal } from './law-fixtures';

describe('months past their deadline (Law 41/2024 art. 36.3)', () => {
  it('A1 March 2026 paid monthly on 5 May 2026: two months late, 330 000 × 1.004² = 332 645 đ, no support', () => {
    const q = quote({ paidOn: '2026-05-05', fromMonth: '2026-03' });
    expect(q.lines[0]).toMatchObject({ kind: 'arrears', baseAmount: 332_645, supportAmount: 0, amount: 332_645 });
    expect(q.lines[0]!.values).toMatchObject({ deadline: '2026-03-31', monthsLate: 2, interestFactor: '63001/62500' });
    expect(q.lines[0]!.description).toBe('Tháng 03/2026: 22% × 1.500.000 đ (chậm đóng, hạn 31/03/2026; lãi × (1 + 0,4%)^2)');
  });

  it('A2 a future lump sum asked from Jan 2025 on 1 Jul 2026: 18 late months, then 12 discounted from Jul 2026', () => {
    const q = quote({ paidOn: '2026-07-01', fromMonth: '2025-01', months: 30, method: 'lump-sum-future' });
    expect(q.lines.filter((l) => l.kind === 'arrears')).toHaveLength(18);
    expect(q.lines[0]).toMatchObject({ month: '2025-01', amount: 354_585 });
    expect(q.lines[17]).toMatchObject({ month: '2026-06', amount: 331_320 });
    expect(q.lines[18]).toMatchObject({ month: '2026-07', amount: 264_000, supportAmount: 66_000 });
    expect(q.lines[19]).toMatchObject({ month: '2026-08', amount: 262_948 });
    expect(q.total).toBe(9_270_416);
  });

  it('A2b the same lump sum for 24 months is refused: from Jul 2026 it would not be whole years', () => {
    const error = refusal(() => quote({ paidOn: '2026-07-01', fromMonth: '2025-01', months: 24, method: 'lump-sum-future' }));
    expect(error.field).toBe('months');
  });

  it('A3 a quarter paid within its 3 months is on time, with support', () => {
    const q = quote({ paidOn: '2026-06-20', fromMonth: '2026-04', months: 3, method: 'quarterly' });
    expect(q.lines.map((l) => l.amount)).toEqual([264_000, 264_000, 264_000]);
  });

  it('A4 the same quarter paid on 1 Jul 2026: every month one month late, 331 320 đ', () => {
    const q = quote({ paidOn: '2026-07-01', fromMonth: '2026-04', months: 3, method: 'quarterly' });
    expect(q.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['arrears', 331_320],
      ['arrears', 331_320],
      ['arrears', 331_320],
    ]);
  });

  it('A5 six months from January paid on 10 May (deadline 30 Apr): Jan–Apr late, May and June on time', () => {
    const plans = planMonths('semiannual', '2026-01', 6, '2026-05-10');
    expect(plans.map((p) => p.late)).toEqual([true, true, true, true, false, false]);
    expect(plans[0]).toMatchObject({ deadline: '2026-04-30', monthsLate: 1 });
  });

  it('marks the late-month treatment as provisional on the quote', () => {
    expect(quote({ paidOn: '2026-05-05', fromMonth: '2026-03' }).provisional.map((p) => p.what)).toContain('cách tính tháng chậm đóng');
  });
});

describe('guards', () => {
  it.each([
    ['G1 a birth date in the future', '2030-01-01', 'sau ngày hôm nay'],
    ['G2 more than 120 years back', '1906-06-30', 'hơn 120 năm trước'],
  ])('refuses %s', (_case, dob, text) => {
    expect(birthDateProblem(dob, '2026-07-01')?.vi).toContain(text);
  });

  it('G2b accepts 120 years to the day', () => {
    expect(birthDateProblem('1906-07-01', '2026-07-01')).toBeNull();
    expect(birthDateProblem('2026-07-01', '2026-07-01')).toBeNull();
  });

  it('G3 VSI is open from 15 years of age on the payment date', () => {
    const at = (dob: string) => () => quote({ paidOn: '2026-07-01', fromMonth: '2026-07', person: person({}, { dateOfBirth: dob }) });
    expect(refusal(at('2011-07-02')).vi).toContain('từ đủ 15 tuổi');
    expect(at('2011-07-01')().total).toBe(264_000);
  });

  it('G4 a child under 6 pays no household HI (the state insures them)', () => {
    const at = (dob: string) => () =>
      quote({
        scheme: 'HHI',
        method: 'quarterly',
        months: 3,
        memberPosition: 1,
        incomeBasis: null,
        paidOn: '2026-07-01',
        fromMonth: '2026-07',
        person: person({}, { dateOfBirth: dob }),
      });
    expect(refusal(at('2020-07-02')).vi).toContain('dưới 6 tuổi');
    expect(at('2020-07-01')().total).toBe(3 * 113_850);
  });
});
