// The contribution rules to the đồng: every worked example in docs/domain.md, the payment-date rule,
// the 120-month support limit, bad input, and properties that must hold for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rates from '../../resources/reference/contribution-rates.json';
import type { PaymentMethod } from '../../src/shared/contract/contribution';
import { ContributionRuleError, quoteHhi, quoteVsi, type VsiQuoteInput } from '../../src/shared/domain/contribution-calculator';
import { parseSchedule } from '../../src/shared/domain/reference-schedule';

const schedule = parseSchedule(rates);

function vsi(over: Partial<VsiQuoteInput> = {}) {
  return quoteVsi(schedule, {
    paidOn: '2025-08-05',
    fromMonth: '2025-08',
    months: 1,
    method: 'monthly',
    incomeBasis: 1_500_000,
    supportCategories: ['other'],
    supportedMonthsUsed: 0,
    ...over,
  });
}

function ruleError(run: () => unknown): ContributionRuleError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContributionRuleError);
    return error as ContributionRuleError;
  }
  throw new Error('expected a ContributionRuleError');
}

describe('voluntary social insurance, worked examples', () => {
  it.each([
    ['other', '2025-08-05', 264_000, 66_000],
    ['poor', '2025-08-05', 165_000, 165_000],
    ['near-poor', '2025-08-05', 198_000, 132_000],
    ['ethnic-minority', '2025-08-05', 231_000, 99_000],
    ['island', '2025-08-05', 165_000, 165_000],
    ['poor', '2025-03-10', 231_000, 99_000],
    ['near-poor', '2025-03-10', 247_500, 82_500],
    ['other', '2025-03-10', 297_000, 33_000],
    ['ethnic-minority', '2025-03-10', 297_000, 33_000],
  ])('at the floor, a %s person paying on %s owes %i đ (support %i đ)', (category, paidOn, amount, support) => {
    const q = vsi({ paidOn, fromMonth: paidOn.slice(0, 7), supportCategories: [category] });
    expect(q.total).toBe(amount);
    expect(q.lines[0]).toMatchObject({ baseAmount: 330_000, supportAmount: support, amount });
  });

  it('charges 22 % of the ceiling, 46 800 000 đ, from Jul 2024 to Jun 2026', () => {
    for (const paidOn of ['2024-07-01', '2025-08-05', '2026-06-30']) {
      const q = vsi({ paidOn, fromMonth: paidOn.slice(0, 7), incomeBasis: 46_800_000, supportedMonthsUsed: 120 });
      expect(q.total).toBe(10_296_000);
    }
  });

  it('takes the highest share when several categories apply', () => {
    expect(vsi({ supportCategories: ['ethnic-minority', 'near-poor'] }).total).toBe(198_000);
    expect(vsi({ supportCategories: ['ethnic-minority', 'island', 'near-poor'] }).total).toBe(165_000);
    expect(vsi({ supportCategories: [] }).total).toBe(264_000);
  });

  it('describes each line in Vietnamese and records the values used', () => {
    const line = vsi({ fromMonth: '2026-07', paidOn: '2026-07-01' }).lines[0]!;
    expect(line.month).toBe('2026-07');
    expect(line.description).toBe('Tháng 07/2026: 22% × 1.500.000 đ − hỗ trợ 20% × 22% × 1.500.000 đ');
    expect(line.values).toEqual({ baseSalary: 2_530_000, povertyLine: 1_500_000, incomeBasis: 1_500_000, rate: '22/100', supportShare: '20/100' });
  });

  it('supports only while fewer than 120 months have been supported', () => {
    const q = vsi({ months: 12, method: 'annual', supportedMonthsUsed: 115 });
    expect(q.lines.map((l) => l.supportAmount)).toEqual([66_000, 66_000, 66_000, 66_000, 66_000, 0, 0, 0, 0, 0, 0, 0]);
    expect(q.total).toBe(5 * 264_000 + 7 * 330_000);
    expect(vsi({ supportedMonthsUsed: 120 }).total).toBe(330_000);
    expect(vsi({ supportedMonthsUsed: 119 }).total).toBe(264_000);
  });

  it('discounts a future lump sum month by month, exactly, by (1 + r)^(i−1)', () => {
    const q = vsi({ paidOn: '2026-01-10', fromMonth: '2026-02', months: 24, method: 'lump-sum-future', supportedMonthsUsed: 120 });
    expect(q.lines[0]!.amount).toBe(330_000);
    // 330 000 / 1.004 = 328 685.258… → 328 685; / 1.004² = 327 375.75… → 327 376
    expect(q.lines[1]!.amount).toBe(328_685);
    expect(q.lines[2]!.amount).toBe(327_376);
    expect(q.lines[1]!.values.discountFactor).toBe('250/251');
    expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
    expect(q.total).toBeLessThan(24 * 330_000);
  });
});

