// The lump sum for the years missing to qualify for a pension (Law 41/2024/QH15 art. 36.2; Decree
// 159/2025/NĐ-CP): a person who has reached the retirement age with fewer than 15 years of
// contributions, and no more than 5 years missing, may pay the missing months at once. Month i of
// the n missing months costs 22 % × TN compounded at the fund's average monthly return r:
// `Σ_{i=1}^{n} 22% × TN × (1 + r)^i` (docs/support-rules.md, case S1–S4). Whether the state's
// support applies inside it is not confirmed: reference data (`vsi.shortfall.supported`) decides.
// The required and maximum months are reference data too. This file is the one place of the formula.
import { formatDong } from './amount-in-words';
import { retirementAge } from './age-rules';
import { vietnameseDate } from './business-date';
import { type ContributionLine, type ContributionQuote, NO_SHARE, amounts, asText, finish, lineOf } from './contribution-lines';
import { ONE, ZERO, add, compare, fractionText, fromFraction, mul, percentText, pow, rational, sub } from './money-rounding';
import { appliedTopUp, topUpOf, topUpRule } from './provincial-top-up';
import type { ReferenceSchedule } from './reference-schedule';
import { ContributionRuleError, ScheduleReader } from './schedule-values';
import type { SupportReason } from './support-facts';
import { checkPeriod, checkedIncome, vsiSupport } from './vsi-calculator';

export interface ShortfallInput {
  paidOn: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  /** Months of social insurance already contributed (the SI book: mandatory and voluntary). */
  contributedMonths: number;
  /** The months paid now: exactly the months missing. */
  months: number;
  incomeBasis: number;
  supportCategories: readonly string[];
  supportReasons?: readonly SupportReason[] | undefined;
  supportedMonthsUsed: number;
  provinceCode?: string | null | undefined;
  participantId?: string | undefined;
}

export interface ShortfallConditions {
  retirementAge: { years: number; months: number; reachedOn: string };
  requiredMonths: number;
  missingMonths: number;
}

/** Checks the conditions (age reached, months missing within the maximum) and says what is missing. */
export function shortfallConditions(
  schedule: ReferenceSchedule,
  input: Pick<ShortfallInput, 'paidOn' | 'dateOfBirth' | 'sex' | 'contributedMonths'>,
  reader = new ScheduleReader(input.paidOn),
): ShortfallConditions {
  const rule = reader.value(schedule.vsi.shortfall, 'đóng một lần cho những năm còn thiếu');
  if (!schedule.retirementAge)
    throw new ContributionRuleError('paidOn', 'Bảng mức đóng chưa có lộ trình tuổi nghỉ hưu.', 'The schedule has no retirement-age roadmap.');
  reader.note('tuổi nghỉ hưu', { from: '2021-01-01', ...schedule.retirementAge });
  const age = retirementAge(schedule.retirementAge[input.sex], input.dateOfBirth);
  const ageText = `${age.years} tuổi${age.months > 0 ? ` ${age.months} tháng` : ''}`;
  if (age.reachedOn > input.paidOn) {
    throw new ContributionRuleError(
      'method',
      `Chưa đủ tuổi nghỉ hưu (${ageText}, đủ vào ngày ${vietnameseDate(age.reachedOn)}): chưa được đóng một lần cho những năm còn thiếu.`,
      `The retirement age (${age.years} y ${age.months} m) is reached only on ${age.reachedOn}: no lump sum for missing years yet.`,
    );
  }
  const contributed = input.contributedMonths;
  if (!Number.isInteger(contributed) || contributed < 0) {
    throw new ContributionRuleError('contributedMonths', 'Số tháng đã đóng BHXH phải là số nguyên từ 0.', 'Months contributed must be a whole number from 0.');
  }
  if (contributed >= rule.requiredMonths) {
    throw new ContributionRuleError(
      'contributedMonths',
      `Đã đóng ${contributed} tháng, đủ ${rule.requiredMonths} tháng để hưởng lương hưu: không cần đóng một lần.`,
      `${contributed} months contributed already meet the ${rule.requiredMonths} months a pension needs.`,
    );
  }
  const missing = rule.requiredMonths - contributed;
  if (missing > rule.maxMonths) {
    throw new ContributionRuleError(
      'contributedMonths',
      `Còn thiếu ${missing} tháng, quá ${rule.maxMonths} tháng được đóng một lần (Luật BHXH 2024 điều 36.2).`,
      `${missing} months are missing, more than the ${rule.maxMonths} a lump sum may pay.`,
    );
  }
  return { retirementAge: age, requiredMonths: rule.requiredMonths, missingMonths: missing };
}

