// The console's staff accounts (ADR 0032): made, listed, disabled and given a new password by the
// CLI (`admin staff …`), checked at sign-in with a lockout. A wrong password and an unknown name get
// the same answer after the same scrypt time; five failures in a row lock the account for 15
// minutes (even the right password is refused meanwhile); a disabled account is refused, and told
// so only to whoever knows its password. A name that is no account is counted and locked the same
// way (console_unknown_name_failures, no account made): whoever rotates addresses still gets five
// guesses at a name, and the answers never tell whether it exists. Every refusal is also kept per
// day and name for a security review (sign-in-failures.ts, ADR 0044).
import { type Kysely, sql } from 'kysely';
import { type ConsoleRole, consoleRole, type StaffRow } from '../../shared/console/console-api';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';
import { hashPassword, verifyAgainstNobody, verifyPassword } from './password-hash';
import { recordSignInFailure } from './sign-in-failures';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export interface StaffAccount {
  username: string;
  displayName: string;
  role: ConsoleRole;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const normalName = (username: string) => username.trim().toLowerCase();

function checkPassword(password: string): void {
  if ([...password].length < 10 || password.length > 256)
    throw new CentralError(400, 'VALIDATION', 'Mật khẩu cần từ 10 đến 256 ký tự.', 'The password needs 10 to 256 characters.', undefined, 'password');
}

export async function addStaff(db: Kysely<CentralDb>, input: { username: string; displayName: string; role: string; password: string }): Promise<StaffAccount> {
  const username = normalName(input.username);
  if (!USERNAME.test(username))
    throw new CentralError(
      400,
      'VALIDATION',
      'Tên đăng nhập 2–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
      'Username: 2–64 lower-case letters, digits, dots, hyphens or underscores.',
      undefined,
      'username',
    );
  const displayName = input.displayName.trim();
  if (displayName.length < 1 || displayName.length > 120)
    throw new CentralError(400, 'VALIDATION', 'Họ tên cần từ 1 đến 120 ký tự.', 'The name needs 1 to 120 characters.', undefined, 'name');
  const role = consoleRole.safeParse(input.role);
  if (!role.success)
    throw new CentralError(400, 'VALIDATION', 'Vai trò là reviewer hoặc administrator.', 'The role is reviewer or administrator.', undefined, 'role');
  checkPassword(input.password);
  const inserted = await db
    .insertInto('consoleStaff')
    .values({ username, displayName, role: role.data, passwordHash: await hashPassword(input.password) })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('username')
    .executeTakeFirst();
  if (!inserted) throw new CentralError(409, 'CONFLICT', `Đã có tài khoản ${username}.`, `The account ${username} exists already.`, undefined, 'username');
  return { username, displayName, role: role.data };
}

export async function listStaff(db: Kysely<CentralDb>): Promise<StaffRow[]> {
  const rows = await db
    .selectFrom('consoleStaff')
    .select(['username', 'displayName', 'role', 'disabled', 'lockedUntil', 'lastSignInAt'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({ ...r, disabled: Boolean(r.disabled), lockedUntil: iso(r.lockedUntil), lastSignInAt: iso(r.lastSignInAt) }));
}

function unknownAccount(username: string): CentralError {
  return new CentralError(404, 'NOT_FOUND', `Không có tài khoản ${username}.`, `No account ${username}.`, undefined, 'username');
}

/** Disables the account and ends its sessions at once. */
export async function disableStaff(db: Kysely<CentralDb>, username: string): Promise<void> {
  const name = normalName(username);
  await db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('consoleStaff').set({ disabled: true }).where('username', '=', name).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw unknownAccount(name);
    await trx.deleteFrom('consoleSessions').where('username', '=', name).execute();
  });
}

/** A new password: the lockout is lifted and every session of the account ends. */
export async function setStaffPassword(db: Kysely<CentralDb>, username: string, password: string): Promise<void> {
  const name = normalName(username);
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('consoleStaff')
      .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
      .where('username', '=', name)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw unknownAccount(name);
    await trx.deleteFrom('consoleSessions').where('username', '=', name).execute();
  });
}

