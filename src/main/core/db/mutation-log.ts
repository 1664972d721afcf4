// Writes the two companions of every mutation — the outbox entry (what sync sends) and the
// hash-chained audit entry (who did what) — inside the caller's transaction, so a crash leaves
// the row, its outbox entry and its audit entry together or not at all.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { canonicalJson } from '../../../shared/canonical-json';
import { auditEntryText, GENESIS_HASH, type HashedEntryContent } from '../../../shared/sync/audit-anchor';
import { type OperationInput, operationEntity } from '../../../shared/sync/operations';
import { preparedInsert, preparedQuery } from './prepared-query';
import type { AuditLogTable, Database, OutboxTable } from './schema';

export { GENESIS_HASH };

export interface AuditInput {
  at: string;
  staffId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: unknown;
}

export interface OutboxInput {
  operation: OperationInput;
  createdAt: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash of one audit entry: it covers the previous hash and the entry's own content. */
export function auditEntryHash(prevHash: string, entry: HashedEntryContent): string {
  return sha256Hex(auditEntryText(prevHash, entry));
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

/** An outbox entry for an operation (sent again, or of a mutation audited otherwise); returns its op id. */
export function appendOutbox(trx: Transaction<Database>, input: OutboxInput): Promise<string> {
  return insertOutboxEntry(trx, input, operationEntity(input.operation).entityId);
}

async function insertOutboxEntry(trx: Transaction<Database>, input: OutboxInput, entityId: string): Promise<string> {
  const opId = uuidv7();
  const payload = canonicalJson(input.operation.payload);
  await insertOutbox.execute(trx, {
    opId,
    kind: input.operation.kind,
    entityId,
    payload,
    payloadHash: sha256Hex(payload),
    createdAt: input.createdAt,
    status: 'pending',
    batchNo: null,
  });
  return opId;
}

/**
 * Outbox + audit for one mutation; call inside the transaction that wrote the row. The operation is
 * one of the shared union (src/shared/sync/operations.ts): its kind is the audit action, and its
 * entity the outbox's and the audit entry's. `details` replaces the payload in the audit entry.
 */
export async function logMutation(
  trx: Transaction<Database>,
  input: { at: string; staffId: string | null; operation: OperationInput; details?: unknown },
): Promise<void> {
  const { entity, entityId } = operationEntity(input.operation);
  await insertOutboxEntry(trx, { operation: input.operation, createdAt: input.at }, entityId);
  await appendAudit(trx, {
    at: input.at,
    staffId: input.staffId,
    action: input.operation.kind,
    entity,
    entityId,
    details: input.details ?? input.operation.payload,
  });
}

/**
 * An operation as this store holds it (an outbox row, a recorded batch): typed, not parsed again —
 * `logMutation` wrote it from a value of the union, and the central checks it on arrival.
 */
export function storedOperation(row: { kind: string; payload: string | Record<string, unknown> }): OperationInput {
  return { kind: row.kind, payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload } as OperationInput;
}
