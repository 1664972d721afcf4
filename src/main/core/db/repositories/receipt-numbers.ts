// Gap-free receipt numbers per series. The number is taken inside the transaction that writes the
// receipt: a crash or a refused write rolls the counter back with it, so no number is skipped, and
// a voided receipt keeps its number for ever, so none is reused.
import type { Kysely, Transaction } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Database } from '../schema';
import { deviceShortId } from '../../../../shared/domain/device-label';

/** The device's series (ký hiệu): office code + the last 4 hex digits of the device id. */
export function deviceSeries(officeCode: string, deviceId: string): string {
  return `${officeCode}-${deviceShortId(deviceId)}`;
}

/** The device's refund voucher series (phiếu chi hoàn trả): its own counter beside the receipts'. */
export function voucherSeries(receiptSeries: string): string {
  return `HT-${receiptSeries}`;
}

export function receiptLabel(series: string, number: number): string {
  return `${series}/${String(number).padStart(7, '0')}`;
}

const nextNumber = preparedQuery<{ series: string }, { nextNumber: number }>((db, arg) =>
  db
    .insertInto('receiptSeries')
    .values({ series: arg('series'), nextNumber: 2 })
    .onConflict((oc) => oc.column('series').doUpdateSet((eb) => ({ nextNumber: eb('receiptSeries.nextNumber', '+', 1) })))
    .returning('nextNumber'),
);

/** Takes the series' next number in one statement: a new series starts at 1 (receipt and voucher series alike). */
export async function takeReceiptNumber(trx: Transaction<Database>, series: string): Promise<number> {
  const row = await nextNumber.executeTakeFirst(trx, { series });
  if (!row) throw new Error(`No receipt number returned for series ${series}`);
  return row.nextNumber - 1;
}

/** Every receipt series this store has numbered receipts in. */
export async function seriesUsed(db: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  return (await db.selectFrom('receiptSeries').select('series').execute()).map((r) => r.series);
}
