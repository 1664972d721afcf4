// Forms push batches from the outbox: pending entries in device order, at most MAX_OPS operations
// or MAX_BYTES of payload, with the audit entries not sent before and the signed audit head. A batch is recorded (and its entries marked) before anything is sent,
// so a retry after any failure sends byte-for-byte the same batch under the same number.
import { createPrivateKey, sign } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../../shared/canonical-json';
import { auditHeadMessage } from '../../../shared/sync/audit-anchor';
import type { AuditEntry, BatchAudit } from '../../../shared/sync/operations';
import type { WireBatch, WireOp } from '../../../shared/sync/protocol';
import { markAuditSent, unsentAuditEntries } from '../db/repositories/audit-repository';
import { markBatched, pendingEntries } from '../db/repositories/outbox-repository';
import { insertBatch, oldestUnanswered } from '../db/repositories/sync-batches-repository';
import { takeBatchNumber } from '../db/repositories/sync-state-repository';
import type { Database, SyncBatchesTable } from '../db/schema';
import type { DeviceKeyPair } from './device-key-store';

export const MAX_OPS = 500;
export const MAX_BYTES = 1_000_000;
export const MAX_AUDIT_ENTRIES = 2000;

export type { WireBatch, WireOp };

/** The oldest batch recorded but not yet answered, if any: it must be sent again first. */
export function unansweredBatch(db: Kysely<Database>): Promise<SyncBatchesTable | undefined> {
  return oldestUnanswered(db);
}

/**
 * The audit entries after the last sent, as many as fit beside the operations, and the head they
 * end at, signed by the device key (ADR 0028). None without a key to sign with.
 */
async function auditSection(trx: Transaction<Database>, deviceId: string, keys: DeviceKeyPair | null, bytesLeft: number): Promise<BatchAudit | undefined> {
  if (!keys) return undefined;
  const rows = await unsentAuditEntries(trx, MAX_AUDIT_ENTRIES);
  const entries: AuditEntry[] = [];
  for (const row of rows) {
    bytesLeft -= row.details.length + 300;
    if (entries.length > 0 && bytesLeft < 0) break;
    entries.push(row);
  }
  const last = entries.at(-1);
  if (!last) return undefined;
  const key = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  const signature = sign(null, Buffer.from(auditHeadMessage(deviceId, last.seq, last.hash)), key).toString('base64');
  await markAuditSent(trx, last.seq);
  return { entries, head: { seq: last.seq, hash: last.hash, signature } };
}

/** Records the next batch from pending outbox entries and audit entries; undefined when nothing is pending. */
export async function recordNextBatch(db: Kysely<Database>, deviceId: string, at: string, keys: DeviceKeyPair | null): Promise<SyncBatchesTable | undefined> {
  return db.transaction().execute(async (trx) => {
    const pending = await pendingEntries(trx, MAX_OPS);
    const ops: WireOp[] = [];
    let bytes = 0;
    for (const row of pending) {
      bytes += row.payload.length;
      if (ops.length > 0 && bytes > MAX_BYTES) break;
      ops.push({ opId: row.opId, seq: row.seq, kind: row.kind, payload: JSON.parse(row.payload), payloadHash: row.payloadHash });
    }
    const audit = await auditSection(trx, deviceId, keys, MAX_BYTES - bytes);
    if (ops.length === 0 && !audit) return undefined;
    const batchNo = await takeBatchNumber(trx);
    const body = canonicalJson({ deviceId, batchNo, ops, ...(audit ? { audit } : {}) } satisfies WireBatch);
    const row: SyncBatchesTable = {
      batchNo,
      body,
      opCount: ops.length,
      // A batch of audit entries only holds no operation: 0–0 marks none of the outbox.
      firstSeq: ops[0]?.seq ?? 0,
      lastSeq: ops.at(-1)?.seq ?? 0,
      createdAt: at,
      sentAt: null,
      via: null,
      appliedAt: null,
      summary: null,
    };
    await insertBatch(trx, row);
    await markBatched(trx, row, batchNo);
    return row;
  });
}
