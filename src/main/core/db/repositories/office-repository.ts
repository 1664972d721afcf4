// The office's one row: its code, name, province, this device's id (its receipt series), the idle
// lock, and the mark a backup copy carries. SQL only.
import type { Kysely, Transaction } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Database, OfficeTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

// Read on every call that needs a session (the idle lock) and every payment: compiled once (ADR 0009).
const officeRow = preparedQuery<Record<string, never>, OfficeTable>((db) => db.selectFrom('office').selectAll().where('id', '=', 1));

/** The office, or undefined on a store not set up yet. */
export function findOffice(db: Db): Promise<OfficeTable | undefined> {
  return officeRow.executeTakeFirst(db, {});
}

export async function requireOfficeRow(db: Db): Promise<OfficeTable> {
  const office = await findOffice(db);
  if (!office) throw new Error('the office row is missing');
  return office;
}

export async function insertOffice(trx: Transaction<Database>, row: OfficeTable): Promise<void> {
  await trx.insertInto('office').values(row).execute();
}

/** A restored copy becomes a new device: a new id (a new receipt series), no copy mark. */
export async function becomeNewDevice(trx: Transaction<Database>, deviceId: string): Promise<void> {
  await trx.updateTable('office').set({ deviceId, copyTakenAt: null }).execute();
}
