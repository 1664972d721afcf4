// The signed payloads of receipts and refund vouchers, kept under the label they are printed with
// (ADR 0027), and the look-ups signing and verifying need: which series this store issued, and the
// receipt (or the receipt a voucher paid back) a label names.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function keptPayloads(db: Db, labels: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('signedDocuments').select(['label', 'payload']).where('label', 'in', labels).execute();
  return new Map(rows.map((row) => [row.label, row.payload]));
}

/** The series among these this store issued. */
export async function ownSeries(db: Db, series: string[]): Promise<Set<string>> {
  return new Set((await db.selectFrom('receiptSeries').select('series').where('series', 'in', series).execute()).map((row) => row.series));
}

/** Keeps a payload once; the one kept first (a call beside this one) is the document's. */
export async function keepPayload(db: Db, row: { label: string; receiptId: string; payload: string; signedAt: string }): Promise<string> {
  await db
    .insertInto('signedDocuments')
    .values(row)
    .onConflict((oc) => oc.column('label').doNothing())
    .execute();
  return (await db.selectFrom('signedDocuments').select('payload').where('label', '=', row.label).executeTakeFirstOrThrow()).payload;
}

/** The receipt a label names in this store, or for a voucher's label (`HT-…`) the receipt it paid back. */
export function findReceiptByLabel(db: Db, series: string, number: number) {
  let query = db
    .selectFrom('receipts')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .select([
      'receipts.id',
      'receipts.amount',
      'receipts.scheme',
      'receipts.periodFrom',
      'receipts.periodTo',
      'receipts.businessDate',
      'receipts.payerPersonalId',
      'receiptVoids.id as voidId',
      'receiptVoids.refundPaidBy',
      'receiptVoids.businessDate as voidDate',
    ]);
  query = series.startsWith('HT-')
    ? query.where('receiptVoids.refundVoucherSeries', '=', series).where('receiptVoids.refundVoucherNumber', '=', number)
    : query.where('receipts.series', '=', series).where('receipts.number', '=', number);
  return query.executeTakeFirst();
}
