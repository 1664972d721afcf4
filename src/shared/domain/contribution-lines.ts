// What every calculator returns: monthly lines in whole đồng and their total, the schedule version,
// the support rule that applied (named with its legal source) and the provisional values used.
// Each line is computed exactly and rounded once (money-rounding.ts); the state's support is what
// is left between the gross and the amount paid, after the province's top-up.
import { type Rational, compare, fromFraction, roundHalfUp } from './money-rounding';
import type { Fraction, ReferenceSchedule } from './reference-schedule';
import type { ProvisionalValue } from './schedule-values';

/** regular: a month on time; arrears: a month past its deadline; shortfall: a missing month paid at once for a pension. */
export type LineKind = 'regular' | 'arrears' | 'shortfall';

export interface ContributionLine {
  month: string;
  participantId?: string;
  description: string;
  baseAmount: number;
  supportAmount: number;
  amount: number;
  /** The province's top-up in this line (only when there is one). */
  topUpAmount?: number;
  /** Only when the line is not a regular month. */
  kind?: LineKind;
  values: Record<string, string | number>;
}

/** The state support rule a quote applied, named with its legal source. */
export interface AppliedSupport {
  category: string;
  share: string;
  reasonVi: string;
  reasonEn: string;
  source: string;
}

/** The province's top-up a quote applied. */
export interface AppliedTopUp {
  provinceCode: string;
  provinceName: string | null;
  category: string;
  /** "30/100" for a share, or whole đồng a month. */
  share: string | null;
  amountPerMonth: number | null;
  source: string;
  total: number;
}

export interface ContributionQuote {
  total: number;
  lines: ContributionLine[];
  referenceVersion: string;
  support?: AppliedSupport;
  topUp?: AppliedTopUp;
  provisional: ProvisionalValue[];
}

export const NO_SHARE: Fraction = { num: 0, den: 1 };

/** A reference fraction as recorded on a line, unreduced as published: "22/100". */
export function asText(f: Fraction): string {
  return `${f.num}/${f.den}`;
}

/** The highest share among the categories that apply; "other" when none is listed. */
export function highestShare(table: Record<string, Fraction>, categories: readonly string[]): Fraction {
  return table[chosenCategory(table, categories)] ?? NO_SHARE;
}

/** The category whose share is highest among those that apply (the first listed on a tie), or "other". */
export function chosenCategory(table: Record<string, Fraction>, categories: readonly string[]): string {
  let best = 'other';
  for (const c of categories) {
    if (!(c in table) || c === 'other') continue;
    if (best === 'other' || compare(fromFraction(table[c]!), fromFraction(table[best]!)) > 0) best = c;
  }
  return best;
}

/** Line amounts from the exact gross, top-up and net: each rounded once; the support is what is left. */
export function amounts(gross: Rational, topUp: Rational, net: Rational): { baseAmount: number; supportAmount: number; topUpAmount: number; amount: number } {
  const baseAmount = roundHalfUp(gross);
  const amount = roundHalfUp(net);
  const topUpAmount = roundHalfUp(topUp);
  return { baseAmount, topUpAmount, supportAmount: baseAmount - amount - topUpAmount, amount };
}

export function lineOf(
  base: Omit<ContributionLine, 'topUpAmount' | 'kind'>,
  topUpAmount: number,
  kind: LineKind,
  participantId: string | undefined,
): ContributionLine {
  return {
    month: base.month,
    ...(participantId ? { participantId } : {}),
    description: base.description,
    baseAmount: base.baseAmount,
    supportAmount: base.supportAmount,
    amount: base.amount,
    ...(topUpAmount > 0 ? { topUpAmount } : {}),
    ...(kind !== 'regular' ? { kind } : {}),
    values: base.values,
  };
}

export function finish(
  lines: ContributionLine[],
  schedule: ReferenceSchedule,
  extra: Pick<ContributionQuote, 'provisional'> & Partial<Pick<ContributionQuote, 'support' | 'topUp'>>,
): ContributionQuote {
  const quote: ContributionQuote = {
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    lines,
    referenceVersion: schedule.version,
    provisional: extra.provisional,
  };
  if (extra.support) quote.support = extra.support;
  if (extra.topUp) quote.topUp = { ...extra.topUp, total: lines.reduce((sum, l) => sum + (l.topUpAmount ?? 0), 0) };
  return quote;
}
