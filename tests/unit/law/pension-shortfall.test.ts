// The lump sum for the years missing to a pension (Law 41/2024 art. 36.2; docs/law/worked-cases.md,
// cases S1–S6): conditions first (the retirement age reached, months missing within 60), then
// Σ 22 % × TN × (1 + r)^i, r the fund's monthly return (provisional in the shipped schedule).
import { describe, expect, it } from 'vitest';
import { retirementAge } from '../../../src/shared/domain/age-rules';
import { person, quote, refusal, schedule } from './law-fixtures';

const shortfall = (over: {
  paidOn?: string;
  contributedMonths?: number;
  months?: number;
  dateOfBirth?: string;
  sex?: 'male' | 'female';
  incomeBasis?: number;
}) =>
  quote({
    method: 'lump-sum-shortfall',
    paidOn: over.paidOn ?? '2026-03-10',
    fromMonth: (over.paidOn ?? '2026-03-10').slice(0, 7),
    months: over.months ?? 24,
    contributedMonths: over.contributedMonths ?? 156,
    incomeBasis: over.incomeBasis ?? 1_500_000,
    person: person({}, { dateOfBirth: over.dateOfBirth ?? '1964-03-15', sex: over.sex ?? 'male' }),
  });

describe('retirement age by the year it is reached (Decree 135/2020 art. 4)', () => {
  it.each([
    ['male', '1961-09-30', 60, 3, '2021-12-30'],
    ['male', '1961-10-01', 60, 6, '2022-04-01'],
    ['male', '1964-03-15', 61, 3, '2025-06-15'],
    ['male', '1966-04-01', 62, 0, '2028-04-01'],
    ['male', '1955-06-01', 60, 0, '2015-06-01'],
    ['female', '1966-08-31', 55, 4, '2021-12-31'],
    ['female', '1969-05-20', 57, 0, '2026-05-20'],
    ['female', '1975-05-01', 60, 0, '2035-05-01'],
  ] as const)('a %s born %s retires at %i years %i months, on %s', (sex, born, years, months, reachedOn) => {
    expect(retirementAge(schedule.retirementAge![sex], born)).toEqual({ years, months, reachedOn });
  });
});

describe('the lump sum for missing years', () => {
  it('S1 a man born 15 Mar 1964 with 156 months pays 24 months on 10 Mar 2026: 8 328 417 đ', () => {
    const q = shortfall({});
    expect(q.lines).toHaveLength(24);
    expect(q.lines.slice(0, 3).map((l) => l.amount)).toEqual([331_320, 332_645, 333_976]);
    expect(q.total).toBe(8_328_417);
    expect(q.lines.every((l) => l.kind === 'shortfall' && l.supportAmount === 0)).toBe(true);
    // No support in the lump sum (the shipped data): the quote names no support rule it did not apply.
    expect(q.support).toBeUndefined();
    expect(q.lines[0]!.description).toBe('Tháng còn thiếu thứ 1: 22% × 1.500.000 đ × (1 + 0,4%)^1');
  });

  it('S1b at 3 000 000 đ for 12 missing months: 8 128 971 đ', () => {
    expect(shortfall({ contributedMonths: 168, months: 12, incomeBasis: 3_000_000 }).total).toBe(8_128_971);
  });

  it('marks the fund return and the support treatment as provisional', () => {
    const whats = shortfall({}).provisional.map((p) => p.what);
    expect(whats).toContain('lãi suất đầu tư quỹ');
    expect(whats).toContain('đóng một lần cho những năm còn thiếu');
  });

  it.each([
    [
      'S2 a woman born 20 May 1969, one day before her retirement age',
      { dateOfBirth: '1969-05-20', sex: 'female' as const, paidOn: '2026-05-19' },
      'method',
      'đủ vào ngày 20/05/2026',
    ],
    ['S3 61 months missing: more than 5 years', { contributedMonths: 119, months: 61 }, 'contributedMonths', 'quá 60 tháng'],
    ['S4 180 months contributed already', { contributedMonths: 180, months: 1 }, 'contributedMonths', 'không cần đóng một lần'],
    ['S5 months other than the months missing', { months: 12 }, 'months', 'đúng 24 tháng còn thiếu'],
    ['S6 no months contributed given', { contributedMonths: -1 }, 'contributedMonths', 'số nguyên từ 0'],
  ])('refuses %s', (_case, over, field, text) => {
    const error = refusal(() => shortfall(over));
    expect(error.field).toBe(field);
    expect(error.vi).toContain(text);
  });

  it('S2 the same woman on the day she reaches it may pay', () => {
    expect(shortfall({ dateOfBirth: '1969-05-20', sex: 'female', paidOn: '2026-05-20' }).total).toBeGreaterThan(0);
  });
});
