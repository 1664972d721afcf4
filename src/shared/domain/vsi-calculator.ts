// Voluntary social insurance (VSI), to the đồng: each month `22% × TN − k × 22% × CN − top-up`, k
// the highest state support share that applies (Decree 159/2025/NĐ-CP art. 5; Decree 134/2015 art.
// 14 before 1 Jul 2025) while fewer than the maximum supported months have been used; a future lump
// sum discounts month i (from the payment month) by (1 + r)^(i−1) (Law 41/2024 art. 36.2); a month
// past its deadline is priced as ADR 0018 decided, by reference data (`vsi.arrears`). Every value
// is the one in force on the PAYMENT date, for the whole period (docs/domain.md).
import type { PaymentMethod } from '../contract/contribution';
import { formatDong } from './amount-in-words';
import { type MonthPlan, planMonths, vsiMonthsAgree } from './arrears';
import { vietnameseDate, vietnameseMonth } from './business-date';
import {
  type AppliedSupport,
  type ContributionQuote,
  type ContributionLine,
  NO_SHARE,
  amounts,
  asText,
  chosenCategory,
  finish,
  lineOf,
} from './contribution-lines';
import { type Rational, ONE, ZERO, add, compare, div, fractionText, fromFraction, mul, percentText, pow, rational, sub } from './money-rounding';
import { isMonth } from './payment-periods';
import { appliedTopUp, topUpOf, topUpRule } from './provincial-top-up';
import { entryOn, type ReferenceSchedule } from './reference-schedule';
import { ContributionRuleError, ScheduleReader } from './schedule-values';
import type { SupportReason } from './support-facts';

