// Forms push batches from the outbox: pending entries in device order, at most MAX_OPS operations
// or MAX_BYTES of payload. A batch is recorded (and its entries marked) before anything is sent,
// so a retry after any failure sends byte-for-byte the same batch under the same number.
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/canonical-json';
import type { WireBatch, WireOp } from '../../../shared/sync/protocol';
import { markBatched, pendingEntries } from '../db/repositories/outbox-repository';
import { insertBatch, oldestUnanswered } from '../db/repositories/sync-batches-repository';
import { takeBatchNumber } from '../db/repositories/sync-state-repository';
import type { Database, SyncBatchesTable } from '../db/schema';

export const MAX_OPS = 500;
export const MAX_BYTES = 1_000_000;

export type { WireBatch, WireOp };

/** The oldest batch recorded but not yet answered, if any: it must be sent again first. */
export function unansweredBatch(db: Kysely<Database>): Promise<SyncBatchesTable | undefined> {
  return oldestUnanswered(db);
}

/** Records the next batch from pending outbox entries; undefined when nothing is pending. */
export async function recordNextBatch(db: Kysely<Database>, deviceId: string, at: string): Promise<SyncBatchesTable | undefined> {
  return db.transaction().execute(async (trx) => {
    const pending = await pendingEntries(trx, MAX_OPS);
    if (pending.length === 0) return undefined;
    const ops: WireOp[] = [];
    let bytes = 0;
    for (const row of pending) {
      bytes += row.payload.length;
      if (ops.length > 0 && bytes > MAX_BYTES) break;
      ops.push({ opId: row.opId, seq: row.seq, kind: row.kind, payload: JSON.parse(row.payload), payloadHash: row.payloadHash });
    }
    const batchNo = await takeBatchNumber(trx);
    const body = canonicalJson({ deviceId, batchNo, ops } satisfies WireBatch);
    const row: SyncBatchesTable = {
      batchNo,
      body,
      opCount: ops.length,
      firstSeq: ops[0]!.seq,
      lastSeq: ops[ops.length - 1]!.seq,
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
