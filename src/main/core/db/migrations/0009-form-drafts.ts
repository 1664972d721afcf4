// Unsaved form drafts, one per staff member and form (see shared/contract/draft.ts). Local working
// state, not a record: not sent to the central service and not part of the audit chain.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE form_drafts (
      staff_id TEXT NOT NULL REFERENCES staff (id),
      form TEXT NOT NULL,
      data TEXT NOT NULL,
      saved_at TEXT NOT NULL,
      PRIMARY KEY (staff_id, form)
    ) WITHOUT ROWID`.execute(db);
}