describe('household health insurance, worked examples', () => {
  it.each([
    [1, 105_300],
    [2, 73_710],
    [3, 63_180],
    [4, 52_650],
    [5, 42_120],
    [6, 42_120],
  ])('member %i pays %i đ a month at base salary 2 340 000 đ', (position, monthly) => {
    const q = quoteHhi(schedule, { paidOn: '2025-10-01', fromMonth: '2025-10', months: 3, memberPosition: position, supportCategories: ['other'] });
    expect(q.lines.map((l) => l.amount)).toEqual([monthly, monthly, monthly]);
    expect(q.total).toBe(3 * monthly);
  });

  it('charges a household of 5 for 12 months 4 043 520 đ', () => {
    const total = [1, 2, 3, 4, 5]
      .map((p) => quoteHhi(schedule, { paidOn: '2025-10-01', fromMonth: '2025-10', months: 12, memberPosition: p, supportCategories: [] }).total)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(4_043_520);
  });

  it('subtracts the support share: near-poor 70 %, student 50 %, agri-average 30 %', () => {
    const first = (category: string) =>
      quoteHhi(schedule, { paidOn: '2025-10-01', fromMonth: '2025-10', months: 3, memberPosition: 1, supportCategories: [category] }).lines[0]!;
    expect(first('near-poor')).toMatchObject({ baseAmount: 105_300, supportAmount: 73_710, amount: 31_590 });
    expect(first('student')).toMatchObject({ supportAmount: 52_650, amount: 52_650 });
    expect(first('agri-average')).toMatchObject({ supportAmount: 31_590, amount: 73_710 });
    // A poor household's health insurance is paid by the state budget: no household HI is collected (HI Law art. 12.3).
    expect(ruleError(() => first('poor')).vi).toContain('ngân sách nhà nước đóng BHYT');
  });
});

describe('values in force on the payment date apply to the whole period', () => {
  const halfYear = (paidOn: string) => quoteHhi(schedule, { paidOn, fromMonth: '2026-07', months: 6, memberPosition: 1, supportCategories: [] });

  it('a payment on 30 Jun 2026 for Jul–Dec 2026 uses 2 340 000 đ', () => {
    const q = halfYear('2026-06-30');
    expect(q.total).toBe(6 * 105_300);
    expect(q.lines.every((l) => l.values.baseSalary === 2_340_000)).toBe(true);
  });

  it('the same payment on 1 Jul 2026 uses 2 530 000 đ', () => {
    const q = halfYear('2026-07-01');
    expect(q.total).toBe(6 * 113_850);
    expect(q.lines.every((l) => l.values.baseSalary === 2_530_000)).toBe(true);
  });

  it('the VSI ceiling follows the base salary on the payment date', () => {
    expect(ruleError(() => vsi({ paidOn: '2026-06-30', fromMonth: '2026-07', incomeBasis: 50_000_000 })).vi).toBe(
      'Mức thu nhập lựa chọn phải từ 1.500.000 đ đến 46.800.000 đ (áp dụng ngày 30/06/2026).',
    );
    expect(vsi({ paidOn: '2026-07-01', fromMonth: '2026-07', incomeBasis: 50_600_000, supportedMonthsUsed: 120 }).total).toBe(11_132_000);
  });

  it('support shares before 1 Jul 2025 apply to a payment made before that day, even for later months', () => {
    expect(vsi({ paidOn: '2025-06-30', fromMonth: '2025-07', supportCategories: ['poor'] }).total).toBe(231_000);
  });
});

describe('bad input is refused with the field and a Vietnamese message', () => {
  it.each([
    ['income below the poverty line', { incomeBasis: 1_499_999 }, 'incomeBasis'],
    ['income above the ceiling', { incomeBasis: 46_800_001 }, 'incomeBasis'],
    ['a fractional income', { incomeBasis: 1_500_000.5 }, 'incomeBasis'],
    ['months that do not match monthly', { months: 3 }, 'months'],
    ['a lump sum that is not whole years', { method: 'lump-sum-future' as PaymentMethod, months: 18 }, 'months'],
    ['a lump sum beyond 5 years', { method: 'lump-sum-future' as PaymentMethod, months: 72 }, 'months'],
    ['zero months', { months: 0 }, 'months'],
    ['a malformed month', { fromMonth: '2025-13' }, 'fromMonth'],
    ['a malformed date', { paidOn: '30/06/2026' }, 'paidOn'],
    ['a date before any base salary', { paidOn: '2010-01-01', fromMonth: '2010-01' }, 'paidOn'],
    ['negative supported months', { supportedMonthsUsed: -1 }, 'supportedMonthsUsed'],
  ])('refuses %s', (_name, over, field) => {
    const error = ruleError(() => vsi(over));
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.vi.length).toBeGreaterThan(10);
  });

  it('refuses household HI for 1 month and a member position of 0', () => {
    const base = { paidOn: '2025-10-01', fromMonth: '2025-10', months: 3, memberPosition: 1, supportCategories: [] };
    expect(ruleError(() => quoteHhi(schedule, { ...base, months: 1 })).field).toBe('months');
    expect(ruleError(() => quoteHhi(schedule, { ...base, memberPosition: 0 })).field).toBe('memberPosition');
  });
});

