// Staff accounts: SQL only. Rules (lockout, roles) live in the auth service.
import type { Kysely, Transaction } from 'kysely';
import type { StaffMember } from '../../../../shared/contract/staff';
import { preparedQuery } from '../prepared-query';
import type { Database, StaffTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

// Read by every payment (the collector's name on the receipt): compiled once (ADR 0009).
const fullNameOf = preparedQuery<{ id: string }, { fullName: string }>((db, arg) => db.selectFrom('staff').select('fullName').where('id', '=', arg('id')));

/** A staff member's full name, as receipts print it. */
export async function staffFullName(db: Db, id: string): Promise<string | undefined> {
  return (await fullNameOf.executeTakeFirst(db, { id }))?.fullName;
}

export function toStaffMember(row: StaffTable): StaffMember {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
  };
}

export function findStaffByUsername(db: Db, username: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findStaffById(db: Db, id: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStaff(db: Db, row: StaffTable): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

export async function updateStaff(db: Db, id: string, changes: Partial<Omit<StaffTable, 'id'>>): Promise<void> {
  await db.updateTable('staff').set(changes).where('id', '=', id).execute();
}

/** Adds one to an account's failed sign-ins in the statement itself, and returns the new count. */
export async function countFailure(db: Db, id: string, at: string): Promise<number> {
  const row = await db
    .updateTable('staff')
    .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1), updatedAt: at }))
    .where('id', '=', id)
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  return row.failedAttempts;
}

export function listStaff(db: Db): Promise<StaffTable[]> {
  return db.selectFrom('staff').selectAll().orderBy('role').orderBy('username').execute();
}
