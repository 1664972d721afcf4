// Ages: a plausible date of birth, each scheme's age limits, and the retirement age a lump sum for
// the missing years waits for. The retirement age rises by the year it is reached (Labour Code 2019
// art. 169; Decree 135/2020/NĐ-CP art. 4: men 60 y 3 m in 2021, +3 months a year to 62 in 2028;
// women 55 y 4 m in 2021, +4 months a year to 60 in 2035) — the roadmap is reference data. The age
// is reached on the birthday; only the birth year known means 1 January (Decree 135/2020 art. 3.3).
import { vietnameseDate } from './business-date';
import type { RetirementStep } from './reference-schedule';
import { ContributionRuleError } from './schedule-values';

/** The oldest date of birth a form accepts, in years before today. */
export const MAX_AGE_YEARS = 120;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date plus whole years and months; a day past the month's end falls on its last day (29 Feb → 28 Feb). */
export function addYearsMonths(date: string, years: number, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + years * 12 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years of age on a date. */
export function ageOn(dateOfBirth: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (on.slice(5) < dateOfBirth.slice(5)) age -= 1;
  return age;
}

/** A date of birth in the future or more than 120 years back is a typing mistake: refused. */
export function birthDateProblem(dateOfBirth: string, today: string): { vi: string; en: string } | null {
  if (dateOfBirth > today) {
    return {
      vi: `Ngày sinh ${vietnameseDate(dateOfBirth)} sau ngày hôm nay (${vietnameseDate(today)}).`,
      en: `The date of birth ${dateOfBirth} is after today (${today}).`,
    };
  }
  if (dateOfBirth < addYearsMonths(today, -MAX_AGE_YEARS, 0)) {
    return {
      vi: `Ngày sinh ${vietnameseDate(dateOfBirth)} là hơn ${MAX_AGE_YEARS} năm trước: kiểm tra lại năm sinh.`,
      en: `The date of birth ${dateOfBirth} is more than ${MAX_AGE_YEARS} years ago: check the year.`,
    };
  }
  return null;
}

/** VSI is open from the minimum age (15, Law 41/2024 art. 2.4) on the payment date. */
export function checkVsiAge(dateOfBirth: string, paidOn: string, minAge: number): void {
  const age = ageOn(dateOfBirth, paidOn);
  if (age < minAge) {
    throw new ContributionRuleError(
      'participantId',
      `Người tham gia BHXH tự nguyện phải từ đủ ${minAge} tuổi (ngày sinh ${vietnameseDate(dateOfBirth)}, ngày nộp ${vietnameseDate(paidOn)}: ${age} tuổi).`,
      `Voluntary social insurance starts at ${minAge} (born ${dateOfBirth}: ${age} on ${paidOn}).`,
    );
  }
}

/** A child under the age the state insures (6, HI Law art. 12.3) pays no household HI. */
export function checkHhiAge(dateOfBirth: string, paidOn: string, statePaidUnderAge: number): void {
  const age = ageOn(dateOfBirth, paidOn);
  if (age < statePaidUnderAge) {
    throw new ContributionRuleError(
      'participantId',
      `Trẻ em dưới ${statePaidUnderAge} tuổi do ngân sách nhà nước đóng BHYT (ngày sinh ${vietnameseDate(dateOfBirth)}); không thu BHYT hộ gia đình.`,
      `Children under ${statePaidUnderAge} are insured by the state budget (born ${dateOfBirth}); no household HI is collected.`,
    );
  }
}

export interface RetirementAge {
  years: number;
  months: number;
  /** The day the age is reached. */
  reachedOn: string;
}

/**
 * The retirement age that applies to a person: the first step of the roadmap whose age, added to
 * the date of birth, falls in a year that asks no more than that age.
 */
export function retirementAge(steps: readonly RetirementStep[], dateOfBirth: string): RetirementAge {
  const required = (year: number): number => {
    let step = steps[0]!;
    for (const s of steps) if (s.fromYear <= year) step = s;
    return step.years * 12 + step.months;
  };
  for (const s of steps) {
    const reachedOn = addYearsMonths(dateOfBirth, s.years, s.months);
    if (required(Number(reachedOn.slice(0, 4))) <= s.years * 12 + s.months) return { years: s.years, months: s.months, reachedOn };
  }
  const last = steps.at(-1)!;
  return { years: last.years, months: last.months, reachedOn: addYearsMonths(dateOfBirth, last.years, last.months) };
}
