// Households and their ordered members: SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { Household } from '../../../../shared/contract/household';
import { preparedQuery } from '../prepared-query';
import type { Database, HouseholdsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findHouseholdRow(db: Db, id: string): Promise<HouseholdsTable | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadHousehold(db: Db, id: string): Promise<Household | undefined> {
  const row = await findHouseholdRow(db, id);
  if (!row) return undefined;
  const members = await db
    .selectFrom('householdMembers')
    .innerJoin('participants', 'participants.id', 'householdMembers.participantId')
    .select(['householdMembers.participantId', 'householdMembers.position', 'participants.fullName', 'participants.dateOfBirth', 'participants.personalId'])
    .where('householdMembers.householdId', '=', id)
    .orderBy('householdMembers.position')
    .execute();
  return { ...row, members };
}

export async function insertHousehold(db: Db, row: HouseholdsTable): Promise<void> {
  await db.insertInto('households').values(row).execute();
}

const membersInOrder = preparedQuery<{ householdId: string }, { participantId: string }>((db, arg) =>
  db.selectFrom('householdMembers').select('participantId').where('householdId', '=', arg('householdId')).orderBy('position'),
);

export async function memberIds(db: Db, householdId: string): Promise<string[]> {
  return (await membersInOrder.execute(db, { householdId })).map((r) => r.participantId);
}

/** Rewrites the member list in the given order (positions 1..n) and points each person at it. */
export async function writeMembers(db: Db, householdId: string, ids: string[], removed: string[]): Promise<void> {
  await db.deleteFrom('householdMembers').where('householdId', '=', householdId).execute();
  for (const [i, participantId] of ids.entries()) {
    await db.insertInto('householdMembers').values({ householdId, participantId, position: i + 1 }).execute();
  }
  if (ids.length > 0) await db.updateTable('participants').set({ householdId }).where('id', 'in', ids).execute();
  if (removed.length > 0) await db.updateTable('participants').set({ householdId: null }).where('id', 'in', removed).execute();
}

export async function bumpHousehold(db: Db, id: string, version: number, at: string): Promise<void> {
  await db.updateTable('households').set({ version, updatedAt: at }).where('id', '=', id).execute();
}
