// Writes the two companions of every mutation — the outbox entry (what sync sends) and the
// hash-chained audit entry (who did what) — inside the caller's transaction, so a crash leaves
// the row, its outbox entry and its audit entry together or not at all.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { canonicalJson } from '../../../shared/canonical-json';
import { preparedInsert, preparedQuery } from './prepared-query';
import type { AuditLogTable, Database, OutboxTable } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  staffId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: unknown;
}

export interface OutboxInput {
  kind: string;
  entityId: string;
  payload: unknown;
  createdAt: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of one audit entry: it covers the previous hash and the entry's own content. */
export function auditEntryHash(prevHash: string, entry: Omit<AuditInput, 'details'> & { seq: number; details: string }): string {
  return sha256Hex(
    prevHash +
      '\n' +
      canonicalJson({
        seq: entry.seq,
        at: entry.at,
        staffId: entry.staffId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        details: entry.details,
      }),
  );
}

const lastAudit = preparedQuery<Record<string, never>, { seq: number; hash: string }>((db) =>
  db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);
const insertAudit = preparedInsert<'auditLog', Omit<AuditLogTable, 'seq'> & { seq: number }>('auditLog', {
  seq: true,
  at: true,
  staffId: true,
  action: true,
  entity: true,
  entityId: true,
  details: true,
  prevHash: true,
  hash: true,
});
type OutboxRow = Pick<OutboxTable, 'opId' | 'kind' | 'entityId' | 'payload' | 'payloadHash' | 'createdAt' | 'status' | 'batchNo'>;
const insertOutbox = preparedInsert<'outbox', OutboxRow>('outbox', {
  opId: true,
  kind: true,
  entityId: true,
  payload: true,
  payloadHash: true,
  createdAt: true,
  status: true,
  batchNo: true,
});

export async function appendAudit(trx: Kysely<Database> | Transaction<Database>, input: AuditInput): Promise<void> {
  const last = await lastAudit.executeTakeFirst(trx, {});
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const details = canonicalJson(input.details ?? null);
  const hash = auditEntryHash(prevHash, { ...input, seq, details });
  await insertAudit.execute(trx, {
    seq,
    at: input.at,
    staffId: input.staffId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    details,
    prevHash,
    hash,
  });
}

export async function appendOutbox(trx: Transaction<Database>, input: OutboxInput): Promise<string> {
  const opId = uuidv7();
  const payload = canonicalJson(input.payload);
  await insertOutbox.execute(trx, {
    opId,
    kind: input.kind,
    entityId: input.entityId,
    payload,
    payloadHash: sha256Hex(payload),
    createdAt: input.createdAt,
    status: 'pending',
    batchNo: null,
  });
  return opId;
}

/** Outbox + audit for one mutation; call inside the transaction that wrote the row. */
export async function logMutation(
  trx: Transaction<Database>,
  input: { at: string; staffId: string | null; action: string; entity: string; entityId: string; payload: unknown; details?: unknown },
): Promise<void> {
  await appendOutbox(trx, { kind: input.action, entityId: input.entityId, payload: input.payload, createdAt: input.at });
  await appendAudit(trx, {
    at: input.at,
    staffId: input.staffId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    details: input.details ?? input.payload,
  });
}
