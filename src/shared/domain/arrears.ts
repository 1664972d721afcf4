// Months paid after their deadline (arrears, *chậm đóng*). Law 41/2024/QH15 art. 36.3 sets each
// method's deadline; a month before the payment month whose deadline has passed on the payment
// date is paid late. A future lump sum (art. 36.2) starts no earlier than the payment month: any
// month before it is arrears, each with the monthly deadline. How a late month is priced — the
// state's support or not, interest at the fund's monthly return r for each month late — is
// reference data (`vsi.arrears`) decided in ADR 0018; this file only says which months are late
// and by how many months.
import type { PaymentMethod } from '../contract/contribution';
import { MAX_LUMP_SUM_MONTHS, addMonths, monthsPerPeriod, paymentDeadline } from './payment-periods';

export interface MonthPlan {
  month: string;
  /** True when the month is paid after its deadline. */
  late: boolean;
  /** Whole months from the deadline's month to the payment month (≥ 1 when late, else 0). */
  monthsLate: number;
  /** The deadline that applied (null for the current and future months of a lump sum). */
  deadline: string | null;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The months between two months (b − a), in whole months. */
export function monthsBetween(a: string, b: string): number {
  return monthIndex(b.slice(0, 7)) - monthIndex(a.slice(0, 7));
}

/**
 * The months of a payment, each marked late or on time. Months in or after the payment month are
 * never late. Before it: a lump sum's months are due each within its own month; a periodic
 * method's months fall in consecutive periods from `fromMonth`, each period with its deadline
 * (within the month, the 3 months, the first 4 of 6, the first 7 of 12).
 */
export function planMonths(method: PaymentMethod, fromMonth: string, months: number, paidOn: string): MonthPlan[] {
  const payMonth = paidOn.slice(0, 7);
  const perPeriod = method === 'lump-sum-future' ? 1 : monthsPerPeriod[method];
  const plans: MonthPlan[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(fromMonth, i);
    const periodStart = addMonths(fromMonth, i - (i % perPeriod));
    const deadline = method === 'lump-sum-future' ? (month < payMonth ? paymentDeadline('monthly', month) : null) : paymentDeadline(method, periodStart);
    const late = month < payMonth && deadline !== null && deadline < paidOn;
    plans.push({ month, late, monthsLate: late ? monthsBetween(deadline!, paidOn) : 0, deadline });
  }
  return plans;
}

/**
 * Whether the months of a VSI payment agree with its method once late months are set apart: late
 * months come in whole periods of the method (any number of them), and the months on time make at
 * most one period — or, for a future lump sum, whole years, one to five, from the payment month.
 */
export function vsiMonthsAgree(method: PaymentMethod, plans: readonly MonthPlan[]): boolean {
  const late = plans.filter((p) => p.late).length;
  const onTime = plans.length - late;
  if (plans.length === 0 || plans.some((p, i) => i > 0 && p.late && !plans[i - 1]!.late)) return false;
  if (method === 'lump-sum-future') return onTime > 0 && onTime % 12 === 0 && onTime <= MAX_LUMP_SUM_MONTHS;
  const perPeriod = monthsPerPeriod[method];
  return plans.length % perPeriod === 0 && onTime <= perPeriod;
}
