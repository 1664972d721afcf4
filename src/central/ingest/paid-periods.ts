// Months paid twice. Each office refuses a second payment for months its own record of the person
// has paid, but it cannot see the others: the same person registered at two offices (answered
// DUPLICATE and linked), or an office's second record of someone it already had, can pay the same
// months twice. The central sees every payment of the canonical person; a contribution whose
// months, in its scheme, overlap a payment already recorded (receipt not voided) is still recorded
// — the money was taken and the payer holds a receipt — and flagged for review with the receipts
// that paid those months first, so that one of them is refunded or moved (ADR 0015).
import { sql, type Transaction } from 'kysely';
import { vietnameseMonthRange } from '../../shared/domain/business-date';
import { addMonths } from '../../shared/domain/payment-periods';
import type { OpReview } from '../../shared/sync/op-results';
import type { CentralDb } from '../db/schema';
import type { OpContext, PaidPeriod } from './op-context';

/** The paid periods of these people, read in one query (voided receipts left out). */
export async function readPaidPeriods(trx: Transaction<CentralDb>, personIds: string[]): Promise<Map<string, PaidPeriod[]>> {
  const paid = new Map<string, PaidPeriod[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return paid;
  const rows = await trx
    .selectFrom('contributions')
    .select(['personId', 'scheme', 'fromMonth', 'months', 'receiptId', 'receiptSeries', 'receiptNumber', 'officeCode'])
    .where(sql<boolean>`person_id = ANY(${personIds}::text[])`)
    // A lump sum for the months missing to a pension pays no calendar month (ADR 0036).
    .where(sql<boolean>`coalesce(method, 'monthly') <> 'lump-sum-shortfall'`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('receiptVoids').select('receiptVoids.receiptId').whereRef('receiptVoids.receiptId', '=', 'contributions.receiptId'))),
    )
    .execute();
  return paidPeriodsOfRows(
    personIds,
    rows.map((r) => [r.personId, r.scheme, r.fromMonth, r.months, r.receiptId, r.receiptSeries, r.receiptNumber, r.officeCode]),
  );
}

/** The paid periods of these people from their contributions' rows (person, scheme, from, months, receipt id, series, number, office). */
export function paidPeriodsOfRows(
  personIds: readonly string[],
  rows: readonly [string, string, string, number | string, string, string, number | string, string][],
): Map<string, PaidPeriod[]> {
  const paid = new Map<string, PaidPeriod[]>(personIds.map((id) => [id, []]));
  for (const [personId, scheme, fromMonth, months, receiptId, series, number, officeCode] of rows) {
    paid.get(personId)?.push({
      scheme,
      fromMonth,
      toMonth: addMonths(fromMonth, Number(months) - 1),
      receiptId,
      receipt: `${series}/${Number(number)}`,
      officeCode,
    });
  }
  return paid;
}

async function paidPeriodsOf(ctx: OpContext, personId: string): Promise<PaidPeriod[]> {
  const cached = ctx.cache?.paidOf.get(personId);
  if (cached) return cached;
  const read = (await readPaidPeriods(ctx.trx, [personId])).get(personId)!;
  ctx.cache?.paidOf.set(personId, read);
  return read;
}

/**
 * The review of a contribution whose months were paid already for the same person and scheme, or
 * null; either way the contribution's own period is noted, so a second payment in the same batch
 * is seen too.
 */
export async function reviewPaidMonths(ctx: OpContext, personId: string, period: Omit<PaidPeriod, 'toMonth'> & { months: number }): Promise<OpReview | null> {
  const paid = await paidPeriodsOf(ctx, personId);
  const toMonth = addMonths(period.fromMonth, period.months - 1);
  const earlier = paid.filter((p) => p.scheme === period.scheme && p.fromMonth <= toMonth && p.toMonth >= period.fromMonth && p.receiptId !== period.receiptId);
  paid.push({
    scheme: period.scheme,
    fromMonth: period.fromMonth,
    toMonth,
    receiptId: period.receiptId,
    receipt: period.receipt,
    officeCode: period.officeCode,
  });
  if (earlier.length === 0) return null;
  const vi = earlier.map((p) => `${vietnameseMonthRange(p.fromMonth, p.toMonth)} (biên lai ${p.receipt}, văn phòng ${p.officeCode})`).join('; ');
  const en = earlier.map((p) => `${p.fromMonth}–${p.toMonth} (receipt ${p.receipt}, office ${p.officeCode})`).join('; ');
  return {
    code: 'MONTHS_ALREADY_PAID',
    message: `Trung tâm đã nhận khoản thu nhưng cần xem lại — người này đã đóng cho các tháng trùng: ${vi}. Hoàn trả hoặc chuyển một trong hai khoản.`,
    messageEn: `Recorded, to be reviewed — this person already paid for overlapping months: ${en}. Refund or move one of the two payments.`,
    details: {
      paid: earlier.map(({ fromMonth, toMonth: to, receiptId, receipt, officeCode }) => ({ fromMonth, toMonth: to, receiptId, receipt, officeCode })),
    },
  };
}

/**
 * The person's paid-through month in a scheme as the central counts it now: the last month of their
 * recorded payments whose receipts are not voided (this batch's included), or null (ADR 0035).
 */
export async function paidThroughOf(ctx: OpContext, personId: string, scheme: string): Promise<string | null> {
  let last: string | null = null;
  for (const p of await paidPeriodsOf(ctx, personId)) if (p.scheme === scheme && (last === null || p.toMonth > last)) last = p.toMonth;
  return last;
}

/** A voided receipt's months are free again (for the rest of the batch; later batches read the voids). */
export function forgetPaidReceipt(ctx: OpContext, receiptId: string): void {
  for (const periods of ctx.cache?.paidOf.values() ?? []) {
    const at = periods.findIndex((p) => p.receiptId === receiptId);
    if (at >= 0) periods.splice(at, 1);
  }
}
