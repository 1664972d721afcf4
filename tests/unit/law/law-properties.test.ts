// Properties of the law's rules across effective dates: for any payment date between 2024 and
// 2028, any facts and any plan, the lines are whole đồng that sum to the total, the support is the
// highest share in force that day, a fact never raises the amount, a certificate counts exactly
// within its dates, a late month never carries support and never costs less than on time, and the
// lump sum for missing years grows with the months missing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYearsMonths } from '../../../src/shared/domain/age-rules';
import { valueOn } from '../../../src/shared/domain/reference-schedule';
import type { SupportFacts } from '../../../src/shared/domain/support-facts';
import { PHU_QUOC, noFacts, person, quote, schedule } from './law-fixtures';

const day = fc.integer({ min: 0, max: 4 * 365 }).map((n) => new Date(Date.UTC(2024, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
const facts: fc.Arbitrary<SupportFacts> = fc.record({
  poverty: fc.option(
    fc.record({
      kind: fc.constantFrom('poor' as const, 'near-poor' as const),
      number: fc.constant('GCN-1'),
      validFrom: fc.constantFrom('2024-01-01', '2025-07-01', '2026-01-01'),
      validTo: fc.constantFrom('2025-12-31', '2026-12-31', '2028-12-31'),
    }),
  ),
  ethnicity: fc.constantFrom('Kinh', 'Tày', 'Mông', 'Hoa'),
  communeCode: fc.constantFrom('00004', PHU_QUOC),
  student: fc.boolean(),
  agriAverage: fc.boolean(),
});
// The fund's monthly return (late months, lump sums) is published from 2025 in the shipped schedule.
const dayWithReturn = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const income = fc.integer({ min: 1_500_000, max: 20_000_000 });

describe('properties across effective dates', () => {
  it('VSI lines are whole, sum to the total, use the values in force on the payment date, and apply the highest share that day', () => {
    fc.assert(
      fc.property(day, facts, income, (paidOn, f, tn) => {
        const q = quote({ paidOn, fromMonth: paidOn.slice(0, 7), incomeBasis: tn, person: person(f) });
        expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0));
        const line = q.lines[0]!;
        expect(line.values.povertyLine).toBe(valueOn(schedule.ruralPovertyLine, paidOn));
        expect(line.values.baseSalary).toBe(valueOn(schedule.baseSalary, paidOn));
        for (const n of [line.baseAmount, line.supportAmount, line.amount]) expect(Number.isInteger(n) && n >= 0).toBe(true);
        const table = valueOn(schedule.vsi.supportShares, paidOn);
        const best = Math.max(...Object.values(table).map((s) => s.num / s.den));
        expect(line.supportAmount).toBeLessThanOrEqual(Math.round(best * 330_000));
        expect(q.support!.source.length).toBeGreaterThan(5);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a fact never raises what a person pays for a month on time (VSI and HHI)', () => {
    fc.assert(
      fc.property(day, facts, (paidOn, f) => {
        const vsi = (x: SupportFacts) => quote({ paidOn, fromMonth: paidOn.slice(0, 7), person: person(x) }).total;
        expect(vsi(f)).toBeLessThanOrEqual(vsi(noFacts));
        if (f.poverty?.kind === 'poor') return; // the state insures the poor: no household HI at all
        const hhi = (x: SupportFacts) =>
          quote({
            scheme: 'HHI',
            method: 'quarterly',
            months: 3,
            memberPosition: 2,
            incomeBasis: null,
            paidOn,
            fromMonth: paidOn.slice(0, 7),
            person: person(x),
          }).total;
        expect(hhi(f)).toBeLessThanOrEqual(hhi(noFacts));
      }),
      { numRuns: 200 },
    );
  });

  it('a certificate counts on its first and last day and on no day outside them', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (validFrom, length) => {
        const validTo = new Date(Date.parse(validFrom) + length * 86_400_000).toISOString().slice(0, 10);
        const withCert = (paidOn: string) =>
          quote({ paidOn, fromMonth: paidOn.slice(0, 7), person: person({ poverty: { kind: 'near-poor', number: 'X', validFrom, validTo } }) });
        const dayBefore = new Date(Date.parse(validFrom) - 86_400_000).toISOString().slice(0, 10);
        const dayAfter = new Date(Date.parse(validTo) + 86_400_000).toISOString().slice(0, 10);
        for (const inside of [validFrom, validTo]) expect(withCert(inside).support!.category).toBe('near-poor');
        for (const outside of [dayBefore, dayAfter]) expect(withCert(outside).support!.category).not.toBe('near-poor');
      }),
      { numRuns: 100 },
    );
  });

  it('a late month carries no support and costs at least its on-time gross', () => {
    fc.assert(
      fc.property(dayWithReturn, facts, income, fc.integer({ min: 1, max: 24 }), (paidOn, f, tn, back) => {
        const month = addYearsMonths(`${paidOn.slice(0, 7)}-01`, 0, -back).slice(0, 7);
        const q = quote({ paidOn, fromMonth: month, incomeBasis: tn, person: person(f) });
        const line = q.lines[0]!;
        expect(line.kind).toBe('arrears');
        expect(line.supportAmount).toBe(0);
        expect(line.amount).toBeGreaterThanOrEqual(Math.round(0.22 * tn));
      }),
      { numRuns: 200 },
    );
  });

  it('the lump sum for missing years grows with the months missing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 120, max: 178 }), income, (contributed, tn) => {
        const at = (c: number) =>
          quote({
            method: 'lump-sum-shortfall',
            paidOn: '2026-03-10',
            fromMonth: '2026-03',
            months: 180 - c,
            contributedMonths: c,
            incomeBasis: tn,
            person: person({}, { dateOfBirth: '1960-01-01' }),
          }).total;
        expect(at(contributed)).toBeGreaterThan(at(contributed + 1));
      }),
      { numRuns: 100 },
    );
  });
});
