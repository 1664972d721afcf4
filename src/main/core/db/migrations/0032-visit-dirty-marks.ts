// The field change counter (migration 0028) raised a row update per row written to a table the
// visit list reads — 100 000 updates for a picture fill of 100 000 rows. Its triggers are replaced
// (issue 21, ADR 0039) by ones that name what was written — the person, the household, the voided
// receipt, the commune of a hamlet — in `visit_dirty`, one row per thing however many rows are
// written about it (a key already there is only looked up). Triggers, not the
// services, so every writer is heard: a service, a restore's replay, a repair by hand. While a
// pulled page is applied (`field_changes.pulling` = 1, set and cleared inside the page's
// transaction) they only test that switch, and the page marks what it wrote once, set-wise
// (visit-facts-repository.ts `markPulledPage`). Rates and communes mark 'q' (the amounts the
// counter's quote gave, kept in memory, are priced again); areas are no longer watched: the area is
// applied in the query.
import { type Kysely, sql } from 'kysely';
import { FIELD_WATCHED_TABLES } from './0028-field-changes';

/** The keys each watched table's row names (R: the row, NEW or OLD). */
export const DIRTY_KEYS: Record<string, string[]> = {
  participants: [`'p', R.id`, `'h', R.household_id`],
  households: [`'h', R.id`],
  household_members: [`'h', R.household_id`, `'p', R.participant_id`],
  enrollments: [`'p', R.participant_id`],
  contributions: [`'p', R.participant_id`],
  pulled_contributions: [`'p', R.participant_id`],
  receipt_voids: [`'r', R.receipt_id`],
  visits: [`'p', R.participant_id`, `'h', R.household_id`],
  paid_through: [`'p', R.participant_id`],
  hamlets: [`'c', R.commune_code`],
  // The counter's quote reads rates and communes: the amounts kept in memory are priced again.
  reference_schedules: [`'q', ''`],
  commune_statuses: [`'q', ''`],
  admin_communes: [`'q', ''`],
};

/**
 * The trigger's statement: the row's keys not marked yet. Not `INSERT OR IGNORE`: an outer upsert or
 * `INSERT OR REPLACE` overrides a trigger's conflict clause, so a key already there is skipped by
 * `NOT EXISTS` (a read), and the keys of one row are made distinct first.
 */
function marks(table: string, row: 'NEW' | 'OLD'): string {
  const selects = DIRTY_KEYS[table]!.map((k) => k.replaceAll('R.', `${row}.`)).map((k) => `SELECT ${k.replace(', ', ' AS kind, ')} AS key`);
  return `INSERT INTO visit_dirty (kind, key) SELECT kind, key FROM (${selects.join(' UNION ')}) m
    WHERE m.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit_dirty d WHERE d.kind = m.kind AND d.key = m.key);`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of FIELD_WATCHED_TABLES) {
    for (const event of ['insert', 'update', 'delete'] as const) await sql.raw(`DROP TRIGGER ${table}_field_${event}`).execute(db);
  }
  const listening = `coalesce((SELECT pulling FROM field_changes WHERE id = 1), 0) = 0`;
  for (const table of Object.keys(DIRTY_KEYS)) {
    await sql.raw(`CREATE TRIGGER ${table}_visit_insert AFTER INSERT ON ${table} WHEN ${listening} BEGIN ${marks(table, 'NEW')} END`).execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_visit_update AFTER UPDATE ON ${table} WHEN ${listening} BEGIN ${marks(table, 'OLD')} ${marks(table, 'NEW')} END`)
      .execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_visit_delete AFTER DELETE ON ${table} WHEN ${listening} BEGIN ${marks(table, 'OLD')} END`).execute(db);
  }
  // What the store holds was never marked: every commune is built whole on its first call.
  await sql`ALTER TABLE field_changes DROP COLUMN n`.execute(db);
}
