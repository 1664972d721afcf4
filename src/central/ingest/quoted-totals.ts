// The amount the shared rules give for a question, remembered per schedule version and question
// (less the payer's id, which only labels the lines): the rules are pure, and the same payment is
// made many times a day across offices — the same months, method and income for the same date — so
// most recomputations at a national central are the same question again. The amount a payment is
// checked against (money-ops.ts) and the amounts a review compares (contribution-facts.ts: the
// office's province against the central's) share the one table. Bounded; emptied when full.
import { computeQuote, type QuoteQuestion } from '../../shared/domain/contribution-quote';
import type { ReferenceSchedule } from '../../shared/domain/reference-schedule';

const totals = new Map<string, number>();
const TOTALS_KEPT = 20_000;

/** Every field of a question but the payer's id, in a fixed order: a field added to QuoteQuestion and not here is a type error. */
const KEYED = [
  'scheme',
  'paidOn',
  'fromMonth',
  'months',
  'method',
  'incomeBasis',
  'memberPosition',
  'supportCategory',
  'provinceCode',
  'supportedMonthsUsed',
  'contributedMonths',
  'person',
  'communeStatuses',
] as const satisfies readonly (keyof QuoteQuestion)[];
type Unkeyed = Exclude<keyof QuoteQuestion, (typeof KEYED)[number] | 'participantId'>;
const everyFieldKeyed: [Unkeyed] extends [never] ? true : Unkeyed = true;
void everyFieldKeyed;

/**
 * The question's key: each field's JSON (undefined written `~`, which no JSON is) joined by U+0000
 * (which JSON always escapes), so two questions share a key only when every field is the same.
 * Made field by field: serialising a copy of the whole question took a third of the check's time.
 */
export function questionKey(version: string, question: QuoteQuestion): string {
  let key = JSON.stringify(version);
  for (const field of KEYED) {
    const value = question[field];
    key += `\u0000${value === undefined ? '~' : typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
  }
  return key;
}

/** computeQuote(schedule, question).total; throws as computeQuote does (a refusal is not remembered). */
export function quotedTotal(schedule: ReferenceSchedule, question: QuoteQuestion): number {
  const key = questionKey(schedule.version, question);
  const known = totals.get(key);
  if (known !== undefined) return known;
  const total = computeQuote(schedule, question).total;
  if (totals.size >= TOTALS_KEPT) totals.clear();
  totals.set(key, total);
  return total;
}
