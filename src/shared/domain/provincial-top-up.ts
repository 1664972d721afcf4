// A province's support on top of the state's (Law 41/2024/QH15 art. 6.6 for VSI; Decree
// 188/2025/NĐ-CP lets a province add to HHI support). Each province publishes, by resolution of its
// People's Council, an amount or a share per support category, effective from a date: reference
// data (`provincialTopUps` in the schedule), published by the central and pulled. This file picks
// the top-up in force for a person's province, scheme, category and payment date, and prices it.
import { type Rational, compare, fromFraction, mul, rational, ZERO } from './money-rounding';
import type { AppliedTopUp } from './contribution-lines';
import type { ReferenceSchedule, TopUp } from './reference-schedule';
import type { ScheduleReader } from './schedule-values';

export interface TopUpRule {
  provinceCode: string;
  provinceName: string | null;
  category: string;
  topUp: TopUp;
  source: string;
}

/** The top-up in force for a category (or the province's `any` entry), or null. */
export function topUpRule(
  schedule: ReferenceSchedule,
  reader: ScheduleReader,
  scheme: 'VSI' | 'HHI',
  provinceCode: string | null,
  category: string,
): TopUpRule | null {
  if (!provinceCode) return null;
  const province = schedule.provincialTopUps?.[provinceCode];
  const entries = scheme === 'VSI' ? province?.vsi : province?.hhi;
  const table = reader.optional(entries, 'hỗ trợ thêm của tỉnh');
  if (!table) return null;
  const key = category in table ? category : 'any' in table ? 'any' : null;
  if (key === null) return null;
  const entry = entries!.filter((e) => e.from <= reader.paidOn).at(-1)!;
  return { provinceCode, provinceName: province?.name ?? null, category: key, topUp: table[key]!, source: entry.source };
}

/**
 * The top-up for one month: a share of `shareBase` (the base the state's support is taken on) or
 * a fixed amount — never more than what is left to pay after the state's support.
 */
export function topUpOf(rule: TopUpRule | null, shareBase: Rational, left: Rational): Rational {
  if (!rule) return ZERO;
  const wanted = 'share' in rule.topUp ? mul(fromFraction(rule.topUp.share), shareBase) : rational(rule.topUp.amount);
  if (compare(left, ZERO) <= 0) return ZERO;
  return compare(wanted, left) > 0 ? left : wanted;
}

/** How a quote names the top-up it applied (its total is summed from the lines). */
export function appliedTopUp(rule: TopUpRule): AppliedTopUp {
  return {
    provinceCode: rule.provinceCode,
    provinceName: rule.provinceName,
    category: rule.category,
    share: 'share' in rule.topUp ? `${rule.topUp.share.num}/${rule.topUp.share.den}` : null,
    amountPerMonth: 'amount' in rule.topUp ? rule.topUp.amount : null,
    source: rule.source,
    total: 0,
  };
}
