// Who a field officer should visit, and why (issue 21, ADR 0029): a person's statuses from what the
// office knows — enrollments, the month each scheme is paid through, the household's coverage marks —
// and today's date. The deadlines are the law's (Law 41/2024 art. 36.3, `paymentDeadline`): a VSI
// period is due from its first month until its deadline, overdue the day after. A household HI card
// is valid to the last day of the last month paid; it is "expiring" from 30 days before that day,
// "expired" the day after. Pure: the caller passes today and the facts.
import type { PaymentMethod } from '../contract/contribution';
import { monthsBetween } from './arrears';
import { addMonths, lastDayOf, monthsPerPeriod, paymentDeadline } from './payment-periods';

export const visitStatuses = ['promise-due', 'vsi-overdue', 'vsi-due', 'hhi-expired', 'hhi-expiring', 'never-paid', 'no-scheme'] as const;
export type VisitStatus = (typeof visitStatuses)[number];

/** Days before a household HI card's last day from which it counts as expiring. */
export const HHI_EXPIRY_WARNING_DAYS = 30;

export interface SchemeFacts {
  method: PaymentMethod;
  /** The enrollment's first month. */
  fromMonth: string;
  /** The last month paid (receipts not voided), or null: never paid. */
  paidThrough: string | null;
}

export interface PersonFacts {
  /** The active VSI enrollment, or null. */
  vsi: SchemeFacts | null;
  /** The active HHI enrollment, or null. */
  hhi: SchemeFacts | null;
  /** The household marks the person as insured by another scheme (employee, pensioner, child …). */
  coveredElsewhere: boolean;
  /** The date the person last promised to pay (the last visit's outcome), or null. */
  promisedOn: string | null;
}

export interface VsiStanding {
  /** The method today's payment is priced with (a lump sum run out is paid monthly). */
  method: PaymentMethod;
  /** The first month not paid. */
  nextFrom: string;
  /** The deadline of the period starting at `nextFrom` (null for a method without one). */
  deadline: string | null;
  /** Months from `nextFrom` to the end of the period holding today's month: what today's payment covers. */
  monthsDue: number;
}

export interface HhiStanding {
  /** The method a renewal is priced with (3, 6 or 12 months). */
  method: PaymentMethod;
  /** The card's last valid day (null: never paid). */
  validTo: string | null;
  /** Days from today to `validTo` (negative: expired). */
  daysLeft: number | null;
  /** The first month a payment today would cover, and how many (one period of the method). */
  nextFrom: string;
  monthsDue: number;
}

export interface VisitStanding {
  /** Every status that applies, most pressing first (`visitStatuses` order). */
  statuses: VisitStatus[];
  vsi: VsiStanding | null;
  hhi: HhiStanding | null;
}

/** Whole days from date a to date b ('YYYY-MM-DD'; negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The method whose deadlines a period follows: a lump sum falls back to the monthly deadline once its months run out. */
function periodicMethod(method: PaymentMethod): PaymentMethod {
  return method === 'lump-sum-future' || method === 'lump-sum-shortfall' ? 'monthly' : method;
}

/**
 * A VSI enrollment's first unpaid period, whatever the day: its first month, the method its deadline
 * follows and that deadline. What is due on a day follows from it (`vsiStanding`); the visit list's
 * store keeps it per person so statuses are a comparison with the day (visit-facts-repository.ts).
 */
export function vsiNextPeriod(facts: SchemeFacts): { method: PaymentMethod; nextFrom: string; deadline: string | null } {
  const paid = facts.paidThrough;
  const nextFrom = paid === null || paid < facts.fromMonth ? facts.fromMonth : addMonths(paid, 1);
  const method = periodicMethod(facts.method);
  return { method, nextFrom, deadline: paymentDeadline(method, nextFrom) };
}

/** Where a VSI enrollment stands today, or null when it is paid beyond the current month. */
export function vsiStanding(facts: SchemeFacts, today: string): VsiStanding | null {
  const month = today.slice(0, 7);
  const { method, nextFrom, deadline } = vsiNextPeriod(facts);
  if (nextFrom > month) return null;
  const perPeriod = monthsPerPeriod[method];
  // Late periods are paid whole, then the period holding today's month (arrears.ts: vsiMonthsAgree).
  const periodsToToday = Math.floor(monthsBetween(nextFrom, month) / perPeriod) + 1;
  return { method, nextFrom, deadline, monthsDue: periodsToToday * perPeriod };
}

/** Where a household HI enrollment stands today. A lapsed card starts again from this month (no HI arrears). */
export function hhiStanding(facts: SchemeFacts, today: string): HhiStanding {
  const month = today.slice(0, 7);
  // Household HI is paid for 3, 6 or 12 months; an enrollment of another method is priced as a year.
  const method: PaymentMethod = ['quarterly', 'semiannual', 'annual'].includes(facts.method) ? facts.method : 'annual';
  const monthsDue = monthsPerPeriod[method];
  if (facts.paidThrough === null) {
    return { method, validTo: null, daysLeft: null, nextFrom: facts.fromMonth > month ? facts.fromMonth : month, monthsDue };
  }
  const validTo = lastDayOf(facts.paidThrough);
  const following = addMonths(facts.paidThrough, 1);
  return { method, validTo, daysLeft: daysBetween(today, validTo), nextFrom: following < month ? month : following, monthsDue };
}

/** A person's statuses today, most pressing first; none when everything is paid and valid. */
export function visitStanding(facts: PersonFacts, today: string): VisitStanding {
  const statuses = new Set<VisitStatus>();
  const vsi = facts.vsi ? vsiStanding(facts.vsi, today) : null;
  const hhi = facts.hhi ? hhiStanding(facts.hhi, today) : null;
  if (facts.vsi && vsi) {
    if (facts.vsi.paidThrough === null) statuses.add('never-paid');
    else if (vsi.deadline !== null && today > vsi.deadline) statuses.add('vsi-overdue');
    else statuses.add('vsi-due');
  }
  if (facts.hhi && hhi) {
    if (hhi.daysLeft === null) statuses.add('never-paid');
    else if (hhi.daysLeft < 0) statuses.add('hhi-expired');
    else if (hhi.daysLeft <= HHI_EXPIRY_WARNING_DAYS) statuses.add('hhi-expiring');
  }
  if (!facts.vsi && !facts.hhi && !facts.coveredElsewhere) statuses.add('no-scheme');
  // A promise brings the person back on its date while something is still owed.
  const owes = [...statuses].some((s) => s !== 'no-scheme');
  if (facts.promisedOn !== null && facts.promisedOn <= today && owes) statuses.add('promise-due');
  return { statuses: visitStatuses.filter((s) => statuses.has(s)), vsi, hhi };
}

/** The most pressing status (for ordering and the badge), or null. */
export function firstStatus(statuses: readonly VisitStatus[]): VisitStatus | null {
  return statuses[0] ?? null;
}
