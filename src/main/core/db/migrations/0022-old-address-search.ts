// People found by their old address (issue 23): a search that names an old commune, typed the old
// way, reads the people recorded with that old commune through this index (a handful of rows per
// commune) instead of scanning everyone.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX participants_legacy_commune ON participants (legacy_commune_code) WHERE legacy_commune_code IS NOT NULL`.execute(db);
}
