// Form drafts, one per staff member and form (the draft service decides who sees which and when
// they go). SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { Database, FormDraftsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findDraft(db: Db, staffId: string, form: string): Promise<{ data: string; savedAt: string } | undefined> {
  return db.selectFrom('formDrafts').select(['data', 'savedAt']).where('staffId', '=', staffId).where('form', '=', form).executeTakeFirst();
}

/** Writes the draft, replacing the one this staff member kept for the form. */
export async function putDraft(db: Db, row: FormDraftsTable): Promise<void> {
  await db
    .insertInto('formDrafts')
    .values(row)
    .onConflict((oc) => oc.columns(['staffId', 'form']).doUpdateSet({ data: row.data, savedAt: row.savedAt }))
    .execute();
}

export async function deleteDraft(db: Db, staffId: string, form: string): Promise<void> {
  await db.deleteFrom('formDrafts').where('staffId', '=', staffId).where('form', '=', form).execute();
}

export async function deleteDraftsSavedBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('formDrafts').where('savedAt', '<', before).execute();
}

export async function deleteDraftsOf(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('formDrafts').where('staffId', '=', staffId).execute();
}
