// One quote question → the right calculator (VSI, HHI or the lump sum for missing years), with the
// support derived from the person's facts on the payment date (support-facts.ts), each scheme's age
// limits checked, and a broken rule turned into the contract's VALIDATION error. Pure and shared:
// the office core quotes with it, and the central service recomputes every recorded contribution.
import type { PaymentMethod } from '../contract/contribution';
import { OfficeError } from '../contract/errors';
import { checkHhiAge, checkVsiAge } from './age-rules';
import { type ContributionQuote, ContributionRuleError, quoteHhi, quoteShortfall, quoteVsi } from './contribution-calculator';
import { monthsAgreeWithMethod } from './payment-periods';
import type { ReferenceSchedule } from './reference-schedule';
import { ScheduleReader } from './schedule-values';
import { type CommuneStatus, type SupportFacts, type SupportReason, supportBasis } from './support-facts';

export type Scheme = 'VSI' | 'HHI';

/** Who pays: what the rules need to know about the person. */
export interface QuotePerson {
  dateOfBirth: string;
  sex: 'male' | 'female';
  provinceCode: string;
  facts: SupportFacts;
}

export interface QuoteQuestion {
  scheme: Scheme;
  paidOn: string;
  fromMonth: string;
  months: number;
  method: PaymentMethod;
  incomeBasis: number | null;
  memberPosition: number | null;
  /** The person and their facts; support is derived from them. */
  person?: QuotePerson | undefined;
  communeStatuses?: readonly CommuneStatus[] | undefined;
  /**
   * The one category that applies, when the caller holds it rather than derives it: an operation of
   * an older release, or the central checking an office's figures (the office's category, with the
   * central's record of the person for age and the lump sum's conditions).
   */
  supportCategory?: string | undefined;
  /** The province whose top-up applies, when it is not the person's (the central checks the office's). */
  provinceCode?: string | null | undefined;
  supportedMonthsUsed: number;
  /** The lump sum for missing years: months contributed so far (from the SI book). */
  contributedMonths?: number | null | undefined;
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

/** The categories (with reasons) that apply to the question's person in its scheme on the payment date. */
export function supportOf(q: QuoteQuestion): { categories: string[]; reasons: SupportReason[] | undefined; notes: { vi: string; en: string }[] } {
  if (!q.person || q.supportCategory !== undefined) return { categories: [q.supportCategory ?? 'other'], reasons: undefined, notes: [] };
  const basis = supportBasis(q.person.facts, q.communeStatuses ?? [], q.scheme, q.paidOn);
  return { categories: basis.applies.map((a) => a.category), reasons: basis.applies, notes: basis.notes };
}

export function computeQuote(schedule: ReferenceSchedule, q: QuoteQuestion): ContributionQuote {
  if (q.scheme === 'HHI' && !monthsAgreeWithMethod('HHI', q.method, q.months)) throw validation('months', MONTHS_RULE.HHI.vi, MONTHS_RULE.HHI.en);
  const support = supportOf(q);
  const common = {
    paidOn: q.paidOn,
    supportCategories: support.categories,
    supportReasons: support.reasons,
    provinceCode: q.provinceCode !== undefined ? q.provinceCode : (q.person?.provinceCode ?? null),
    participantId: q.participantId,
  };
  if (q.scheme === 'VSI') {
    if (q.incomeBasis === null) {
      throw validation('incomeBasis', 'Nhập mức thu nhập lựa chọn để đóng BHXH tự nguyện.', 'Choose an income for voluntary social insurance.');
    }
    const incomeBasis = q.incomeBasis;
    const person = q.person;
    return rules(() => {
      if (person) {
        const minAge = new ScheduleReader(q.paidOn).optional(schedule.vsi.minAge, 'tuổi tham gia tối thiểu');
        if (minAge !== null) checkVsiAge(person.dateOfBirth, q.paidOn, minAge);
      }
      if (q.method === 'lump-sum-shortfall') {
        if (!person)
          throw new ContributionRuleError('participantId', 'Cần ngày sinh và giới tính của người tham gia.', 'The date of birth and sex are needed.');
        const { conditions: _conditions, ...quote } = quoteShortfall(schedule, {
          ...common,
          dateOfBirth: person.dateOfBirth,
          sex: person.sex,
          contributedMonths: q.contributedMonths ?? -1,
          months: q.months,
          incomeBasis,
          supportedMonthsUsed: q.supportedMonthsUsed,
        });
        return quote;
      }
      return quoteVsi(schedule, {
        ...common,
        fromMonth: q.fromMonth,
        months: q.months,
        method: q.method,
        incomeBasis,
        supportedMonthsUsed: q.supportedMonthsUsed,
      });
    });
  }
  if (q.memberPosition === null || q.memberPosition < 1) {
    throw validation('memberPosition', 'Người này không có trong danh sách thành viên hộ gia đình.', 'This person is not a member of the household.');
  }
  const memberPosition = q.memberPosition;
  const person = q.person;
  return rules(() => {
    if (person) {
      const under = new ScheduleReader(q.paidOn).optional(schedule.hhi.statePaidUnderAge, 'tuổi trẻ em do ngân sách đóng BHYT');
      if (under !== null) checkHhiAge(person.dateOfBirth, q.paidOn, under);
    }
    return quoteHhi(schedule, { ...common, fromMonth: q.fromMonth, months: q.months, memberPosition });
  });
}
