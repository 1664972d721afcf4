// Search speed at a million people: the FTS index gets prefix indexes for every length a folded
// Vietnamese syllable can have (1–7 letters, `nghieng`), so the last, half-typed word of a query
// is always read from an index. Without them FTS5 merges every matching term's row list in
// memory first (`hung`* or `tran`* is tens of thousands of rows) — measured at 5–6 ms alone.
// Numbered 0005, not 0003: offices already have 0004 applied and migrations are forward-only.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER participants_fts_insert`.execute(db);
  await sql`DROP TRIGGER participants_fts_delete`.execute(db);
  await sql`DROP TRIGGER participants_fts_update`.execute(db);
  await sql`DROP TABLE participants_fts`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE participants_fts USING fts5(
      name_folded, content='participants', content_rowid='rowid', prefix='1 2 3 4 5 6 7', tokenize='unicode61'
    )`.execute(db);
  await sql`INSERT INTO participants_fts (participants_fts) VALUES ('rebuild')`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_insert AFTER INSERT ON participants BEGIN
      INSERT INTO participants_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
    END`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_delete AFTER DELETE ON participants BEGIN
      INSERT INTO participants_fts (participants_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
    END`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_update AFTER UPDATE OF name_folded ON participants BEGIN
      INSERT INTO participants_fts (participants_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
      INSERT INTO participants_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
    END`.execute(db);
}