const authFailed = () => new CentralError(401, 'AUTH_FAILED', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.', undefined, 'password');
const locked = () =>
  new CentralError(
    423,
    'LOCKED',
    'Tài khoản tạm khóa sau nhiều lần nhập sai mật khẩu; hãy thử lại sau 15 phút hoặc nhờ quản trị viên đặt lại mật khẩu.',
    'The account is locked after too many wrong passwords; retry in 15 minutes or ask an administrator to reset the password.',
  );

/** The account whose name and password these are, or a typed refusal (AUTH_FAILED, LOCKED, DISABLED). */
export async function authenticateStaff(db: Kysely<CentralDb>, username: string, password: string, now: Date): Promise<StaffAccount> {
  const name = normalName(username);
  const row = await db.selectFrom('consoleStaff').selectAll().where('username', '=', name).executeTakeFirst();
  if (!row) {
    await verifyAgainstNobody(password);
    throw await unknownNameRefusal(db, name, now);
  }
  const right = await verifyPassword(password, row.passwordHash);
  if (row.lockedUntil && new Date(row.lockedUntil).getTime() > now.getTime()) {
    await recordSignInFailure(db, name, true, false, now);
    throw locked();
  }
  if (!right) {
    // One statement, so parallel guesses each count: the fifth in a row locks.
    const counted = await db
      .updateTable('consoleStaff')
      .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
      .where('username', '=', name)
      .returning('failedAttempts')
      .executeTakeFirstOrThrow();
    throw await refusalAfter(db, 'consoleStaff', name, counted.failedAttempts, now);
  }
  if (row.disabled) {
    await recordSignInFailure(db, name, true, false, now);
    throw new CentralError(
      403,
      'DISABLED',
      'Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị viên.',
      'This account is disabled; contact an administrator.',
    );
  }
  await db.updateTable('consoleStaff').set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now }).where('username', '=', name).execute();
  return { username: row.username, displayName: row.displayName, role: row.role };
}

/**
 * Names not tried for this long are forgotten (the table would otherwise grow with every name ever
 * guessed): a run's count, not its history — every refusal is kept per day in
 * console_sign_in_failure_days for 400 days (sign-in-failures.ts, ADR 0044).
 */
const FORGET_UNKNOWN_MS = 30 * 24 * 3600_000;

/**
 * The answer to a sign-in under a name that is no account, as an account's wrong password gets it:
 * LOCKED while the name is locked (nothing counted), else the failure counted in one statement —
 * the fifth in a row locks the name for 15 minutes — and AUTH_FAILED before that.
 */
async function unknownNameRefusal(db: Kysely<CentralDb>, name: string, now: Date): Promise<CentralError> {
  const held = await db.selectFrom('consoleUnknownNameFailures').select('lockedUntil').where('username', '=', name).executeTakeFirst();
  if (held?.lockedUntil && new Date(held.lockedUntil).getTime() > now.getTime()) {
    await recordSignInFailure(db, name, false, false, now);
    return locked();
  }
  const counted = await db
    .insertInto('consoleUnknownNameFailures')
    .values({ username: name, failedAttempts: 1, lastFailedAt: now })
    .onConflict((oc) => oc.column('username').doUpdateSet({ failedAttempts: sql`console_unknown_name_failures.failed_attempts + 1`, lastFailedAt: now }))
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  if (Math.random() < 0.01)
    await db
      .deleteFrom('consoleUnknownNameFailures')
      .where('lastFailedAt', '<', new Date(now.getTime() - FORGET_UNKNOWN_MS))
      .execute();
  return refusalAfter(db, 'consoleUnknownNameFailures', name, counted.failedAttempts, now);
}

/** After a failure counted `failures` in a row for a name (an account's or not): AUTH_FAILED, or at the fifth the name locked for 15 minutes and LOCKED. */
async function refusalAfter(
  db: Kysely<CentralDb>,
  table: 'consoleStaff' | 'consoleUnknownNameFailures',
  name: string,
  failures: number,
  now: Date,
): Promise<CentralError> {
  const locks = failures >= LOCKOUT_FAILURES;
  await recordSignInFailure(db, name, table === 'consoleStaff', locks, now);
  if (!locks) return authFailed();
  await db
    .updateTable(table)
    .set({ failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS) })
    .where('username', '=', name)
    .execute();
  return locked();
}