describe('properties', () => {
  // The fund return (for lump sums) is published from 2025 in the shipped schedule.
  const paidOn = fc.constantFrom('2025-01-02', '2025-06-30', '2025-07-01', '2026-06-30', '2026-07-01', '2027-03-15');
  const categories = fc.subarray(['poor', 'near-poor', 'ethnic-minority', 'island', 'student', 'agri-average', 'other']);
  const plan = fc.constantFrom<[PaymentMethod, number]>(
    ['monthly', 1],
    ['quarterly', 3],
    ['semiannual', 6],
    ['annual', 12],
    ['lump-sum-future', 12],
    ['lump-sum-future', 36],
    ['lump-sum-future', 60],
  );
  const income = fc.integer({ min: 1_500_000, max: 46_800_000 });
  const used = fc.integer({ min: 0, max: 130 });

  it('the VSI breakdown sums to the total in whole, non-negative đồng, with support within its share', () => {
    fc.assert(
      fc.property(paidOn, categories, plan, income, used, (day, cats, [method, months], tn, u) => {
        const q = vsi({ paidOn: day, fromMonth: '2027-04', method, months, incomeBasis: tn, supportCategories: cats, supportedMonthsUsed: u });
        expect(q.lines).toHaveLength(months);
        expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
        const maxShare = day >= '2025-07-01' ? 0.5 : 0.3;
        for (const l of q.lines) {
          for (const n of [l.baseAmount, l.supportAmount, l.amount]) expect(Number.isInteger(n) && n >= 0).toBe(true);
          expect(l.baseAmount - l.supportAmount).toBe(l.amount);
          expect(l.supportAmount).toBeLessThanOrEqual(maxShare * 0.22 * 1_500_000);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('VSI grows with the income and with the months', () => {
    fc.assert(
      fc.property(paidOn, categories, income, income, used, (day, cats, a, b, u) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const at = (tn: number, method: PaymentMethod, months: number) =>
          vsi({ paidOn: day, fromMonth: '2027-04', method, months, incomeBasis: tn, supportCategories: cats, supportedMonthsUsed: u }).total;
        expect(at(lo, 'monthly', 1)).toBeLessThanOrEqual(at(hi, 'monthly', 1));
        expect(at(lo, 'lump-sum-future', 24)).toBeLessThanOrEqual(at(hi, 'lump-sum-future', 24));
        expect(at(lo, 'quarterly', 3)).toBeLessThanOrEqual(at(lo, 'semiannual', 6));
        expect(at(lo, 'lump-sum-future', 24)).toBeLessThanOrEqual(at(lo, 'lump-sum-future', 36));
      }),
      { numRuns: 150 },
    );
  });

  it('the highest applicable VSI category decides the amount', () => {
    fc.assert(
      fc.property(paidOn, categories, (day, cats) => {
        const all = vsi({ paidOn: day, supportCategories: cats }).total;
        const each = [...cats, 'other'].map((c) => vsi({ paidOn: day, supportCategories: [c] }).total);
        expect(all).toBe(Math.min(...each));
      }),
    );
  });

  it('household HI lines are whole, non-negative and sum to the total; later members never pay more', () => {
    const hhiCategories = fc.subarray(['near-poor', 'ethnic-minority', 'island', 'student', 'agri-average', 'other']);
    fc.assert(
      fc.property(paidOn, hhiCategories, fc.constantFrom(3, 6, 12), fc.integer({ min: 1, max: 9 }), (day, cats, months, position) => {
        const at = (p: number) => quoteHhi(schedule, { paidOn: day, fromMonth: '2027-01', months, memberPosition: p, supportCategories: cats });
        const q = at(position);
        expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
        for (const l of q.lines) expect(Number.isInteger(l.amount) && l.amount >= 0 && l.supportAmount >= 0).toBe(true);
        expect(at(position + 1).total).toBeLessThanOrEqual(q.total);
      }),
    );
  });
});
