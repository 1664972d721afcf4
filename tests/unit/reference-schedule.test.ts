// The shipped contribution-rate schedule: it parses, carries the legal values with their dates,
// marks placeholders, and bad bodies are refused.
import { describe, expect, it } from 'vitest';
import rates from '../../resources/reference/contribution-rates.json';
import { entryOn, parseSchedule, valueOn } from '../../src/shared/domain/reference-schedule';

const schedule = parseSchedule(rates);
const clone = () => JSON.parse(JSON.stringify(rates));

describe('the shipped contribution-rate schedule', () => {
  it('has a version', () => {
    expect(schedule.version).toBe('2026-07-01.2');
  });

  it.each([
    ['2019-07-01', 1_490_000],
    ['2023-06-30', 1_490_000],
    ['2023-07-01', 1_800_000],
    ['2024-07-01', 2_340_000],
    ['2026-06-30', 2_340_000],
    ['2026-07-01', 2_530_000],
  ])('gives the base salary in force on %s as %i đ', (date, value) => {
    expect(valueOn(schedule.baseSalary, date)).toBe(value);
  });

  it('keeps the support shares before and from 1 Jul 2025', () => {
    expect(valueOn(schedule.vsi.supportShares, '2025-06-30')).toEqual({
      poor: { num: 30, den: 100 },
      'near-poor': { num: 25, den: 100 },
      other: { num: 10, den: 100 },
    });
    expect(valueOn(schedule.vsi.supportShares, '2025-07-01')).toMatchObject({
      poor: { num: 50, den: 100 },
      island: { num: 50, den: 100 },
      'near-poor': { num: 40, den: 100 },
      'ethnic-minority': { num: 30, den: 100 },
      other: { num: 20, den: 100 },
    });
  });

  it('holds the VSI and HHI constants as exact fractions', () => {
    expect(valueOn(schedule.vsi.rate, '2026-01-01')).toEqual({ num: 22, den: 100 });
    expect(valueOn(schedule.vsi.incomeCeilingMultiple, '2026-01-01')).toBe(20);
    expect(valueOn(schedule.vsi.maxSupportedMonths, '2026-01-01')).toBe(120);
    expect(valueOn(schedule.ruralPovertyLine, '2026-01-01')).toBe(1_500_000);
    expect(valueOn(schedule.hhi.firstMemberRate, '2026-01-01')).toEqual({ num: 45, den: 1000 });
    expect(valueOn(schedule.hhi.memberShares, '2026-01-01').map((f) => f.num / f.den)).toEqual([1, 0.7, 0.6, 0.5, 0.4]);
    expect(valueOn(schedule.hhi.periods, '2026-01-01')).toEqual([3, 6, 12]);
  });

  it('marks the fund return and the poverty line beyond 2025 as not confirmed', () => {
    expect(entryOn(schedule.vsi.lumpSumMonthlyReturn, '2026-03-01')?.confirmed).toBe(false);
    expect(entryOn(schedule.ruralPovertyLine, '2026-03-01')?.confirmed).toBe(false);
  });

  it('names a legal source for every value', () => {
    const all = [schedule.baseSalary, schedule.ruralPovertyLine, ...Object.values(schedule.vsi), ...Object.values(schedule.hhi)].flat();
    for (const entry of all) expect(entry.source.length).toBeGreaterThan(5);
  });

  it('has no value before the first date', () => {
    expect(entryOn(schedule.baseSalary, '2019-06-30')).toBeNull();
    expect(() => valueOn(schedule.baseSalary, '2019-06-30')).toThrow(RangeError);
  });
});

describe('parsing a schedule body', () => {
  it('refuses a body without a version', () => {
    const body = clone();
    delete body.version;
    expect(() => parseSchedule(body)).toThrow();
  });

  it('refuses a percentage written as a float', () => {
    const body = clone();
    body.vsi.rate[0].value = 0.22;
    expect(() => parseSchedule(body)).toThrow();
  });

  it('refuses a series out of date order', () => {
    const body = clone();
    body.baseSalary.reverse();
    expect(() => parseSchedule(body)).toThrow();
  });

  it('refuses a share table without "other" and a share above 100 %', () => {
    const body = clone();
    delete body.vsi.supportShares[1].value.other;
    expect(() => parseSchedule(body)).toThrow();
    const body2 = clone();
    body2.hhi.supportShares[0].value.student = { num: 150, den: 100 };
    expect(() => parseSchedule(body2)).toThrow();
  });

  it('refuses a fractional base salary and a missing source', () => {
    const body = clone();
    body.baseSalary[0].value = 1_490_000.5;
    expect(() => parseSchedule(body)).toThrow();
    const body2 = clone();
    delete body2.baseSalary[0].source;
    expect(() => parseSchedule(body2)).toThrow();
  });
});
