// The contribution rules, to the đồng: voluntary social insurance (VSI, Law 41/2024 art. 31–36,
// Decree 159/2025) and household health insurance (HHI, Decree 188/2025). Pure: values in, values
// out. Every rate, line and share comes from the reference schedule as in force on the PAYMENT
// date, for the whole period paid (Joint Circular 41/2014 art. 3; assumed for VSI, not confirmed).
// Each monthly line is computed exactly and rounded once (money-rounding.ts).
import type { PaymentMethod } from '../contract/contribution';
import { formatDong } from './amount-in-words';
import { vietnameseDate, vietnameseMonth } from './business-date';
import { type Rational, ONE, ZERO, add, compare, div, fractionText, fromFraction, mul, percentText, pow, rational, roundHalfUp, sub } from './money-rounding';
import { addMonths, isMonth, monthsAgreeWithMethod } from './payment-periods';
import { type Fraction, type ReferenceSchedule, type SeriesEntry, entryOn } from './reference-schedule';

/** A rule broken by the input; carries the field and clerk-facing texts. */
export class ContributionRuleError extends Error {
  readonly code = 'VALIDATION' as const;
  readonly field: string;
  readonly vi: string;
  readonly en: string;
  constructor(field: string, vi: string, en: string) {
    super(vi);
    this.name = 'ContributionRuleError';
    this.field = field;
    this.vi = vi;
    this.en = en;
  }
}

export interface ContributionLine {
  month: string;
  participantId?: string;
  description: string;
  baseAmount: number;
  supportAmount: number;
  amount: number;
  values: Record<string, string | number>;
}

export interface ContributionQuote {
  total: number;
  lines: ContributionLine[];
  referenceVersion: string;
}

export interface VsiQuoteInput {
  paidOn: string;
  fromMonth: string;
  months: number;
  method: PaymentMethod;
  /** The chosen monthly income TN, whole đồng. */
  incomeBasis: number;
  /** Every support category that applies; the highest share wins. */
  supportCategories: readonly string[];
  /** Months of contribution already supported by the state (the limit is 120). */
  supportedMonthsUsed: number;
  participantId?: string | undefined;
}

