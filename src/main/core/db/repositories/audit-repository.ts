// The audit trail's own tables beside the log (ADR 0028): the breaks a check found and their
// settling, the central's signed acknowledgement, how far the entries have gone up with the
// batches, and the supervisor's filtered list of entries.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AuditAck, AuditEntry } from '../../../../shared/sync/operations';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function openBreaks(db: Db) {
  return db.selectFrom('auditBreaks').select(['seq', 'problem', 'problemEn', 'foundAt']).where('settledAt', 'is', null).orderBy('seq').execute();
}

export async function hasOpenBreak(db: Db): Promise<boolean> {
  return (await db.selectFrom('auditBreaks').select('seq').where('settledAt', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}

/** Settles every open break with the note; the breaks settled. */
export async function settleOpenBreaks(trx: Transaction<Database>, settled: { staffId: string | null; at: string; note: string }) {
  const open = await trx.selectFrom('auditBreaks').selectAll().where('settledAt', 'is', null).execute();
  if (open.length > 0)
    await trx
      .updateTable('auditBreaks')
      .set({ settledBy: settled.staffId, settledAt: settled.at, note: settled.note })
      .where('settledAt', 'is', null)
      .execute();
  return open;
}

/** The central's acknowledgement this store keeps, as kept. */
export async function keptAuditAck(db: Db): Promise<(AuditAck & { deviceId: string }) | null> {
  const state = await db.selectFrom('syncState').select('auditAck').where('id', '=', 1).executeTakeFirst();
  return state?.auditAck ? (JSON.parse(state.auditAck) as AuditAck & { deviceId: string }) : null;
}

/** The central's acknowledgement of the audit chain: kept when it holds more of it than the one kept. */
export async function keepAuditAck(trx: Transaction<Database>, ack: AuditAck & { deviceId: string }): Promise<void> {
  const kept = await keptAuditAck(trx);
  if (kept && kept.seq > ack.seq) return;
  await trx
    .updateTable('syncState')
    .set({ auditAck: JSON.stringify(ack) })
    .where('id', '=', 1)
    .execute();
}

/** The entries not yet put in a batch, oldest first. */
export async function unsentAuditEntries(trx: Transaction<Database>, limit: number): Promise<AuditEntry[]> {
  const { auditSentSeq } = await trx.selectFrom('syncState').select('auditSentSeq').where('id', '=', 1).executeTakeFirstOrThrow();
  return trx.selectFrom('auditLog').selectAll().where('seq', '>', auditSentSeq).orderBy('seq').limit(limit).execute();
}

export async function markAuditSent(trx: Transaction<Database>, seq: number): Promise<void> {
  await trx.updateTable('syncState').set({ auditSentSeq: seq }).where('id', '=', 1).execute();
}

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  staffId?: string | undefined;
  action?: string | undefined;
  query?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** The entries newest first, filtered (days are the office's, UTC+7), one more than the page to tell whether more follow. */
export function listAuditEntries(db: Db, input: AuditFilter) {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('staff', 'staff.id', 'auditLog.staffId')
    .select(['auditLog.seq', 'auditLog.at', 'auditLog.staffId', 'staff.fullName as staffName', 'auditLog.action', 'auditLog.entity', 'auditLog.entityId'])
    .select(sql<string>`substr(audit_log.details, 1, 16000)`.as('details'));
  if (input.from) query = query.where('auditLog.at', '>=', new Date(`${input.from}T00:00:00+07:00`).toISOString());
  if (input.to) query = query.where('auditLog.at', '<', new Date(Date.parse(`${input.to}T00:00:00+07:00`) + 86_400_000).toISOString());
  if (input.staffId) query = query.where('auditLog.staffId', '=', input.staffId);
  if (input.action) query = query.where('auditLog.action', '=', input.action);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('auditLog.entityId', 'like', like), sql<boolean>`audit_log.details LIKE ${like} ESCAPE '\\'`]));
  }
  if (input.beforeSeq) query = query.where('auditLog.seq', '<', input.beforeSeq);
  return query
    .orderBy('auditLog.seq', 'desc')
    .limit(input.limit + 1)
    .execute();
}

export async function auditActions(db: Db): Promise<string[]> {
  return (await db.selectFrom('auditLog').select('action').distinct().orderBy('action').execute()).map((r) => r.action);
}
