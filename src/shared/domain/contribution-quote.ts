// One quote question → the right calculator (VSI or HHI), with the months checked against the
// method and a broken rule turned into the contract's VALIDATION error. Pure and shared: the office
// core quotes with it, and the central service recomputes every recorded contribution with it.
import type { PaymentMethod } from '../contract/contribution';
import { OfficeError } from '../contract/errors';
import { type ContributionQuote, ContributionRuleError, quoteHhi, quoteVsi } from './contribution-calculator';
import { monthsAgreeWithMethod } from './payment-periods';
import type { ReferenceSchedule } from './reference-schedule';

export type Scheme = 'VSI' | 'HHI';

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

export function validation(field: string, vi: string, en: string): OfficeError {
  return new OfficeError('VALIDATION', { field, vi, en });
}

export const MONTHS_RULE = {
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
