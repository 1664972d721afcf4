// Applies one device batch exactly once. One transaction per batch, serialised per device by a
// row lock on the device. A poisoned operation is rejected alone: its rules are checked before it
// writes, and should the database still fail one, the batch reruns with a SAVEPOINT per operation.
// The response is stored with the batch in the same transaction: a batch seen before returns that
// stored response and has no second effect. Change-feed numbers are taken last, under the single
// counter row's lock, so they are handed out in commit order and a reader can never skip a change
// that commits late.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Operation } from '../../shared/sync/operations';
import { type BatchResponse, type OpResult, type OpStatus, rejected } from '../../shared/sync/op-results';
import type { WireBatch } from '../../shared/sync/protocol';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';
import type { AuthenticatedDevice } from '../request-auth';
import type { CentralKey } from '../central-signing-key';
import { anchorAudit } from './audit-anchor';
import { batchHashes, type SentBody } from './batch-identity';
import { prefetchBatch } from './batch-prefetch';
import { finishBatch, type OpRow } from './batch-finish';
import { emptyDeferredWrites, flushDeferredWrites, type OpContext } from './op-context';
import { applyOperation, type CheckedOp, checkOperation, DEFERRABLE_KINDS } from './operation-handlers';

export interface BatchOutcome {
  response: BatchResponse;
  /** The response as JSON, as stored: sent as it is, not serialised again. */
  responseJson: string;
  replayed: boolean;
  counts: Record<OpStatus, number>;
}

/** What answering a batch's audit section needs: the central's key signs its acknowledgement (ADR 0028). */
export interface AnchorOptions {
  centralKey: CentralKey;
  now: () => Date;
}

/**
 * `sent`: the request body the batch was parsed from, when its bytes are what the device signed
 * (batch-identity.ts: a canonical body's own SHA-256 is the batch's identity, not hashed again).
 */
export async function applyBatch(
  db: Kysely<CentralDb>,
  device: AuthenticatedDevice,
  batch: WireBatch,
  anchor: AnchorOptions,
  sent?: SentBody,
): Promise<BatchOutcome> {
  if (batch.deviceId !== device.id) {
    throw new CentralError(403, 'DEVICE_MISMATCH', 'Lô dữ liệu mang mã thiết bị khác với thiết bị đã ký.', 'The batch names another device.');
  }
  for (let i = 1; i < batch.ops.length; i++) {
    if (batch.ops[i]!.seq <= batch.ops[i - 1]!.seq) {
      throw new CentralError(
        400,
        'SEQ_ORDER',
        'Các thao tác trong lô phải theo thứ tự tăng dần của thiết bị.',
        'Operations must be in increasing device order.',
      );
    }
  }
  // Each operation checked once (hash, kind, payload), whatever the attempts below.
  const { checked, bodyHash } = checkBatch(batch, sent);
  // Attempts, cheapest first; each rolls back whole if the database refuses anything, and the next
  // starts afresh. The fast path has no savepoints: every rule a payload can break is checked before
  // anything is written, so only an unexpected database error can leave an operation half done. It
  // also does not look for operations answered in an earlier batch (a new batch almost never holds
  // one): every answered operation has its row in `ops`, so one sent again fails the insert of this
  // batch's op rows on its key. The second attempt looks them up (a copy restored from a backup
  // sends such operations again, batch after batch); the last puts a savepoint around each
  // operation, so that the one the database refuses is rejected alone.
  for (let i = 0; ; i++) {
    try {
      return await db.transaction().execute((trx) => applyInTransaction(trx, device, batch, bodyHash, checked, ATTEMPTS[i]!, anchor));
    } catch (error) {
      if (error instanceof CentralError || i === ATTEMPTS.length - 1) throw error;
    }
  }
}

interface Attempt {
  /** Reads the results of this batch's operations answered in earlier batches. */
  lookUpAnswered: boolean;
  /** A savepoint around each operation. */
  savepoints: boolean;
}

const ATTEMPTS: readonly Attempt[] = [
  { lookUpAnswered: false, savepoints: false },
  { lookUpAnswered: true, savepoints: false },
  { lookUpAnswered: true, savepoints: true },
];

/**
 * Hashed and checked before the transaction: each payload's canonical form (checked against its
 * hash) and the whole batch's identity (batch-identity.ts); then each operation against its kind's
 * schema. A canonical form is kept only as the parsed payload's JSON, when the schema changed
 * nothing (checkOperation); the others are garbage once hashed.
 */
function checkBatch(batch: WireBatch, sent: SentBody | undefined): { checked: CheckedOp[]; bodyHash: string } {
  const { canonicalPayloads, payloadSha256, bodyHash } = batchHashes(batch, sent);
  const checked = batch.ops.map((op, i) => checkOperation(op, payloadSha256[i] === op.payloadHash, canonicalPayloads[i]));
  return { checked, bodyHash };
}

