// Hamlets of a commune and the officers' areas (migration 0022): SQL only. A hamlet is written by
// id with its version (a supervisor's edit, or one pulled from the office's other devices); an
// area is one row per officer's username.
import type { Kysely, Transaction } from 'kysely';
import type { Database, FieldAssignmentsTable, HamletsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function hamletsOfCommunes(db: Db, communeCodes: readonly string[], includeInactive = true): Promise<HamletsTable[]> {
  if (communeCodes.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('hamlets')
    .selectAll()
    .where('communeCode', 'in', [...communeCodes]);
  if (!includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('communeCode').orderBy('name').execute();
}

export function findHamlet(db: Db, id: string): Promise<HamletsTable | undefined> {
  return db.selectFrom('hamlets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHamletByKey(db: Db, communeCode: string, nameKey: string): Promise<HamletsTable | undefined> {
  return db.selectFrom('hamlets').selectAll().where('communeCode', '=', communeCode).where('nameKey', '=', nameKey).executeTakeFirst();
}

/** Writes a hamlet as given (new, or a newer version of one held). */
export async function putHamlet(db: Db, row: HamletsTable): Promise<void> {
  await db
    .insertInto('hamlets')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        kind: row.kind,
        name: row.name,
        nameKey: row.nameKey,
        active: row.active,
        version: row.version,
        updatedAt: row.updatedAt,
        updatedByName: row.updatedByName,
      }),
    )
    .execute();
}

/** The address lines and chosen hamlets of a commune's people (learning, counting). */
export function addressesOfCommune(db: Db, communeCode: string): Promise<{ hamletId: string | null; addressLine: string }[]> {
  return db.selectFrom('participants').select(['hamletId', 'addressLine']).where('communeCode', '=', communeCode).where('canonicalId', 'is', null).execute();
}

export function listAssignments(db: Db): Promise<FieldAssignmentsTable[]> {
  return db.selectFrom('fieldAssignments').selectAll().orderBy('username').execute();
}

export function findAssignment(db: Db, username: string): Promise<FieldAssignmentsTable | undefined> {
  return db.selectFrom('fieldAssignments').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function putAssignment(db: Db, row: FieldAssignmentsTable): Promise<void> {
  await db
    .insertInto('fieldAssignments')
    .values(row)
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({ areas: row.areas, version: row.version, updatedAt: row.updatedAt, updatedByName: row.updatedByName }),
    )
    .execute();
}
