// Households and their ordered members: SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { Household, OtherCoverage } from '../../../../shared/contract/household';
import { preparedQuery } from '../prepared-query';
import type { Database, HouseholdsTable } from '../schema';

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

export async function bumpHousehold(db: Db, id: string, version: number, at: string): Promise<void> {
  await db.updateTable('households').set({ version, updatedAt: at }).where('id', '=', id).execute();
}
