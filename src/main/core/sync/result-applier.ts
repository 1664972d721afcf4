// Applies the central service's per-operation results for one batch, in one transaction: the
// results are stored, official numbers written onto the records, a DUPLICATE links the person to
// the canonical one, and REJECTED / HELD items land in the sync-issues inbox. Nothing is dropped:
// every op of the batch gets exactly one stored result, and applying the same results twice is a
// no-op (the batch is already marked applied).
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../db/mutation-log';
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
    for (const op of ops) {
      const result = byId.get(op.opId);
      if (!result) throw new Error(`result for op ${op.opId} missing from batch ${batchNo}`);
      await trx.insertInto('syncResults').values({ opId: op.opId, batchNo, status: result.status, result: JSON.stringify(result), appliedAt: at }).execute();
      await trx.updateTable('outbox').set({ status: 'done' }).where('opId', '=', op.opId).execute();
      await applyOne(trx, op.kind, op.payload as Record<string, unknown>, result, at, summary);
    }
    await trx.updateTable('syncBatches').set({ appliedAt: at, via, summary: JSON.stringify(summary) }).where('batchNo', '=', batchNo).execute();
    await appendAudit(trx, { at, staffId: null, action: 'sync.batchApplied', entity: 'batch', entityId: String(batchNo), details: summary });
    return summary;
  });
}

async function applyOne(
  trx: Transaction<Database>,
  kind: string,
  payload: Record<string, unknown>,
  result: OpResult,
  at: string,
  summary: BatchSummary,
): Promise<void> {
  const entityId = String(payload.id ?? payload.householdId ?? payload.receiptId ?? payload.businessDate ?? '');
  switch (result.status) {
    case 'APPLIED':
      summary.applied++;
      if (kind === 'participant.register' && result.officialNumber) {
        await trx.updateTable('participants').set({ officialNumber: result.officialNumber }).where('id', '=', entityId).execute();
      }
      return;
    case 'DUPLICATE': {
      summary.duplicates++;
      const canonical = result.canonical;
      if (kind.startsWith('participant.') && canonical) {
        await trx
          .updateTable('participants')
          .set({ canonicalId: canonical.canonicalId, officialNumber: canonical.officialNumber ?? null })
          .where('id', '=', entityId)
          .execute();
      }
      // Resolved by the rule itself (linked to the canonical person), kept visible in the inbox.
      await insertIssue(trx, kind, entityId, result, at, 'resolved', 'linked-to-canonical');
      return;
    }
    case 'REJECTED':
      summary.rejected++;
      await insertIssue(trx, kind, entityId, result, at, 'open', null);
      return;
    case 'HELD':
      summary.held++;
      await insertIssue(trx, kind, entityId, result, at, 'open', null);
      return;
  }
}

async function insertIssue(
  trx: Transaction<Database>,
  kind: string,
  entityId: string,
  result: OpResult,
  at: string,
  state: 'open' | 'resolved',
  resolution: string | null,
): Promise<void> {
  const fallback = {
    DUPLICATE: ['Người này đã được đăng ký ở nơi khác; hồ sơ đã được liên kết với hồ sơ gốc.', 'Already registered elsewhere; linked to the canonical person.'],
    HELD: ['Trung tâm tạm giữ bản ghi để kiểm tra (nghi trùng người).', 'Held centrally for review (possible duplicate).'],
    REJECTED: ['Trung tâm từ chối bản ghi.', 'Rejected by the central service.'],
    APPLIED: ['', ''],
  }[result.status];
  await trx
    .insertInto('syncIssues')
    .values({
      id: uuidv7(),
      opId: result.opId,
      kind,
      entityId,
      class: result.status === 'HELD' ? (result.heldClass ?? 'HELD') : result.status,
      code: result.error?.code ?? result.heldClass ?? result.status,
      message: result.error?.message ?? fallback[0]!,
      messageEn: result.error?.messageEn ?? fallback[1]!,
      details: JSON.stringify({ error: result.error ?? null, canonical: result.canonical ?? null }),
      state,
      resolution,
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: state === 'resolved' ? at : null,
      createdAt: at,
    })
    .execute();
}
