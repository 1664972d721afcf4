// The outbox: one entry per mutation, in device order (`seq`), written by mutation-log.ts in the
// mutation's transaction; here are the reads and status changes sync makes of it: pending entries
// taken into a batch, entries answered, what is not yet sent. SQL only.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OutboxTable } from '../schema';
import { jsonList } from '../json-list';

type Db = Kysely<Database> | Transaction<Database>;

export type OutboxEntry = Pick<OutboxTable, 'opId' | 'kind' | 'payload' | 'payloadHash' | 'createdAt'> & { seq: number };

/** The oldest pending entries, in device order. */
export function pendingEntries(db: Db, limit?: number): Promise<OutboxEntry[]> {
  let query = db.selectFrom('outbox').select(['seq', 'opId', 'kind', 'payload', 'payloadHash', 'createdAt']).where('status', '=', 'pending').orderBy('seq');
  if (limit !== undefined) query = query.limit(limit);
  return query.execute();
}

/** The pending entries from `firstSeq` to `lastSeq` now travel in batch `batchNo`. */
export async function markBatched(trx: Transaction<Database>, range: { firstSeq: number; lastSeq: number }, batchNo: number): Promise<void> {
  await trx
    .updateTable('outbox')
    .set({ status: 'batched', batchNo })
    .where('seq', '>=', range.firstSeq)
    .where('seq', '<=', range.lastSeq)
    .where('status', '=', 'pending')
    .execute();
}

/** The central has answered these entries. */
export async function markAnswered(trx: Transaction<Database>, opIds: string[]): Promise<void> {
  await trx.updateTable('outbox').set({ status: 'done' }).where('opId', 'in', opIds).execute();
}

/** Batches dissolved (a restored copy): their entries are pending again, to go under the new device. */
export async function unbatchAll(trx: Transaction<Database>): Promise<void> {
  await trx.updateTable('outbox').set({ status: 'pending', batchNo: null }).where('status', '=', 'batched').execute();
}

/** A pending entry taken back (it goes again behind a reviewed registration, under a new op id). */
export async function withdrawPending(trx: Transaction<Database>, seq: number): Promise<void> {
  await trx.deleteFrom('outbox').where('seq', '=', seq).where('status', '=', 'pending').execute();
}

/** Entries the central has not answered: pending, or in a batch not yet answered. */
export async function countUnanswered(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '!=', 'done')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Of these records, those with an operation the central has not answered yet. */
export async function withUnansweredOperations(db: Db, entityIds: string[]): Promise<Set<string>> {
  if (entityIds.length === 0) return new Set();
  // The ids as one JSON parameter: a pulled page asks about thousands, in one statement prepared once.
  const { rows } = await sql<{ entityId: string }>`SELECT entity_id FROM outbox
    WHERE entity_id IN ${jsonList(entityIds)} AND status != 'done'`.execute(db);
  return new Set(rows.map((r) => r.entityId));
}
