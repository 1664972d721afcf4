// Reference data for addresses after the 2025 mergers: the old (63-province) communes and the
// 2025 commune each went to (legacy-63-to-34-2025.csv; one row per old→new pair, several for an old
// commune divided between new ones), and each commune's dated status (island commune or special
// zone), which decides a share of state support (Decree 159/2025 art. 5). Both are loaded from the
// shipped files and replaced whole by a newer version (reference_versions).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE legacy_communes (
      legacy_commune_code TEXT NOT NULL,
      commune_code TEXT NOT NULL,
      legacy_province_code TEXT NOT NULL,
      legacy_province TEXT NOT NULL,
      legacy_district_code TEXT NOT NULL,
      legacy_district TEXT NOT NULL,
      legacy_commune TEXT NOT NULL,
      province_code TEXT NOT NULL,
      commune TEXT NOT NULL,
      divided INTEGER NOT NULL CHECK (divided IN (0, 1)),
      PRIMARY KEY (legacy_commune_code, commune_code)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE commune_statuses (
      commune_code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('island', 'special-zone')),
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      source TEXT NOT NULL,
      PRIMARY KEY (commune_code, valid_from)
    ) WITHOUT ROWID`.execute(db);
}
