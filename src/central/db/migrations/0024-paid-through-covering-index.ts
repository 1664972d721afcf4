// The picture's paid-through pages read from one index alone (issue 20 item 6, ADR 0043). The part
// is read in person order through (office_code, person_id), but the table's rows lie in no such
// order: each payment rewrites its person's row (an upsert), so the row moves wherever there is
// room. A cold 5 000-person page read ~2 700 table pages at random — 205 ms at 5 000 000 payments
// on this machine, alone over the feed's budget of 200 ms. The index now carries the two months too
// (INCLUDE), so the page is an index-only scan of a few dozen index pages wherever the rows lie,
// for every row on a page the visibility map marks all-visible. Rows change with every payment, so
// the table is vacuumed after 1 000 changed rows (by default: a fifth of the table): a vacuum of a
// table of a few tens of megabytes, which also keeps it from swelling with old versions. Replaces
// `paid_through_office` (migration 0012), the same key: a changed row still writes one entry to it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX paid_through_office_page ON paid_through (office_code, person_id) INCLUDE (vsi, hhi)`.execute(db);
  await sql`DROP INDEX paid_through_office`.execute(db);
  await sql`ALTER TABLE paid_through SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0.01)`.execute(db);
}
