// Households and their ordered members: SQL only.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Household, OtherCoverage } from '../../../../shared/contract/household';
import { preparedQuery } from '../prepared-query';
import { bulkInsert } from '../bulk-insert';
import type { Database, HouseholdMembersTable, HouseholdsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findHouseholdRow(db: Db, id: string): Promise<HouseholdsTable | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Each member's place in the HHI sequence, in list order: members insured by another scheme are
 * left out (null), so the first member who joins household HI is the "first member".
 */
export function hhiPositions<M extends { coveredBy: string | null }>(members: M[]): (M & { hhiPosition: number | null })[] {
  let next = 1;
  return members.map((m) => ({ ...m, hhiPosition: m.coveredBy === null ? next++ : null }));
}

export async function loadHousehold(db: Db, id: string): Promise<Household | undefined> {
  const row = await findHouseholdRow(db, id);
  if (!row) return undefined;
  const members = await db
    .selectFrom('householdMembers')
    .innerJoin('participants', 'participants.id', 'householdMembers.participantId')
    .select([
      'householdMembers.participantId',
      'householdMembers.position',
      'householdMembers.coveredBy',
      'participants.fullName',
      'participants.dateOfBirth',
      'participants.personalId',
    ])
    .where('householdMembers.householdId', '=', id)
    .orderBy('householdMembers.position')
    .execute();
  // covered_by holds only `otherCoverages` (the contract checks every write, the output check every read).
  return { ...row, members: hhiPositions(members) as Household['members'] };
}

export async function insertHousehold(db: Db, row: HouseholdsTable): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

export interface MemberEntry {
  participantId: string;
  /** The other scheme that insures the member, null if they join household HI. */
  coveredBy: OtherCoverage | null;
}

const membersInOrder = preparedQuery<{ householdId: string }, MemberEntry>((db, arg) =>
  db.selectFrom('householdMembers').select(['participantId', 'coveredBy']).where('householdId', '=', arg('householdId')).orderBy('position'),
);

/** The members in list order, with what insures each. */
export function members(db: Db, householdId: string): Promise<MemberEntry[]> {
  return membersInOrder.execute(db, { householdId });
}

/** Rewrites the member list in the given order (positions 1..n) and points each person at it. */
export async function writeMembers(db: Db, householdId: string, list: MemberEntry[], removed: string[]): Promise<void> {
  await db.deleteFrom('householdMembers').where('householdId', '=', householdId).execute();
  for (const [i, m] of list.entries()) {
    await db
      .insertInto('householdMembers')
      .values({ householdId, participantId: m.participantId, position: i + 1, coveredBy: m.coveredBy })
      .execute();
  }
  const ids = list.map((m) => m.participantId);
  if (ids.length > 0) await db.updateTable('participants').set({ householdId }).where('id', 'in', ids).execute();
  if (removed.length > 0) await db.updateTable('participants').set({ householdId: null }).where('id', 'in', removed).execute();
}

/** A new version written on this device (its base for the next change is this device's own). */
export async function bumpHousehold(db: Db, id: string, version: number, at: string): Promise<void> {
  await db.updateTable('households').set({ version, updatedAt: at, baseDeviceId: null }).where('id', '=', id).execute();
}

/**
 * A household as another device of the office left it (pulled): its row at that version, written by
 * that device, and its member list. A member listed in another household here leaves it (the
 * central's list is the later one).
 */
export async function placePulledHousehold(db: Db, row: HouseholdsTable, list: MemberEntry[]): Promise<void> {
  const ids = list.map((m) => m.participantId);
  const before = await members(db, row.id);
  if (ids.length > 0) await db.deleteFrom('householdMembers').where('participantId', 'in', ids).where('householdId', '!=', row.id).execute();
  await db
    .insertInto('households')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        headParticipantId: row.headParticipantId,
        provinceCode: row.provinceCode,
        communeCode: row.communeCode,
        addressLine: row.addressLine,
        version: row.version,
        baseDeviceId: row.baseDeviceId,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
  const removed = before.map((m) => m.participantId).filter((id) => !ids.includes(id));
  await writeMembers(db, row.id, list, removed);
}

const householdColumns = [
  'id',
  'headParticipantId',
  'provinceCode',
  'communeCode',
  'addressLine',
  'version',
  'baseDeviceId',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof HouseholdsTable)[];
const insertHouseholds = bulkInsert<HouseholdsTable>('households', householdColumns, (r) => householdColumns.map((c) => r[c]));
const insertMembers = bulkInsert<HouseholdMembersTable>('household_members', ['householdId', 'participantId', 'position', 'coveredBy'], (m) => [
  m.householdId,
  m.participantId,
  m.position,
  m.coveredBy,
]);

/** Which of these households this device holds. */
export async function householdIdsHeld(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const r of await db
      .selectFrom('households')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      held.add(r.id);
  return held;
}

/**
 * Households this device has never held, pulled together (a picture brings hundreds of thousands):
 * what placePulledHousehold does one by one, a few statements for them all. No person may be listed
 * in two of them (the caller places such pages one by one). A member listed in another household
 * here leaves it, as there.
 */
export async function placeNewPulledHouseholds(db: Db, households: readonly { row: HouseholdsTable; list: MemberEntry[] }[]): Promise<void> {
  const members = households.flatMap(({ row, list }) =>
    list.map((m, i) => ({ householdId: row.id, participantId: m.participantId, position: i + 1, coveredBy: m.coveredBy })),
  );
  for (let i = 0; i < members.length; i += 500) {
    const ids = members.slice(i, i + 500).map((m) => m.participantId);
    await db.deleteFrom('householdMembers').where('participantId', 'in', ids).execute();
  }
  await insertHouseholds.run(
    db,
    households.map((h) => h.row),
  );
  await insertMembers.run(db, members);
  for (let i = 0; i < members.length; i += 400) {
    const values = members.slice(i, i + 400).map((m) => sql`(${m.participantId}, ${m.householdId})`);
    await sql`UPDATE participants SET household_id = v.column2 FROM (VALUES ${sql.join(values)}) AS v WHERE participants.id = v.column1`.execute(db);
  }
}

/** Makes the central's list the base of this device's next change of the household (ADR 0026). */
export async function rebaseHousehold(db: Db, id: string, version: number, baseDeviceId: string | null): Promise<void> {
  await db.updateTable('households').set({ version, baseDeviceId }).where('id', '=', id).execute();
}
