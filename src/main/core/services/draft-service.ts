// Unsaved form drafts, keyed by the signed-in staff member: each sees only their own. Saving
// replaces the draft; saving the form for real (or "Bỏ bản nháp") discards it.
import type { Draft, DraftForm } from '../../../shared/contract/draft';
import { type Caller, type CoreContext, nowIso } from '../core-context';

export async function getDraft(ctx: CoreContext, caller: Caller, form: DraftForm): Promise<Draft | null> {
  const row = await ctx.db.selectFrom('formDrafts').select(['data', 'savedAt']).where('staffId', '=', caller.staffId!).where('form', '=', form).executeTakeFirst();
  return row ? { form, data: JSON.parse(row.data) as Draft['data'], savedAt: row.savedAt } : null;
}

export async function saveDraft(ctx: CoreContext, caller: Caller, form: DraftForm, data: Draft['data']): Promise<Draft> {
  const row = { staffId: caller.staffId!, form, data: JSON.stringify(data), savedAt: nowIso(ctx) };
  await ctx.db
    .insertInto('formDrafts')
    .values(row)
    .onConflict((oc) => oc.columns(['staffId', 'form']).doUpdateSet({ data: row.data, savedAt: row.savedAt }))
    .execute();
  return { form, data, savedAt: row.savedAt };
}

export async function discardDraft(ctx: CoreContext, caller: Caller, form: DraftForm): Promise<{ ok: true }> {
  await ctx.db.deleteFrom('formDrafts').where('staffId', '=', caller.staffId!).where('form', '=', form).execute();
  return { ok: true };
}
