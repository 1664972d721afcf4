// What a supervisor is told about store copies: the last copy recorded in the audit log (against
// the office), and the work since — receipts issued, operations the central has not answered.
// Each read uses an index: the audit log's by entity, the receipts' by business day from the
// copy's day on, the outbox's by status. SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function lastCopyRecord(db: Db, officeCode: string): Promise<{ at: string; details: string } | undefined> {
  return db
    .selectFrom('auditLog')
    .select(['at', 'details'])
    .where('entityId', '=', officeCode)
    .where('action', '=', 'store.backup')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Receipts issued after `since` (whose business day is `sinceDay` or later), or all without one. */
export async function receiptsIssuedSince(db: Db, since: { at: string; day: string } | null): Promise<number> {
  let query = db.selectFrom('receipts').select((eb) => eb.fn.countAll<number>().as('n'));
  if (since) query = query.where('businessDate', '>=', since.day).where('issuedAt', '>', since.at);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Operations recorded after `since` (or ever) that the central has not answered yet. */
export async function unansweredSince(db: Db, since: string | null): Promise<number> {
  let query = db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'batched']);
  if (since) query = query.where('createdAt', '>', since);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