async function applyInTransaction(
  trx: Transaction<CentralDb>,
  device: AuthenticatedDevice,
  batch: WireBatch,
  bodyHash: string,
  checked: CheckedOp[],
  { lookUpAnswered, savepoints }: Attempt,
  anchor: AnchorOptions,
): Promise<BatchOutcome> {
  const row = await trx
    .selectFrom('devices')
    .select(['nextBatchNo', 'lastSeq', 'revokedAt', 'publicKey', 'auditSeq', 'auditHash'])
    .where('id', '=', device.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.revokedAt) throw new CentralError(403, 'DEVICE_REVOKED', 'Thiết bị đã bị thu hồi quyền đồng bộ.', 'This device has been revoked.');
  const seen = await trx
    .selectFrom('batches')
    .select(['bodyHash', 'response'])
    .where('deviceId', '=', device.id)
    .where('batchNo', '=', batch.batchNo)
    .executeTakeFirst();
  if (seen) {
    if (seen.bodyHash !== bodyHash) {
      throw new CentralError(409, 'ID_REUSE', `Lô số ${batch.batchNo} đã nhận với nội dung khác.`, `Batch ${batch.batchNo} was received with other content.`);
    }
    const response = (typeof seen.response === 'string' ? JSON.parse(seen.response) : seen.response) as BatchResponse;
    return { response, responseJson: JSON.stringify(response), replayed: true, counts: count(response.results) };
  }
  if (batch.batchNo !== row.nextBatchNo) {
    throw new CentralError(409, 'GAP', `Thiếu lô dữ liệu: trung tâm chờ lô số ${row.nextBatchNo}.`, `Batch gap: expected ${row.nextBatchNo}.`, {
      expected: row.nextBatchNo,
    });
  }
  // Operations answered in an earlier batch, read in one query for the whole batch (the ids as one
  // array parameter, not an IN list of 500 placeholders); the first attempt skips this (above).
  const prior = new Map<string, { payloadHash: string; result: OpResult }>();
  if (lookUpAnswered) {
    const opIds = batch.ops.map((op) => op.opId);
    const priorRows = await trx
      .selectFrom('ops')
      .select(['opId', 'payloadHash', 'result'])
      .where(sql<boolean>`op_id = ANY(${opIds}::text[])`)
      .execute();
    for (const p of priorRows)
      prior.set(p.opId, { payloadHash: p.payloadHash, result: (typeof p.result === 'string' ? JSON.parse(p.result) : p.result) as OpResult });
  }
  const ctx: OpContext = {
    trx,
    device,
    changes: [],
    cache: await prefetchBatch(
      trx,
      checked.flatMap((c, i) => (c.operation && !prior.has(batch.ops[i]!.opId) ? [c.operation] : [])),
    ),
  };
  // Fast path: runs of cache-answered operations queue their rows; any other kind sees the
  // database as it would have been, because the queue is written before it runs.
  if (!savepoints) ctx.deferred = emptyDeferredWrites();
  const results: OpResult[] = [];
  // Each result as JSON, made once: its op row stores it, and the batch's response is built from them.
  const resultJson: string[] = [];
  const opRows: OpRow[] = [];
  for (const [index, op] of batch.ops.entries()) {
    const known = prior.get(op.opId);
    if (known) {
      const answer =
        known.payloadHash === op.payloadHash
          ? known.result
          : rejected(op.opId, 'ID_REUSE', 'Mã thao tác đã được dùng cho một nội dung khác.', 'This operation id was used for other content.', 'opId');
      results.push(answer);
      resultJson.push(JSON.stringify(answer));
      continue;
    }
    const { operation, refused } = checked[index]!;
    if (ctx.deferred && operation && !DEFERRABLE_KINDS.has(operation.kind)) await flushDeferredWrites(ctx);
    ctx.sentJson = checked[index]!.operation ? checked[index]!.sentJson : undefined;
    const result = refused ?? (await applyOp(ctx, op.opId, operation!, savepoints));
    const json = JSON.stringify(result);
    results.push(result);
    resultJson.push(json);
    prior.set(op.opId, { payloadHash: op.payloadHash, result });
    opRows.push({
      opId: op.opId,
      deviceId: device.id,
      batchNo: batch.batchNo,
      seq: op.seq,
      kind: op.kind,
      payloadHash: op.payloadHash,
      status: result.status,
      result: json,
    });
  }
  await flushDeferredWrites(ctx);
  const auditAck = batch.audit ? await anchorAudit(trx, { id: device.id, ...row }, batch.batchNo, batch.audit, anchor.centralKey, anchor.now()) : undefined;
  const response: BatchResponse = { deviceId: device.id, batchNo: batch.batchNo, results, ...(auditAck ? { auditAck } : {}) };
  // JSON.stringify(response), from the results' own JSON (same keys, same order).
  const responseJson = `{"deviceId":${JSON.stringify(device.id)},"batchNo":${JSON.stringify(batch.batchNo)},"results":[${resultJson.join(',')}]${auditAck ? `,"auditAck":${JSON.stringify(auditAck)}` : ''}}`;
  await finishBatch(trx, {
    deviceId: device.id,
    batchNo: batch.batchNo,
    bodyHash,
    responseJson,
    opCount: batch.ops.length,
    lastSeq: Math.max(Number(row.lastSeq), batch.ops.at(-1)?.seq ?? 0),
    opRows,
    changes: ctx.changes,
  });
  return { response, responseJson, replayed: false, counts: count(results) };
}

async function applyOp(ctx: OpContext, opId: string, operation: Operation, savepoints: boolean): Promise<OpResult> {
  if (!savepoints) return applyOperation(ctx, opId, operation);
  const changesBefore = ctx.changes.length;
  await sql`SAVEPOINT op`.execute(ctx.trx);
  try {
    const result = await applyOperation(ctx, opId, operation);
    await sql`RELEASE SAVEPOINT op`.execute(ctx.trx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT op`.execute(ctx.trx);
    ctx.changes.length = changesBefore;
    const message = error instanceof Error ? error.message : String(error);
    return rejected(opId, 'UNPROCESSABLE', 'Trung tâm không xử lý được thao tác này; các thao tác khác vẫn được nhận.', `Could not apply: ${message}`);
  }
}

function count(results: OpResult[]): Record<OpStatus, number> {
  const counts = { APPLIED: 0, DUPLICATE: 0, REJECTED: 0, HELD: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
