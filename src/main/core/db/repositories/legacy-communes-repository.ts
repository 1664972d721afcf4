// The old (63-province) communes and the 2025 communes they went to, in the store: loaded from the
// shipped table (resources/reference/legacy-63-to-34-2025.csv, MIT) when its content changes, and
// read whole by the address matcher (10 597 rows, read once per version and kept in memory).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { type LegacyCommuneRow, parseLegacyCsv } from '../../../../shared/domain/legacy-communes';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;
const KIND = 'legacy-communes';

/** Loads the shipped table when the store holds another version of it; returns whether it loaded. */
export async function loadLegacyCommunes(db: Kysely<Database>, file: string, at: string): Promise<boolean> {
  const text = readFileSync(file, 'utf8');
  const version = `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  if ((await legacyCommunesVersion(db)) === version) return false;
  const rows = parseLegacyCsv(text);
  await db.transaction().execute(async (trx) => {
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
  });
  return true;
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
