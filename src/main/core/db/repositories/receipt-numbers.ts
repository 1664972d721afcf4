// Gap-free receipt numbers per series. The number is taken inside the transaction that writes the
// receipt: a crash or a refused write rolls the counter back with it, so no number is skipped, and
// a voided receipt keeps its number for ever, so none is reused.
import type { Transaction } from 'kysely';
import type { Database } from '../schema';

/** The device's series (ký hiệu): office code + the last 4 hex digits of the device id. */
export function deviceSeries(officeCode: string, deviceId: string): string {
  return `${officeCode}-${deviceId.replace(/-/g, '').slice(-4).toUpperCase()}`;
}

export function receiptLabel(series: string, number: number): string {
  return `${series}/${String(number).padStart(7, '0')}`;
}

export async function takeReceiptNumber(trx: Transaction<Database>, series: string): Promise<number> {
  await trx.insertInto('receiptSeries').values({ series, nextNumber: 1 }).onConflict((oc) => oc.column('series').doNothing()).execute();
  const row = await trx
    .updateTable('receiptSeries')
    .set((eb) => ({ nextNumber: eb('nextNumber', '+', 1) }))
    .where('series', '=', series)
    .returning('nextNumber')
    .executeTakeFirstOrThrow();
  return row.nextNumber - 1;
}
