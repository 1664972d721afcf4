// The old (63-province) communes and the 2025 communes they went to, in the store: written with a
// version of the administrative units (shipped, resources/reference/legacy-63-to-34-2025.csv, MIT;
// or pulled from the central; services/admin-units-store.ts decides which), and read whole by the
// address matcher (10 597 rows, read once per version and kept in memory).
import type { Kysely, Transaction } from 'kysely';
import type { LegacyCommuneRow } from '../../../../shared/domain/legacy-communes';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;
const KIND = 'legacy-communes';

/** Replaces the table inside the caller's transaction, noting the version it came with. */
export async function storeLegacyCommunes(trx: Transaction<Database>, rows: readonly LegacyCommuneRow[], version: string, at: string): Promise<void> {
  await trx.deleteFrom('legacyCommunes').execute();
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('legacyCommunes')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, divided: r.divided ? 1 : 0 })))
      .execute();
  }
  await trx
    .insertInto('referenceVersions')
    .values({ kind: KIND, version, loadedAt: at })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ version, loadedAt: at }))
    .execute();
}

export async function legacyCommunesVersion(db: Db): Promise<string | null> {
  const row = await db.selectFrom('referenceVersions').select('version').where('kind', '=', KIND).executeTakeFirst();
  return row?.version ?? null;
}

export async function allLegacyCommunes(db: Db): Promise<LegacyCommuneRow[]> {
  const rows = await db
    .selectFrom('legacyCommunes')
    .selectAll()
    .orderBy('legacyProvinceCode')
    .orderBy('legacyDistrictCode')
    .orderBy('legacyCommuneCode')
    .orderBy('communeCode')
    .execute();
  return rows.map((r) => ({ ...r, divided: r.divided === 1 }));
}

/** The rows of one old commune (its new commune, or the candidates when it was divided). */
export async function legacyCommune(db: Db, legacyCommuneCode: string): Promise<LegacyCommuneRow[]> {
  const rows = await db.selectFrom('legacyCommunes').selectAll().where('legacyCommuneCode', '=', legacyCommuneCode).execute();
  return rows.map((r) => ({ ...r, divided: r.divided === 1 }));
}