export interface HhiQuoteInput {
  paidOn: string;
  fromMonth: string;
  months: number;
  /** Position in the household sequence, 1 = first member. */
  memberPosition: number;
  supportCategories: readonly string[];
  participantId?: string | undefined;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkPeriod(paidOn: string, fromMonth: string, months: number): void {
  if (!ISO_DATE.test(paidOn))
    throw new ContributionRuleError('paidOn', 'Ngày nộp tiền không hợp lệ (YYYY-MM-DD).', 'The payment date is not a valid YYYY-MM-DD date.');
  if (!isMonth(fromMonth))
    throw new ContributionRuleError('fromMonth', 'Tháng bắt đầu không hợp lệ (YYYY-MM).', 'The first month is not a valid YYYY-MM month.');
  if (!Number.isInteger(months) || months < 1)
    throw new ContributionRuleError('months', 'Số tháng phải là số nguyên từ 1.', 'Months must be a whole number from 1.');
}

/** Names of the reference values, for the message when none is in force on the payment date. */
const VALUE_NAMES = {
  'mức lương cơ sở': 'base salary',
  'chuẩn nghèo khu vực nông thôn': 'rural poverty line',
  'mức trần thu nhập': 'income ceiling',
  'tỷ lệ đóng BHXH tự nguyện': 'VSI rate',
  'số tháng hỗ trợ tối đa': 'maximum supported months',
  'mức hỗ trợ': 'support shares',
  'lãi suất đầu tư quỹ': 'fund monthly return',
  'kỳ đóng BHYT hộ gia đình': 'household HI periods',
  'tỷ lệ đóng BHYT': 'HI rate',
  'tỷ lệ theo thành viên': 'member shares',
  'mức hỗ trợ BHYT': 'HI support shares',
} as const;

function inForce<T>(entries: readonly SeriesEntry<T>[], paidOn: string, what: keyof typeof VALUE_NAMES): T {
  const entry = entryOn(entries, paidOn);
  if (!entry) {
    throw new ContributionRuleError(
      'paidOn',
      `Chưa có ${what} áp dụng ngày ${vietnameseDate(paidOn)} trong bảng mức đóng.`,
      `The schedule has no ${VALUE_NAMES[what]} in force on ${paidOn}.`,
    );
  }
  return entry.value;
}

/** The highest share among the categories that apply; "other" when none is listed. */
export function highestShare(table: Record<string, Fraction>, categories: readonly string[]): Fraction {
  const listed = categories.filter((c) => c in table).map((c) => table[c]!);
  if (listed.length === 0) return table.other ?? NO_SHARE;
  return listed.reduce((best, f) => (compare(fromFraction(f), fromFraction(best)) > 0 ? f : best));
}

const NO_SHARE: Fraction = { num: 0, den: 1 };

/** A reference fraction as recorded on a line, unreduced as published: "22/100". */
function asText(f: Fraction): string {
  return `${f.num}/${f.den}`;
}

/** Line amounts from the exact gross and net: each rounded once; the support is their difference. */
function amounts(gross: Rational, net: Rational): { baseAmount: number; supportAmount: number; amount: number } {
  const baseAmount = roundHalfUp(gross);
  const amount = roundHalfUp(net);
  return { baseAmount, supportAmount: baseAmount - amount, amount };
}

function finish(lines: ContributionLine[], schedule: ReferenceSchedule): ContributionQuote {
  return { total: lines.reduce((sum, l) => sum + l.amount, 0), lines, referenceVersion: schedule.version };
}

/** The income range allowed on a payment date: [CN, multiple × base salary]. */
export function vsiIncomeRange(schedule: ReferenceSchedule, paidOn: string): { floor: number; ceiling: number } {
  const floor = inForce(schedule.ruralPovertyLine, paidOn, 'chuẩn nghèo khu vực nông thôn');
  const base = inForce(schedule.baseSalary, paidOn, 'mức lương cơ sở');
  const multiple = inForce(schedule.vsi.incomeCeilingMultiple, paidOn, 'mức trần thu nhập');
  return { floor, ceiling: base * multiple };
}

/**
 * VSI: each month `22% × TN − k × 22% × CN`, k the highest support share, while fewer than the
 * maximum supported months have been used. A future lump sum discounts month i (1-based) by
 * (1 + r)^(i−1); the support is discounted with it (its treatment is not confirmed).
 */
export function quoteVsi(schedule: ReferenceSchedule, input: VsiQuoteInput): ContributionQuote {
  const { paidOn, fromMonth, months, method } = input;
  checkPeriod(paidOn, fromMonth, months);
  if (!monthsAgreeWithMethod('VSI', method, months)) {
    throw new ContributionRuleError(
      'months',
      'Số tháng không khớp phương thức đóng: hằng tháng 1, 3 tháng 3, 6 tháng 6, 12 tháng 12, đóng trước một lần bội số của 12 đến 60 tháng.',
      'The months do not match the method: monthly 1, quarterly 3, semiannual 6, annual 12, lump sum a multiple of 12 up to 60.',
    );
  }
  const used = input.supportedMonthsUsed;
  if (!Number.isInteger(used) || used < 0) {
    throw new ContributionRuleError('supportedMonthsUsed', 'Số tháng đã được hỗ trợ không hợp lệ.', 'Supported months used must be a whole number from 0.');
  }
  const { floor, ceiling } = vsiIncomeRange(schedule, paidOn);
  const tn = input.incomeBasis;
  if (!Number.isSafeInteger(tn) || tn < floor || tn > ceiling) {
    throw new ContributionRuleError(
      'incomeBasis',
      `Mức thu nhập lựa chọn phải từ ${formatDong(floor)} đến ${formatDong(ceiling)} (áp dụng ngày ${vietnameseDate(paidOn)}).`,
      `The chosen income must be between ${floor} and ${ceiling} đồng (in force on ${paidOn}).`,
    );
  }
  const baseSalary = inForce(schedule.baseSalary, paidOn, 'mức lương cơ sở');
  const rateF = inForce(schedule.vsi.rate, paidOn, 'tỷ lệ đóng BHXH tự nguyện');
  const rate = fromFraction(rateF);
  const maxSupported = inForce(schedule.vsi.maxSupportedMonths, paidOn, 'số tháng hỗ trợ tối đa');
  const shareF = highestShare(inForce(schedule.vsi.supportShares, paidOn, 'mức hỗ trợ'), input.supportCategories);
  const share = fromFraction(shareF);
  const lumpSum = method === 'lump-sum-future';
  const rF = lumpSum ? inForce(schedule.vsi.lumpSumMonthlyReturn, paidOn, 'lãi suất đầu tư quỹ') : NO_SHARE;
  const r = fromFraction(rF);
  const gross = mul(rate, rational(tn));
  const fullSupport = mul(share, rate, rational(floor));
  const lines: ContributionLine[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(fromMonth, i);
    const supported = used + i < maxSupported;
    const k = supported ? share : ZERO;
    const discount = lumpSum ? pow(add(ONE, r), i) : ONE;
    const support = supported ? fullSupport : ZERO;
    const { baseAmount, supportAmount, amount } = amounts(div(gross, discount), div(sub(gross, support), discount));
    let description = `Tháng ${vietnameseMonth(month)}: ${percentText(rate)} × ${formatDong(tn)}`;
    if (compare(k, ZERO) > 0) description += ` − hỗ trợ ${percentText(k)} × ${percentText(rate)} × ${formatDong(floor)}`;
    if (lumpSum && i > 0) description += `, chiết khấu ÷ (1 + ${percentText(r)})^${i}`;
    const values: Record<string, string | number> = {
      baseSalary,
      povertyLine: floor,
      incomeBasis: tn,
      rate: asText(rateF),
      supportShare: asText(supported ? shareF : NO_SHARE),
    };
    if (lumpSum) {
      values.monthlyReturn = asText(rF);
      values.discountFactor = fractionText(div(ONE, discount));
    }
    lines.push({
      month,
      ...(input.participantId ? { participantId: input.participantId } : {}),
      description,
      baseAmount,
      supportAmount,
      amount,
      values,
    });
  }
  return finish(lines, schedule);
}

/** A member's share of the first member's amount by position (the last share covers the rest). */
function memberShare(shares: readonly Fraction[], position: number): Fraction {
  return shares[Math.min(position, shares.length) - 1]!;
}

/**
 * HHI: each month `4.5% × base salary × member share − support share`, the first member paying
 * the full amount and later members 70/60/50/40 % of it; periods of 3, 6 or 12 months.
 */
export function quoteHhi(schedule: ReferenceSchedule, input: HhiQuoteInput): ContributionQuote {
  const { paidOn, fromMonth, months } = input;
  checkPeriod(paidOn, fromMonth, months);
  const periods = inForce(schedule.hhi.periods, paidOn, 'kỳ đóng BHYT hộ gia đình');
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
  const baseSalary = inForce(schedule.baseSalary, paidOn, 'mức lương cơ sở');
  const rateF = inForce(schedule.hhi.firstMemberRate, paidOn, 'tỷ lệ đóng BHYT');
  const rate = fromFraction(rateF);
  const mShareF = memberShare(inForce(schedule.hhi.memberShares, paidOn, 'tỷ lệ theo thành viên'), position);
  const mShare = fromFraction(mShareF);
  const sShareF = highestShare(inForce(schedule.hhi.supportShares, paidOn, 'mức hỗ trợ BHYT'), input.supportCategories);
  const sShare = fromFraction(sShareF);
  const gross = mul(rate, rational(baseSalary), mShare);
  const net = mul(gross, sub(ONE, sShare));
  const lines: ContributionLine[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(fromMonth, i);
    const { baseAmount, supportAmount, amount } = amounts(gross, net);
    let description = `Tháng ${vietnameseMonth(month)}: ${percentText(rate)} × ${formatDong(baseSalary)}`;
    if (position > 1) description += ` × ${percentText(mShare)} (người thứ ${position})`;
    if (compare(sShare, ZERO) > 0) description += ` − hỗ trợ ${percentText(sShare)}`;
    lines.push({
      month,
      ...(input.participantId ? { participantId: input.participantId } : {}),
      description,
      baseAmount,
      supportAmount,
      amount,
      values: { baseSalary, rate: asText(rateF), memberShare: asText(mShareF), supportShare: asText(sShareF) },
    });
  }
  return finish(lines, schedule);
}
