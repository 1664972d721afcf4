// The office core's door to the pure contribution rules (src/shared/domain): picks the VSI or HHI
// calculator, checks the months against the method, and turns a broken rule into the contract's
// OfficeError('VALIDATION'). Rules themselves live in the shared domain, not here.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import { OfficeError } from '../../../shared/contract/errors';
import { type ContributionQuote, ContributionRuleError, quoteHhi, quoteVsi } from '../../../shared/domain/contribution-calculator';
import {
  addMonths as addMonthsPure,
  methodForMonthsOrNull,
  monthsAgreeWithMethod,
  nextDuePeriod,
  paymentDeadline,
} from '../../../shared/domain/payment-periods';
import type { ReferenceSchedule } from '../../../shared/domain/reference-schedule';

type Scheme = 'VSI' | 'HHI';

export interface QuoteQuestion {
  scheme: Scheme;
  paidOn: string;
  fromMonth: string;
  months: number;
  method: PaymentMethod;
  incomeBasis: number | null;
  memberPosition: number | null;
  supportCategory: string;
  supportedMonthsUsed: number;
  participantId: string;
}

function validation(field: string, vi: string, en: string): OfficeError {
  return new OfficeError('VALIDATION', { field, vi, en });
}

const MONTHS_RULE = {
  VSI: {
    vi: 'Số tháng không khớp phương thức đóng: hằng tháng 1, 3 tháng 3, 6 tháng 6, 12 tháng 12, đóng trước một lần bội số của 12 đến 60 tháng.',
    en: 'The months do not match the method: monthly 1, quarterly 3, semiannual 6, annual 12, lump sum a multiple of 12 up to 60.',
  },
  HHI: { vi: 'BHYT hộ gia đình đóng theo 3, 6 hoặc 12 tháng.', en: 'Household HI is paid for 3, 6 or 12 months.' },
} as const;

function rules<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ContributionRuleError) throw validation(error.field, error.vi, error.en);
    throw error;
  }
}

export function computeQuote(schedule: ReferenceSchedule, q: QuoteQuestion): ContributionQuote {
  if (!monthsAgreeWithMethod(q.scheme, q.method, q.months)) throw validation('months', MONTHS_RULE[q.scheme].vi, MONTHS_RULE[q.scheme].en);
  if (q.scheme === 'VSI') {
    if (q.incomeBasis === null) {
      throw validation('incomeBasis', 'Nhập mức thu nhập lựa chọn để đóng BHXH tự nguyện.', 'Choose an income for voluntary social insurance.');
    }
    const incomeBasis = q.incomeBasis;
    return rules(() =>
      quoteVsi(schedule, {
        paidOn: q.paidOn,
        fromMonth: q.fromMonth,
        months: q.months,
        method: q.method,
        incomeBasis,
        supportCategories: [q.supportCategory],
        supportedMonthsUsed: q.supportedMonthsUsed,
        participantId: q.participantId,
      }),
    );
  }
  if (q.memberPosition === null || q.memberPosition < 1) {
    throw validation('memberPosition', 'Người này không có trong danh sách thành viên hộ gia đình.', 'This person is not a member of the household.');
  }
  const memberPosition = q.memberPosition;
  return rules(() =>
    quoteHhi(schedule, {
      paidOn: q.paidOn,
      fromMonth: q.fromMonth,
      months: q.months,
      memberPosition,
      supportCategories: [q.supportCategory],
      participantId: q.participantId,
    }),
  );
}

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
