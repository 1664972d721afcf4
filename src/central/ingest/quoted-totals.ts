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

/** computeQuote(schedule, question).total; throws as computeQuote does (a refusal is not remembered). */
export function quotedTotal(schedule: ReferenceSchedule, question: QuoteQuestion): number {
  const key = `${schedule.version}\u0000${JSON.stringify({ ...question, participantId: undefined })}`;
  const known = totals.get(key);
  if (known !== undefined) return known;
  const total = computeQuote(schedule, question).total;
  if (totals.size >= TOTALS_KEPT) totals.clear();
  totals.set(key, total);
  return total;
}
