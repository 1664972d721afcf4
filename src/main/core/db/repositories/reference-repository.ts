// Admin units (provinces, communes, the communes' dated statuses): written by version — the shipped
// file or a newer one pulled from the central (services/admin-units-store.ts) — and read by the
// registration form and the support rules.
import type { Kysely, Transaction } from 'kysely';
import type { Commune, Province } from '../../../../shared/contract/reference';
import type { AdminUnits } from '../../../../shared/domain/admin-units';
import type { CommuneStatus } from '../../../../shared/domain/support-facts';
import { preparedQuery } from '../prepared-query';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The version of the units the store holds (shipped or pulled), or null before the first load. */
export async function adminUnitsVersion(db: Db): Promise<string | null> {
  const row = await db.selectFrom('referenceVersions').select('version').where('kind', '=', 'admin-units').executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Writes one version of the units inside the caller's transaction: provinces and communes upserted
 * (a commune no longer listed stays, as people's records still name it), the communes' statuses
 * replaced whole, and the version noted.
 */
export async function storeAdminUnits(
  trx: Transaction<Database>,
  units: Pick<AdminUnits, 'version' | 'provinces' | 'communeStatuses'>,
  at: string,
): Promise<void> {
  for (const p of units.provinces) {
    await trx
      .insertInto('adminProvinces')
      .values({ code: p.code, name: p.name, fullName: p.fullName })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: p.name, fullName: p.fullName }))
      .execute();
    for (let i = 0; i < p.communes.length; i += 200) {
      await trx
        .insertInto('adminCommunes')
        .values(p.communes.slice(i, i + 200).map((c) => ({ code: c.code, provinceCode: p.code, name: c.name, fullName: c.fullName })))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            provinceCode: eb.ref('excluded.provinceCode'),
            name: eb.ref('excluded.name'),
            fullName: eb.ref('excluded.fullName'),
          })),
        )
        .execute();
    }
  }
  await trx.deleteFrom('communeStatuses').execute();
  for (const st of units.communeStatuses) {
    await trx
      .insertInto('communeStatuses')
      .values({ communeCode: st.communeCode, kind: st.kind, validFrom: st.from, validTo: st.to, source: st.source })
      .execute();
  }
  await trx
    .insertInto('referenceVersions')
    .values({ kind: 'admin-units', version: units.version, loadedAt: at })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ version: units.version, loadedAt: at }))
    .execute();
}

const places = preparedQuery<{ provinceCode: string; communeCode: string }, { province: string; commune: string | null }>((db, arg) =>
  db
    .selectFrom('adminProvinces')
    .leftJoin('adminCommunes', (join) => join.on('adminCommunes.code', '=', arg('communeCode')))
    .select(['adminProvinces.fullName as province', 'adminCommunes.fullName as commune'])
    .where('adminProvinces.code', '=', arg('provinceCode')),
);

/** The full names of a commune and its province, as an address prints them (one query). */
export async function placeNames(
  db: Kysely<Database> | Transaction<Database>,
  provinceCode: string,
  communeCode: string,
): Promise<{ commune: string | null; province: string | null }> {
  const row = await places.executeTakeFirst(db, { provinceCode, communeCode });
  return { commune: row?.commune ?? null, province: row?.province ?? null };
}

export function listProvinces(db: Kysely<Database>): Promise<Province[]> {
  return db.selectFrom('adminProvinces').select(['code', 'name', 'fullName']).orderBy('code').execute();
}

export function listCommunes(db: Kysely<Database>, provinceCode: string): Promise<Commune[]> {
  return db.selectFrom('adminCommunes').select(['code', 'provinceCode', 'name', 'fullName']).where('provinceCode', '=', provinceCode).orderBy('name').execute();
}

const communeInProvince = preparedQuery<{ provinceCode: string; communeCode: string }, { code: string }>((db, arg) =>
  db.selectFrom('adminCommunes').select('code').where('code', '=', arg('communeCode')).where('provinceCode', '=', arg('provinceCode')),
);

export async function communeBelongsTo(db: Kysely<Database>, provinceCode: string, communeCode: string): Promise<boolean> {
  return (await communeInProvince.executeTakeFirst(db, { provinceCode, communeCode })) !== undefined;
}

const statusesOf = preparedQuery<
  { communeCode: string },
  { communeCode: string; kind: 'island' | 'special-zone'; validFrom: string; validTo: string | null; source: string }
>((db, arg) =>
  db.selectFrom('communeStatuses').select(['communeCode', 'kind', 'validFrom', 'validTo', 'source']).where('communeCode', '=', arg('communeCode')),
);

/** The dated statuses of one commune (island commune, special zone), as the support rules read them. */
export async function communeStatusesOf(db: Kysely<Database> | Transaction<Database>, communeCode: string): Promise<CommuneStatus[]> {
  const rows = await statusesOf.execute(db, { communeCode });
  return rows.map((r) => ({ communeCode: r.communeCode, kind: r.kind, from: r.validFrom, to: r.validTo, source: r.source }));
}

export async function provinceExists(db: Kysely<Database> | Transaction<Database>, provinceCode: string): Promise<boolean> {
  return Boolean(await db.selectFrom('adminProvinces').select('code').where('code', '=', provinceCode).executeTakeFirst());
}
