// The office core's door to the pure contribution rules (src/shared/domain): picks the VSI or HHI
// calculator, checks the months against the method, and turns a broken rule into the contract's
// OfficeError('VALIDATION'). Rules themselves live in the shared domain, not here.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import { MONTHS_RULE, validation } from '../../../shared/domain/contribution-quote';
import { addMonths as addMonthsPure, methodForMonthsOrNull, nextDuePeriod, paymentDeadline } from '../../../shared/domain/payment-periods';

type Scheme = 'VSI' | 'HHI';

export function addMonths(month: string, n: number): string {
  try {
    return addMonthsPure(month, n);
  } catch {
    throw validation('fromMonth', 'Tháng bắt đầu không hợp lệ (YYYY-MM).', 'The first month is not a valid YYYY-MM month.');
  }
}

export function methodForMonths(scheme: Scheme, months: number): PaymentMethod {
  const method = methodForMonthsOrNull(scheme, months);
  if (!method) throw validation('months', MONTHS_RULE[scheme].vi, MONTHS_RULE[scheme].en);
  return method;
}

export function nextDue(scheme: Scheme, method: PaymentMethod, enrolledFromMonth: string, lastPaidMonth: string | null): { fromMonth: string; months: number } {
  const due = nextDuePeriod(method, enrolledFromMonth, lastPaidMonth);
  // HHI is never monthly; an enrolment stored that way still owes a 3-month period.
  if (scheme === 'HHI' && method === 'monthly') return { ...due, months: 3 };
  return due;
}

export function deadlineFor(method: PaymentMethod, fromMonth: string): string | null {
  return paymentDeadline(method, fromMonth);
}

export { computeQuote } from '../../../shared/domain/contribution-quote';
