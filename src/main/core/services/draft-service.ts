// Unsaved form drafts, keyed by the signed-in staff member: each sees only their own. Saving
// replaces the draft; saving the form for real (or "Bỏ bản nháp") discards it. A draft holds a
// citizen's details, so none is kept longer than it can help: a draft untouched for DRAFT_DAYS is
// dropped when the office opens, and a staff member's drafts go when their account is deactivated.
import type { Kysely, Transaction } from 'kysely';
import type { Draft, DraftForm } from '../../../shared/contract/draft';
import type { Database } from '../db/schema';
import * as drafts from '../db/repositories/drafts-repository';
import { type Caller, type CoreContext, nowIso } from '../core-context';

export async function getDraft(ctx: CoreContext, caller: Caller, form: DraftForm): Promise<Draft | null> {
  const row = await drafts.findDraft(ctx.db, caller.staffId!, form);
  return row ? { form, data: JSON.parse(row.data) as Draft['data'], savedAt: row.savedAt } : null;
}

export async function saveDraft(ctx: CoreContext, caller: Caller, form: DraftForm, data: Draft['data']): Promise<Draft> {
  const row = { staffId: caller.staffId!, form, data: JSON.stringify(data), savedAt: nowIso(ctx) };
  await drafts.putDraft(ctx.db, row);
  return { form, data, savedAt: row.savedAt };
}

export async function discardDraft(ctx: CoreContext, caller: Caller, form: DraftForm): Promise<{ ok: true }> {
  await drafts.deleteDraft(ctx.db, caller.staffId!, form);
  return { ok: true };
}

const DRAFT_DAYS = 30;

/** Drops drafts nobody has touched for DRAFT_DAYS. */
export async function dropStaleDrafts(db: Kysely<Database>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - DRAFT_DAYS * 86_400_000).toISOString();
  await drafts.deleteDraftsSavedBefore(db, before);
}

/** A deactivated account's drafts are nobody's to finish. */
export async function dropDraftsOf(trx: Transaction<Database>, staffId: string): Promise<void> {
  await drafts.deleteDraftsOf(trx, staffId);
}
