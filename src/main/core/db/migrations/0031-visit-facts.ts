// The visit list's per-person facts kept in the store (issue 21 item 2, ADR 0039), so a page is one
// indexed query with the statuses computed from the day in SQL, not a commune read and computed:
// * `visit_facts`: per person of the list (records linked to another are left out) what does not
//   depend on the day — commune, hamlet found, household and place, folded name and search text,
//   closed (moved/deceased), the last visit's promise, and per scheme the enrollment's first unpaid
//   period (its first month and deadline) or the HI card's last day. Clustered by commune, then
//   household and place in it (999: none), so a commune is read in households' order.
// * `visit_facts_built`: communes whose facts are whole; a commune not listed is built whole on the
//   list's next call for it (a new device's picture fill, a hamlet edited, a repair by hand).
// * `visit_dirty`: what was written since the facts were brought up to date — a person ('p'), a
//   household ('h'), a voided receipt ('r'), a commune ('c'), rates or communes the quote reads
//   ('q'), everything ('all') — one row per
//   thing, not per row written (migration 0032's triggers).
// * `field_changes` (migration 0028) keeps its one row as the store's switch for a pulled page:
//   `pulling` = 1 while a page is applied, its rows marked once set-wise at the page's end.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `CREATE TABLE visit_facts (
      commune_code TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      placed_in TEXT,
      household_key TEXT NOT NULL,
      position INTEGER NOT NULL,
      name_folded TEXT NOT NULL,
      search TEXT NOT NULL,
      closed INTEGER NOT NULL,
      promised_on TEXT,
      covered INTEGER NOT NULL,
      vsi_on INTEGER NOT NULL,
      vsi_never INTEGER NOT NULL,
      vsi_next_from TEXT,
      vsi_deadline TEXT,
      hhi_on INTEGER NOT NULL,
      hhi_valid_to TEXT,
      PRIMARY KEY (commune_code, household_key, position, name_folded, participant_id)
    ) WITHOUT ROWID`,
    `CREATE UNIQUE INDEX visit_facts_person ON visit_facts (participant_id)`,
    `CREATE TABLE visit_facts_built (commune_code TEXT PRIMARY KEY) WITHOUT ROWID`,
    `CREATE TABLE visit_dirty (kind TEXT NOT NULL CHECK (kind IN ('p', 'h', 'r', 'c', 'q', 'all')), key TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID`,
    `ALTER TABLE field_changes ADD COLUMN pulling INTEGER NOT NULL DEFAULT 0`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
