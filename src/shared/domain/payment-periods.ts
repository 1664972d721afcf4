// Payment periods: month arithmetic, which months a payment method covers, what is owed next and
// by when (Law 41/2024 art. 36.2–36.3 for VSI; HI Law art. 15 for household HI: 3, 6 or 12 months).
import type { PaymentMethod } from '../contract/contribution';

export type Scheme = 'VSI' | 'HHI';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** 'YYYY-MM' plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last calendar day of a month, 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The months one period of a method covers; a future lump sum is counted per year. */
export const monthsPerPeriod: Record<PaymentMethod, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
  'lump-sum-future': 12,
  // The months missing to a pension are paid once; the enrolment's own method stays what it was.
  'lump-sum-shortfall': 1,
};

export const MAX_LUMP_SUM_MONTHS = 60;

/** Whether `months` agrees with the method (and the scheme allows the method). */
export function monthsAgreeWithMethod(scheme: Scheme, method: PaymentMethod, months: number): boolean {
  if (!Number.isInteger(months) || months < 1) return false;
  if (scheme === 'HHI') return method !== 'monthly' && !method.startsWith('lump-sum') && months === monthsPerPeriod[method];
  if (method === 'lump-sum-future') return months % 12 === 0 && months <= MAX_LUMP_SUM_MONTHS;
  if (method === 'lump-sum-shortfall') return months <= MAX_LUMP_SUM_MONTHS;
  return months === monthsPerPeriod[method];
}

/** The method a number of months implies, or null if no method pays that many months. */
export function methodForMonthsOrNull(scheme: Scheme, months: number): PaymentMethod | null {
  const plain: Record<number, PaymentMethod> = { 1: 'monthly', 3: 'quarterly', 6: 'semiannual', 12: 'annual' };
  const method = plain[months];
  if (scheme === 'HHI') return method && method !== 'monthly' ? method : null;
  if (method) return method;
  return months > 12 && months % 12 === 0 && months <= MAX_LUMP_SUM_MONTHS ? 'lump-sum-future' : null;
}

/** What is owed next: the month after the last paid one (or the enrolment month), one period. */
export function nextDuePeriod(method: PaymentMethod, enrolledFromMonth: string, lastPaidMonth: string | null): { fromMonth: string; months: number } {
  const fromMonth = lastPaidMonth === null || lastPaidMonth < enrolledFromMonth ? enrolledFromMonth : addMonths(lastPaidMonth, 1);
  return { fromMonth, months: monthsPerPeriod[method] };
}

/**
 * The last day to pay a period starting `fromMonth` (Law 41/2024 art. 36.3): monthly within the
 * month; 3-monthly within the 3 months; 6-monthly within the first 4; 12-monthly within the first
 * 7. A future lump sum has no periodic deadline.
 */
export function paymentDeadline(method: PaymentMethod, fromMonth: string): string | null {
  const within: Record<PaymentMethod, number | null> = {
    monthly: 1,
    quarterly: 3,
    semiannual: 4,
    annual: 7,
    'lump-sum-future': null,
    'lump-sum-shortfall': null,
  };
  const months = within[method];
  return months === null ? null : lastDayOf(addMonths(fromMonth, months - 1));
}
