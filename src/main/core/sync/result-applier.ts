// Applies the central service's per-operation results for one batch, in one transaction: the
// results are stored, official numbers written onto the records, a DUPLICATE links the person to
// the canonical one, and REJECTED / HELD items land in the sync-issues inbox. Nothing is dropped:
// every op of the batch gets exactly one stored result, and applying the same results twice is a
// no-op (the batch is already marked applied).
import { type Insertable, type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../db/mutation-log';
import { followReviewedRegistrations, WAITS_FOR_PERSON } from './held-resend';
import type { Database } from '../db/schema';
import type { OpResult } from '../../../shared/sync/protocol';
import type { WireBatch } from './batch-builder';

export type { OpResult };

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

/** Rows per multi-row statement: a few hundred bound values, well under SQLite's limit. */
const ROWS_PER_INSERT = 100;

export async function applyBatchResults(
  db: Kysely<Database>,
  batchNo: number,
  results: OpResult[],
  at: string,
  via: 'http' | 'file',
): Promise<BatchSummary | null> {
  return db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('syncBatches').select(['body', 'appliedAt']).where('batchNo', '=', batchNo).executeTakeFirst();
    if (!batch || batch.appliedAt) return null;
    const ops = (JSON.parse(batch.body) as WireBatch).ops;
    const byId = new Map(results.map((r) => [r.opId, r]));
    const summary: BatchSummary = { applied: 0, duplicates: 0, rejected: 0, held: 0 };
    const writes: BatchWrites = { officialNumbers: [], links: [], issues: [] };
    const resultRows: Insertable<Database['syncResults']>[] = [];
    for (const op of ops) {
      const result = byId.get(op.opId);
      if (!result) throw new Error(`result for op ${op.opId} missing from batch ${batchNo}`);
      resultRows.push({ opId: op.opId, batchNo, status: result.status, result: JSON.stringify(result), appliedAt: at });
      planOne(op.kind, op.payload as Record<string, unknown>, result, at, summary, writes);
    }
    for (let i = 0; i < resultRows.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto('syncResults')
        .values(resultRows.slice(i, i + ROWS_PER_INSERT))
        .execute();
    await trx
      .updateTable('outbox')
      .set({ status: 'done' })
      .where(
        'opId',
        'in',
        ops.map((op) => op.opId),
      )
      .execute();
    // Only a registration's APPLIED result writes an official number, and a person's registration
    // precedes its other operations, so these go before the links and the end state is the same
    // as applying the results one by one.
    for (let i = 0; i < writes.officialNumbers.length; i += ROWS_PER_INSERT) {
      const values = writes.officialNumbers.slice(i, i + ROWS_PER_INSERT).map((r) => sql`(${r.id}, ${r.officialNumber})`);
      await sql`UPDATE participants SET official_number = v.column2 FROM (VALUES ${sql.join(values)}) AS v WHERE participants.id = v.column1`.execute(trx);
    }
    for (const link of writes.links) {
      await trx.updateTable('participants').set({ canonicalId: link.canonicalId, officialNumber: link.officialNumber }).where('id', '=', link.id).execute();
    }
    for (let i = 0; i < writes.issues.length; i += ROWS_PER_INSERT)
      await trx
        .insertInto('syncIssues')
        .values(writes.issues.slice(i, i + ROWS_PER_INSERT))
        .execute();
    await followReviewedRegistrations(
      trx,
      writes.issues.flatMap((issue) => (WAITS_FOR_PERSON.includes(issue.code) ? [issue.id] : [])),
      at,
    );
    await trx
      .updateTable('syncBatches')
      .set({ appliedAt: at, via, summary: JSON.stringify(summary) })
      .where('batchNo', '=', batchNo)
      .execute();
    await appendAudit(trx, { at, staffId: null, action: 'sync.batchApplied', entity: 'batch', entityId: String(batchNo), details: summary });
    return summary;
  });
}

function planOne(kind: string, payload: Record<string, unknown>, result: OpResult, at: string, summary: BatchSummary, writes: BatchWrites): void {
  const entityId = String(payload.id ?? payload.householdId ?? payload.receiptId ?? payload.businessDate ?? '');
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
      if (kind.startsWith('participant.') && canonical) {
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
  const fallback = {
    DUPLICATE: ['Người này đã được đăng ký ở nơi khác; hồ sơ đã được liên kết với hồ sơ gốc.', 'Already registered elsewhere; linked to the canonical person.'],
    HELD: ['Trung tâm tạm giữ bản ghi để kiểm tra (nghi trùng người).', 'Held centrally for review (possible duplicate).'],
    REJECTED: ['Trung tâm từ chối bản ghi.', 'Rejected by the central service.'],
    APPLIED: ['', ''],
  }[result.status];
  const problem = result.error ?? result.review ?? null;
  return {
    id: uuidv7(),
    opId: result.opId,
    kind,
    entityId,
    class: result.status === 'HELD' ? (result.heldClass ?? 'HELD') : result.review ? result.review.code : result.status,
    code: problem?.code ?? result.heldClass ?? result.status,
    message: problem?.message ?? fallback[0]!,
    messageEn: problem?.messageEn ?? fallback[1]!,
    details: JSON.stringify({ error: problem, canonical: result.canonical ?? null }),
    state,
    resolution,
    resolutionNote: null,
    resolvedBy: null,
    resolvedAt: state === 'resolved' ? at : null,
    createdAt: at,
  };
}
