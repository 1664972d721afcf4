// The name-search index (FTS5) is no longer written inside the transaction that saves a person.
// At a million people its new segment, prefix entries and structure record were a fifth of a
// registration's pages and most of its tail (ADR 0007). A saved or renamed person is now noted
// in `name_index_queue`, one small row, and housekeeping indexes the queue between calls
// (db/name-index.ts); until then, searches match the queued people's names directly, so nobody
// is ever unfindable. `indexed_name` is the name as the index holds it (NULL: not in the index
// yet), which FTS5 needs to take an external-content row out again. Existing people are all
// indexed by the old triggers, so the queue starts empty.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER participants_fts_insert`.execute(db);
  await sql`DROP TRIGGER participants_fts_delete`.execute(db);
  await sql`DROP TRIGGER participants_fts_update`.execute(db);
  await sql`CREATE TABLE name_index_queue (participant_rowid INTEGER PRIMARY KEY, indexed_name TEXT)`.execute(db);
  // NOT EXISTS rather than OR IGNORE: a queued row already says what the index holds, and an
  // outer INSERT OR REPLACE must not be able to turn the trigger's insert into a replace.
  const queue = (rowid: string, indexedName: string) =>
    sql.raw(`
    INSERT INTO name_index_queue (participant_rowid, indexed_name)
    SELECT ${rowid}, ${indexedName} WHERE NOT EXISTS (SELECT 1 FROM name_index_queue WHERE participant_rowid = ${rowid});`);
  await sql`CREATE TRIGGER participants_name_queued_insert AFTER INSERT ON participants BEGIN ${queue('new.rowid', 'NULL')} END`.execute(db);
  await sql`
    CREATE TRIGGER participants_name_queued_update AFTER UPDATE OF name_folded ON participants
    WHEN old.name_folded IS NOT new.name_folded BEGIN ${queue('old.rowid', 'old.name_folded')} END`.execute(db);
  await sql`CREATE TRIGGER participants_name_queued_delete AFTER DELETE ON participants BEGIN ${queue('old.rowid', 'old.name_folded')} END`.execute(db);
}