export function quoteShortfall(schedule: ReferenceSchedule, input: ShortfallInput): ContributionQuote & { conditions: ShortfallConditions } {
  const { paidOn } = input;
  const payMonth = paidOn.slice(0, 7);
  checkPeriod(paidOn, payMonth, input.months);
  const reader = new ScheduleReader(paidOn);
  const conditions = shortfallConditions(schedule, input, reader);
  if (input.months !== conditions.missingMonths) {
    throw new ContributionRuleError(
      'months',
      `Đóng một lần đúng ${conditions.missingMonths} tháng còn thiếu (đã đóng ${input.contributedMonths} / ${conditions.requiredMonths} tháng).`,
      `The lump sum pays exactly the ${conditions.missingMonths} missing months.`,
    );
  }
  const { floor, tn } = checkedIncome(schedule, reader, input.incomeBasis);
  const rule = reader.value(schedule.vsi.shortfall, 'đóng một lần cho những năm còn thiếu');
  const rateF = reader.value(schedule.vsi.rate, 'tỷ lệ đóng BHXH tự nguyện');
  const rate = fromFraction(rateF);
  const rF = reader.value(schedule.vsi.lumpSumMonthlyReturn, 'lãi suất đầu tư quỹ');
  const r = fromFraction(rF);
  const maxSupported = reader.value(schedule.vsi.maxSupportedMonths, 'số tháng hỗ trợ tối đa');
  // Without support in the lump sum, the quote names no support rule (it would claim a share not applied).
  const support = rule.supported ? vsiSupport(schedule, reader, input.supportCategories, input.supportReasons) : null;
  const shareF = support ? (reader.value(schedule.vsi.supportShares, 'mức hỗ trợ')[support.category] ?? NO_SHARE) : NO_SHARE;
  const topUp = support ? topUpRule(schedule, reader, 'VSI', input.provinceCode ?? null, support.category) : null;
  const gross = mul(rate, rational(tn));
  const shareBase = mul(rate, rational(floor));
  const lines: ContributionLine[] = [];
  for (let i = 1; i <= input.months; i++) {
    const supported = rule.supported && input.supportedMonthsUsed + i - 1 < maxSupported;
    const k = supported ? fromFraction(shareF) : ZERO;
    const stateSupport = mul(k, shareBase);
    const top = supported ? topUpOf(topUp, shareBase, sub(gross, stateSupport)) : ZERO;
    const factor = pow(add(ONE, r), i);
    const { baseAmount, supportAmount, topUpAmount, amount } = amounts(mul(gross, factor), mul(top, factor), mul(sub(sub(gross, stateSupport), top), factor));
    let description = `Tháng còn thiếu thứ ${i}: ${percentText(rate)} × ${formatDong(tn)}`;
    if (compare(k, ZERO) > 0) description += ` − hỗ trợ ${percentText(k)} × ${percentText(rate)} × ${formatDong(floor)}`;
    description += ` × (1 + ${percentText(r)})^${i}`;
    const values = {
      povertyLine: floor,
      incomeBasis: tn,
      rate: asText(rateF),
      supportShare: asText(supported ? shareF : NO_SHARE),
      monthlyReturn: asText(rF),
      interestFactor: fractionText(factor),
      missingMonth: i,
    };
    lines.push(lineOf({ month: payMonth, description, baseAmount, supportAmount, amount, values }, topUpAmount, 'shortfall', input.participantId));
  }
  const quote = finish(lines, schedule, { provisional: reader.provisional, ...(support ? { support } : {}), ...(topUp ? { topUp: appliedTopUp(topUp) } : {}) });
  return { ...quote, conditions };
}
