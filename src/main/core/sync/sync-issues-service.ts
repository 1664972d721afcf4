// The supervisor's sync-issues inbox: rejected, held, conflicting and duplicate items with the
// reason, and the decision taken on each. An issue is closed only by a recorded decision (who,
// when, which resolution, a note), audited; "accept the central version" overwrites the local
// record with the central one, "merge" links the person to the canonical one, and a registration
// held as a possible duplicate goes again after the supervisor's check (held-resend.ts).
import { OfficeError } from '../../../shared/contract/errors';
import type { IssueResolution, SyncIssue } from '../../../shared/contract/sync';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { resendReviewedRegistration } from './held-resend';

export async function listSyncIssues(ctx: CoreContext, state: 'open' | 'resolved' | 'all'): Promise<{ items: SyncIssue[] }> {
  let query = ctx.db
    .selectFrom('syncIssues')
    .leftJoin('staff', 'staff.id', 'syncIssues.resolvedBy')
    .selectAll('syncIssues')
    .select('staff.fullName as resolvedByName');
  if (state !== 'all') query = query.where('syncIssues.state', '=', state);
  const rows = await query.orderBy('syncIssues.createdAt', 'desc').limit(1000).execute();
  return {
    items: rows.map(({ resolvedBy: _by, ...r }) => ({ ...r, details: JSON.parse(r.details) as unknown, resolvedByName: r.resolvedByName ?? null })),
  };
}

export async function resolveSyncIssue(
  ctx: CoreContext,
  caller: Caller,
  input: { id: string; resolution: IssueResolution; note: string },
): Promise<SyncIssue> {
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const issue = await trx.selectFrom('syncIssues').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!issue) throw new OfficeError('NOT_FOUND', { field: 'id' });
    if (issue.state === 'resolved') throw new OfficeError('CONFLICT', { vi: 'Vấn đề này đã được xử lý.', en: 'Already resolved.' });
    const details = JSON.parse(issue.details) as { central?: Record<string, unknown> | null; canonical?: { canonicalId?: string; officialNumber?: string } | null; error?: { details?: { central?: Record<string, unknown> } } | null };
    if (input.resolution === 'accept-central') {
      const central = details.central ?? details.error?.details?.central;
      if (!central || !issue.kind.startsWith('participant.')) {
        throw new OfficeError('VALIDATION', { field: 'resolution', vi: 'Không có bản ghi trung tâm để áp dụng cho vấn đề này.', en: 'No central version to accept.' });
      }
      const current = await trx.selectFrom('participants').select(['version']).where('id', '=', issue.entityId).executeTakeFirst();
      if (!current) throw new OfficeError('NOT_FOUND', { field: 'entityId' });
      const allowed = ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'phone', 'provinceCode', 'communeCode', 'addressLine', 'supportCategory', 'siNumber'] as const;
      const changes: Record<string, unknown> = {};
      for (const key of allowed) if (key in central) changes[key] = central[key];
      await trx.updateTable('participants').set({ ...changes, version: current.version + 1, updatedAt: at }).where('id', '=', issue.entityId).execute();
    }
    if (input.resolution === 'different-person-resend' || input.resolution === 'same-person-merge') {
      await resendReviewedRegistration(trx, issue, { staffId: caller.staffId, note: input.note, at, samePerson: input.resolution === 'same-person-merge' });
    }
    if (input.resolution === 'merge-into-canonical') {
      const canonicalId = details.canonical?.canonicalId;
      if (!canonicalId) {
        throw new OfficeError('VALIDATION', { field: 'resolution', vi: 'Trung tâm chưa chỉ ra hồ sơ gốc để gộp.', en: 'No canonical person to merge into.' });
      }
      await trx.updateTable('participants').set({ canonicalId, officialNumber: details.canonical?.officialNumber ?? null }).where('id', '=', issue.entityId).execute();
    }
    await trx
      .updateTable('syncIssues')
      .set({ state: 'resolved', resolution: input.resolution, resolutionNote: input.note, resolvedBy: caller.staffId, resolvedAt: at })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, { at, staffId: caller.staffId, action: 'sync.issueResolved', entity: 'syncIssue', entityId: input.id, details: { resolution: input.resolution, note: input.note } });
  });
  const all = await listSyncIssues(ctx, 'all');
  return all.items.find((i) => i.id === input.id)!;
}