export interface VsiQuoteInput {
  paidOn: string;
  fromMonth: string;
  months: number;
  method: PaymentMethod;
  /** The chosen monthly income TN, whole đồng. */
  incomeBasis: number;
  /** Every support category that applies; the highest share wins. */
  supportCategories: readonly string[];
  /** Why each category applies (from the person's facts), to name the rule on the quote. */
  supportReasons?: readonly SupportReason[] | undefined;
  /** Months of contribution already supported by the state (the limit is 120). */
  supportedMonthsUsed: number;
  /** The person's province, for its top-up (none when absent). */
  provinceCode?: string | null | undefined;
  participantId?: string | undefined;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function checkPeriod(paidOn: string, fromMonth: string, months: number): void {
  if (!ISO_DATE.test(paidOn))
    throw new ContributionRuleError('paidOn', 'Ngày nộp tiền không hợp lệ (YYYY-MM-DD).', 'The payment date is not a valid YYYY-MM-DD date.');
  if (!isMonth(fromMonth))
    throw new ContributionRuleError('fromMonth', 'Tháng bắt đầu không hợp lệ (YYYY-MM).', 'The first month is not a valid YYYY-MM month.');
  if (!Number.isInteger(months) || months < 1)
    throw new ContributionRuleError('months', 'Số tháng phải là số nguyên từ 1.', 'Months must be a whole number from 1.');
}

export const VSI_MONTHS_RULE = {
  vi: 'Số tháng không khớp phương thức đóng: hằng tháng 1, 3 tháng 3, 6 tháng 6, 12 tháng 12, đóng trước một lần bội số của 12 đến 60 tháng (các tháng quá hạn tính riêng, theo từng kỳ).',
  en: 'The months do not match the method: monthly 1, quarterly 3, semiannual 6, annual 12, lump sum a multiple of 12 up to 60 (months past their deadline count apart, in whole periods).',
};

/** The income range allowed on a payment date: [CN, multiple × base salary]. */
export function vsiIncomeRange(schedule: ReferenceSchedule, paidOn: string, reader = new ScheduleReader(paidOn)): { floor: number; ceiling: number } {
  const floor = reader.value(schedule.ruralPovertyLine, 'chuẩn nghèo khu vực nông thôn');
  const base = reader.value(schedule.baseSalary, 'mức lương cơ sở');
  const multiple = reader.value(schedule.vsi.incomeCeilingMultiple, 'mức trần thu nhập');
  return { floor, ceiling: base * multiple };
}

/** The chosen income TN, refused unless whole đồng within [CN, ceiling] on the payment date; with the floor CN. */
export function checkedIncome(schedule: ReferenceSchedule, reader: ScheduleReader, tn: number): { floor: number; tn: number } {
  const { paidOn } = reader;
  const { floor, ceiling } = vsiIncomeRange(schedule, paidOn, reader);
  if (!Number.isSafeInteger(tn) || tn < floor || tn > ceiling) {
    throw new ContributionRuleError(
      'incomeBasis',
      `Mức thu nhập lựa chọn phải từ ${formatDong(floor)} đến ${formatDong(ceiling)} (áp dụng ngày ${vietnameseDate(paidOn)}).`,
      `The chosen income must be between ${formatDong(floor)} and ${formatDong(ceiling)} (in force on ${vietnameseDate(paidOn)}).`,
    );
  }
  return { floor, tn };
}

/** The state support rule chosen among the categories, with its reason and legal source. */
export function vsiSupport(
  schedule: ReferenceSchedule,
  reader: ScheduleReader,
  categories: readonly string[],
  reasons: readonly SupportReason[] | undefined,
): AppliedSupport {
  const table = reader.value(schedule.vsi.supportShares, 'mức hỗ trợ');
  const category = chosenCategory(table, categories);
  const reason = reasons?.find((r) => r.category === category);
  return {
    category,
    share: asText(table[category] ?? NO_SHARE),
    reasonVi: reason?.vi ?? (category === 'other' ? 'Người tham gia khác (mức hỗ trợ chung)' : category),
    reasonEn: reason?.en ?? (category === 'other' ? 'Any other participant (the general share)' : category),
    source: entryOn(schedule.vsi.supportShares, reader.paidOn)!.source,
  };
}

export function quoteVsi(schedule: ReferenceSchedule, input: VsiQuoteInput): ContributionQuote {
  const { paidOn, fromMonth, months, method } = input;
  checkPeriod(paidOn, fromMonth, months);
  const plans = planMonths(method, fromMonth, months, paidOn);
  if (!vsiMonthsAgree(method, plans)) throw new ContributionRuleError('months', VSI_MONTHS_RULE.vi, VSI_MONTHS_RULE.en);
  const used = input.supportedMonthsUsed;
  if (!Number.isInteger(used) || used < 0) {
    throw new ContributionRuleError('supportedMonthsUsed', 'Số tháng đã được hỗ trợ không hợp lệ.', 'Supported months used must be a whole number from 0.');
  }
  const reader = new ScheduleReader(paidOn);
  const { floor, tn } = checkedIncome(schedule, reader, input.incomeBasis);
  const baseSalary = reader.value(schedule.baseSalary, 'mức lương cơ sở');
  const rateF = reader.value(schedule.vsi.rate, 'tỷ lệ đóng BHXH tự nguyện');
  const rate = fromFraction(rateF);
  const maxSupported = reader.value(schedule.vsi.maxSupportedMonths, 'số tháng hỗ trợ tối đa');
  const support = vsiSupport(schedule, reader, input.supportCategories, input.supportReasons);
  const shareF = reader.value(schedule.vsi.supportShares, 'mức hỗ trợ')[support.category] ?? NO_SHARE;
  const share = fromFraction(shareF);
  const lumpSum = method === 'lump-sum-future';
  const anyLate = plans.some((p) => p.late);
  const needsR = lumpSum || anyLate;
  const rF = needsR ? reader.value(schedule.vsi.lumpSumMonthlyReturn, 'lãi suất đầu tư quỹ') : NO_SHARE;
  const r = fromFraction(rF);
  const late = anyLate ? reader.value(schedule.vsi.arrears, 'cách tính tháng chậm đóng') : null;
  const topUp = topUpRule(schedule, reader, 'VSI', input.provinceCode ?? null, support.category);
  const gross = mul(rate, rational(tn));
  const shareBase = mul(rate, rational(floor));
  const lines: ContributionLine[] = [];
  let supportedSoFar = used;
  let futureIndex = 0;
  for (const plan of plans) {
    const supportAllowed = !plan.late || late!.supported;
    const supported = supportAllowed && supportedSoFar < maxSupported;
    if (supported) supportedSoFar += 1;
    const k = supported ? share : ZERO;
    const stateSupport = mul(k, shareBase);
    const top = supportAllowed ? topUpOf(topUp, shareBase, sub(gross, stateSupport)) : ZERO;
    const discountIndex = lumpSum && !plan.late ? futureIndex++ : 0;
    const factor = plan.late && late!.interest ? pow(add(ONE, r), plan.monthsLate) : div(ONE, pow(add(ONE, r), discountIndex));
    const { baseAmount, supportAmount, topUpAmount, amount } = amounts(mul(gross, factor), mul(top, factor), mul(sub(sub(gross, stateSupport), top), factor));
    const values: Record<string, string | number> = {
      baseSalary,
      povertyLine: floor,
      incomeBasis: tn,
      rate: asText(rateF),
      supportShare: asText(supported ? shareF : NO_SHARE),
    };
    if (lumpSum && !plan.late) {
      values.monthlyReturn = asText(rF);
      values.discountFactor = fractionText(factor);
    }
    if (plan.late) {
      values.deadline = plan.deadline!;
      values.monthsLate = plan.monthsLate;
      if (late!.interest) {
        values.monthlyReturn = asText(rF);
        values.interestFactor = fractionText(factor);
      }
    }
    const description = describe(plan, { rate, tn, k, floor, r, top, discountIndex, interest: plan.late && late!.interest });
    lines.push(
      lineOf(
        { month: plan.month, description, baseAmount, supportAmount, amount, values },
        topUpAmount,
        plan.late ? 'arrears' : 'regular',
        input.participantId,
      ),
    );
  }
  return finish(lines, schedule, {
    provisional: reader.provisional,
    support,
    ...(topUp ? { topUp: appliedTopUp(topUp) } : {}),
  });
}

interface LineTerms {
  rate: Rational;
  tn: number;
  k: Rational;
  floor: number;
  r: Rational;
  top: Rational;
  discountIndex: number;
  interest: boolean;
}

function describe(plan: MonthPlan, t: LineTerms): string {
  let text = `Tháng ${vietnameseMonth(plan.month)}: ${percentText(t.rate)} × ${formatDong(t.tn)}`;
  if (compare(t.k, ZERO) > 0) text += ` − hỗ trợ ${percentText(t.k)} × ${percentText(t.rate)} × ${formatDong(t.floor)}`;
  if (compare(t.top, ZERO) > 0) text += ' − tỉnh hỗ trợ thêm';
  if (plan.late) text += ` (chậm đóng, hạn ${vietnameseDate(plan.deadline!)}${t.interest ? `; lãi × (1 + ${percentText(t.r)})^${plan.monthsLate}` : ''})`;
  else if (t.discountIndex > 0) text += `, chiết khấu ÷ (1 + ${percentText(t.r)})^${t.discountIndex}`;
  return text;
}
