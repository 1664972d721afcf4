// Applies the central service's per-operation results for one batch, in one transaction: the
// results are stored, official numbers written onto the records, a DUPLICATE links the person to
// the canonical one, and REJECTED / HELD items land in the sync-issues inbox. Nothing is dropped:
// every op of the batch gets exactly one stored result, and applying the same results twice is a
// no-op (the batch is already marked applied).
import type { Insertable, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type OperationInput, operationEntity } from '../../../shared/sync/operations';
import type { OpResult } from '../../../shared/sync/op-results';
import { appendAudit, storedOperation } from '../db/mutation-log';
import { keepAuditAck } from '../db/repositories/audit-repository';
import { markAnswered as markOpsAnswered } from '../db/repositories/outbox-repository';
import { applyOfficialNumbers, linkToCanonical } from '../db/repositories/participants-repository';
import { findBatch, insertResults, markAnswered as markBatchAnswered } from '../db/repositories/sync-batches-repository';
import { insertIssues } from '../db/repositories/sync-issues-repository';
import { followReviewedRegistrations, WAITS_FOR_PERSON } from '../services/held-resend';
import type { Database } from '../db/schema';
import type { WireBatch } from './batch-builder';
import type { AuditAck } from '../../../shared/sync/operations';

export interface BatchSummary {
  applied: number;
  duplicates: number;
  rejected: number;
  held: number;
}

/** The writes one batch's results call for, gathered first and then written a table at a time. */
interface BatchWrites {
  officialNumbers: { id: string; officialNumber: string }[];
  /** DUPLICATE links, in batch order (rare: one UPDATE each). */
  links: { id: string; canonicalId: string; officialNumber: string | null }[];
  issues: Insertable<Database['syncIssues']>[];
}

export async function applyBatchResults(
  db: Kysely<Database>,
  batchNo: number,
  results: OpResult[],
  at: string,
  via: 'http' | 'file',
  auditAck?: AuditAck | undefined,
): Promise<BatchSummary | null> {
  return db.transaction().execute(async (trx) => {
    const batch = await findBatch(trx, batchNo);
    if (!batch || batch.appliedAt) return null;
    const { ops, deviceId } = JSON.parse(batch.body) as WireBatch;
    if (auditAck) await keepAuditAck(trx, { ...auditAck, deviceId });
    const byId = new Map(results.map((r) => [r.opId, r]));
    const summary: BatchSummary = { applied: 0, duplicates: 0, rejected: 0, held: 0 };
    const writes: BatchWrites = { officialNumbers: [], links: [], issues: [] };
    const resultRows: Insertable<Database['syncResults']>[] = [];
    for (const op of ops) {
      const result = byId.get(op.opId);
      if (!result) throw new Error(`result for op ${op.opId} missing from batch ${batchNo}`);
      resultRows.push({ opId: op.opId, batchNo, status: result.status, result: JSON.stringify(result), appliedAt: at });
      planOne(storedOperation(op), result, at, summary, writes);
    }
    await insertResults(trx, resultRows);
    await markOpsAnswered(
      trx,
      ops.map((op) => op.opId),
    );
    // Only a registration's APPLIED result writes an official number, and a person's registration
    // precedes its other operations, so these go before the links and the end state is the same
    // as applying the results one by one.
    await applyOfficialNumbers(trx, writes.officialNumbers);
    for (const link of writes.links) await linkToCanonical(trx, link);
    await insertIssues(trx, writes.issues);
    await followReviewedRegistrations(
      trx,
      writes.issues.flatMap((issue) => (WAITS_FOR_PERSON.includes(issue.code) ? [issue.id] : [])),
      at,
    );
    await markBatchAnswered(trx, batchNo, { at, via, summary: JSON.stringify(summary) });
    // A batch of audit entries only changed nothing here: auditing its answer would make another
    // entry to send, and so another batch, for ever.
    if (ops.length > 0)
      await appendAudit(trx, { at, staffId: null, action: 'sync.batchApplied', entity: 'batch', entityId: String(batchNo), details: summary });
    return summary;
  });
}

function planOne(op: OperationInput, result: OpResult, at: string, summary: BatchSummary, writes: BatchWrites): void {
  const { kind } = op;
  const { entityId } = operationEntity(op);
  switch (result.status) {
    case 'APPLIED':
      summary.applied++;
      if (kind === 'participant.register' && result.officialNumber) writes.officialNumbers.push({ id: entityId, officialNumber: result.officialNumber });
      // Recorded, but the central's records differ from the facts it was computed from: to review.
      if (result.review) writes.issues.push(issueRow(kind, entityId, result, at, 'open', null));
      return;
    case 'DUPLICATE': {
      summary.duplicates++;
      const canonical = result.canonical;
      if (kind === 'participant.register' || kind === 'participant.update') {
        writes.links.push({ id: entityId, canonicalId: canonical.canonicalId, officialNumber: canonical.officialNumber ?? null });
      }
      // Resolved by the rule itself (linked to the canonical person), kept visible in the inbox.
      writes.issues.push(issueRow(kind, entityId, result, at, 'resolved', 'linked-to-canonical'));
      return;
    }
    case 'REJECTED':
      summary.rejected++;
      writes.issues.push(issueRow(kind, entityId, result, at, 'open', null));
      return;
    case 'HELD':
      summary.held++;
      writes.issues.push(issueRow(kind, entityId, result, at, 'open', null));
      return;
  }
}

function issueRow(
  kind: string,
  entityId: string,
  result: OpResult,
  at: string,
  state: 'open' | 'resolved',
  resolution: string | null,
): Insertable<Database['syncIssues']> {
  const problem = result.status === 'APPLIED' ? (result.review ?? null) : result.status === 'DUPLICATE' ? null : result.error;
  const canonical = result.status === 'DUPLICATE' ? result.canonical : null;
  return {
    id: uuidv7(),
    opId: result.opId,
    kind,
    entityId,
    // The inbox's grouping: why it was held, what to review, or else the answer itself.
    class: result.status === 'HELD' ? result.heldClass : result.status === 'APPLIED' && result.review ? result.review.code : result.status,
    code: problem?.code ?? result.status,
    message: problem?.message ?? 'Người này đã được đăng ký ở nơi khác; hồ sơ đã được liên kết với hồ sơ gốc.',
    messageEn: problem?.messageEn ?? 'Already registered elsewhere; linked to the canonical person.',
    details: JSON.stringify({ error: problem, canonical }),
    state,
    resolution,
    resolutionNote: null,
    resolvedBy: null,
    resolvedAt: state === 'resolved' ? at : null,
    createdAt: at,
  };
}
