// Cash handovers (ADR 0026): recorded here or pulled, each day of a collector's cash once per
// device (`cash_handover_days`, unique): SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { CashHandoversTable, Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a handover and its days; false (nothing written) when any of its days is handed over already. */
export async function insertHandover(db: Db, row: CashHandoversTable): Promise<boolean> {
  const days = JSON.parse(row.businessDates) as string[];
  const taken = await db
    .selectFrom('cashHandoverDays')
    .select('businessDate')
    .where('fromDeviceId', '=', row.fromDeviceId)
    .where('collectorStaffId', '=', row.collectorStaffId)
    .where('businessDate', 'in', days)
    .executeTakeFirst();
  const exists = await db.selectFrom('cashHandovers').select('id').where('id', '=', row.id).executeTakeFirst();
  if (taken || exists) return false;
  await db.insertInto('cashHandovers').values(row).execute();
  for (const businessDate of days) {
    await db
      .insertInto('cashHandoverDays')
      .values({ fromDeviceId: row.fromDeviceId, collectorStaffId: row.collectorStaffId, businessDate, handoverId: row.id })
      .execute();
  }
  return true;
}

export function handoversReceivedOn(db: Db, day: string): Promise<CashHandoversTable[]> {
  return db.selectFrom('cashHandovers').selectAll().where('receivedOn', '=', day).orderBy('receivedAt').execute();
}

/** The days of a collector's cash already handed over (from their device). */
export async function handedOverDays(db: Db, fromDeviceId: string, collectorStaffId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('cashHandoverDays')
    .select('businessDate')
    .where('fromDeviceId', '=', fromDeviceId)
    .where('collectorStaffId', '=', collectorStaffId)
    .execute();
  return new Set(rows.map((r) => r.businessDate));
}
