// Household health insurance (HHI), to the đồng: each month `4.5% × base salary × member share −
// state support − top-up`, the first member paying the full amount and later members 70/60/50/40 %
// of it (Decree 188/2025/NĐ-CP); periods of 3, 6 or 12 months; the values in force on the payment
// date for the whole period (Joint Circular 41/2014 art. 3). People the state budget insures in
// full (a poor household, HI Law art. 12.3; the categories are reference data) pay nothing here.
import { formatDong } from './amount-in-words';
import { vietnameseMonth } from './business-date';
import { type ContributionLine, type ContributionQuote, NO_SHARE, amounts, asText, chosenCategory, finish, lineOf } from './contribution-lines';
import { ZERO, compare, fromFraction, mul, percentText, rational, sub } from './money-rounding';
import { addMonths } from './payment-periods';
import { appliedTopUp, topUpOf, topUpRule } from './provincial-top-up';
import { type Fraction, entryOn, type ReferenceSchedule } from './reference-schedule';
import { ContributionRuleError, ScheduleReader } from './schedule-values';
import type { SupportReason } from './support-facts';
import { checkPeriod } from './vsi-calculator';

export interface HhiQuoteInput {
  paidOn: string;
  fromMonth: string;
  months: number;
  /** Position in the household sequence, 1 = first member. */
  memberPosition: number;
  supportCategories: readonly string[];
  supportReasons?: readonly SupportReason[] | undefined;
  provinceCode?: string | null | undefined;
  participantId?: string | undefined;
}

/** A member's share of the first member's amount by position (the last share covers the rest). */
function memberShare(shares: readonly Fraction[], position: number): Fraction {
  return shares[Math.min(position, shares.length) - 1]!;
}

export function quoteHhi(schedule: ReferenceSchedule, input: HhiQuoteInput): ContributionQuote {
  const { paidOn, fromMonth, months } = input;
  checkPeriod(paidOn, fromMonth, months);
  const reader = new ScheduleReader(paidOn);
  const periods = reader.value(schedule.hhi.periods, 'kỳ đóng BHYT hộ gia đình');
  if (!periods.includes(months)) {
    throw new ContributionRuleError(
      'months',
      `BHYT hộ gia đình đóng theo ${periods.join(', ')} tháng.`,
      `Household HI is paid for ${periods.join(', ')} months.`,
    );
  }
  const position = input.memberPosition;
  if (!Number.isInteger(position) || position < 1) {
    throw new ContributionRuleError('memberPosition', 'Thứ tự thành viên trong hộ phải từ 1.', 'The member position must be a whole number from 1.');
  }
  const statePaid = reader.optional(schedule.hhi.statePaid, 'đối tượng ngân sách nhà nước đóng BHYT') ?? [];
  const paidByState = input.supportReasons?.find((r) => statePaid.includes(r.category)) ?? input.supportCategories.find((c) => statePaid.includes(c));
  if (paidByState) {
    const why = typeof paidByState === 'string' ? paidByState : paidByState.vi;
    throw new ContributionRuleError(
      'participantId',
      `${why}: được ngân sách nhà nước đóng BHYT (${entryOn(schedule.hhi.statePaid!, paidOn)!.source}); không thu BHYT hộ gia đình.`,
      `${typeof paidByState === 'string' ? paidByState : paidByState.en}: the state budget pays this person's health insurance; no household HI is collected.`,
    );
  }
  const baseSalary = reader.value(schedule.baseSalary, 'mức lương cơ sở');
  const rateF = reader.value(schedule.hhi.firstMemberRate, 'tỷ lệ đóng BHYT');
  const rate = fromFraction(rateF);
  const mShareF = memberShare(reader.value(schedule.hhi.memberShares, 'tỷ lệ theo thành viên'), position);
  const mShare = fromFraction(mShareF);
  const table = reader.value(schedule.hhi.supportShares, 'mức hỗ trợ BHYT');
  const category = chosenCategory(table, input.supportCategories);
  const sShareF = table[category] ?? NO_SHARE;
  const sShare = fromFraction(sShareF);
  const reason = input.supportReasons?.find((r) => r.category === category);
  const topUp = topUpRule(schedule, reader, 'HHI', input.provinceCode ?? null, category);
  const gross = mul(rate, rational(baseSalary), mShare);
  const stateSupport = mul(gross, sShare);
  const top = topUpOf(topUp, gross, sub(gross, stateSupport));
  const net = sub(sub(gross, stateSupport), top);
  const lines: ContributionLine[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(fromMonth, i);
    const { baseAmount, supportAmount, topUpAmount, amount } = amounts(gross, top, net);
    let description = `Tháng ${vietnameseMonth(month)}: ${percentText(rate)} × ${formatDong(baseSalary)}`;
    if (position > 1) description += ` × ${percentText(mShare)} (người thứ ${position})`;
    if (compare(sShare, ZERO) > 0) description += ` − hỗ trợ ${percentText(sShare)}`;
    if (compare(top, ZERO) > 0) description += ' − tỉnh hỗ trợ thêm';
    const values = { baseSalary, rate: asText(rateF), memberShare: asText(mShareF), supportShare: asText(sShareF) };
    lines.push(lineOf({ month, description, baseAmount, supportAmount, amount, values }, topUpAmount, 'regular', input.participantId));
  }
  return finish(lines, schedule, {
    provisional: reader.provisional,
    support: {
      category,
      share: asText(sShareF),
      reasonVi: reason?.vi ?? (category === 'other' ? 'Không thuộc diện được hỗ trợ' : category),
      reasonEn: reason?.en ?? (category === 'other' ? 'Not in a supported category' : category),
      source: entryOn(schedule.hhi.supportShares, paidOn)!.source,
    },
    ...(topUp ? { topUp: appliedTopUp(topUp) } : {}),
  });
}
