// Batches as recorded before they are sent (their number and bytes never change), the central's
// stored per-operation results, and when each batch was answered. SQL only (batch-builder.ts and
// result-applier.ts hold the rules).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, SyncBatchesTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per multi-row statement: a few hundred bound values, well under SQLite's limit. */
const ROWS_PER_INSERT = 100;

/** The oldest batch recorded but not yet answered, if any: it must be sent again first. */
export function oldestUnanswered(db: Db): Promise<SyncBatchesTable | undefined> {
  return db.selectFrom('syncBatches').selectAll().where('appliedAt', 'is', null).orderBy('batchNo').limit(1).executeTakeFirst();
}

export function allUnanswered(db: Db): Promise<SyncBatchesTable[]> {
  return db.selectFrom('syncBatches').selectAll().where('appliedAt', 'is', null).orderBy('batchNo').execute();
}

export async function countUnanswered(db: Db): Promise<number> {
  const row = await db
    .selectFrom('syncBatches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('appliedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertBatch(trx: Transaction<Database>, row: SyncBatchesTable): Promise<void> {
  await trx.insertInto('syncBatches').values(row).execute();
}

export function findBatch(db: Db, batchNo: number): Promise<Pick<SyncBatchesTable, 'body' | 'appliedAt'> | undefined> {
  return db.selectFrom('syncBatches').select(['body', 'appliedAt']).where('batchNo', '=', batchNo).executeTakeFirst();
}

/** The unanswered batches written to a file (file sync): sent, by file. */
export async function markSentByFile(db: Db, at: string): Promise<void> {
  await db.updateTable('syncBatches').set({ sentAt: at, via: 'file' }).where('appliedAt', 'is', null).where('sentAt', 'is', null).execute();
}

export async function markAnswered(trx: Transaction<Database>, batchNo: number, answer: { at: string; via: 'http' | 'file'; summary: string }): Promise<void> {
  await trx.updateTable('syncBatches').set({ appliedAt: answer.at, via: answer.via, summary: answer.summary }).where('batchNo', '=', batchNo).execute();
}

/** Batches dissolved (a restored copy): their operations go again under the new device. */
export async function deleteAll(trx: Transaction<Database>): Promise<void> {
  await trx.deleteFrom('syncBatches').execute();
}

/** The summaries of the batches answered since `since`, in the order answered. */
export function answeredSince(db: Db, since: string): Promise<Pick<SyncBatchesTable, 'appliedAt' | 'summary'>[]> {
  // Batches of audit entries only are left out: they carry no work the clerk sent.
  return db.selectFrom('syncBatches').select(['appliedAt', 'summary']).where('appliedAt', '>=', since).where('opCount', '>', 0).orderBy('appliedAt').execute();
}

export async function insertResults(trx: Transaction<Database>, rows: Insertable<Database['syncResults']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('syncResults')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}
