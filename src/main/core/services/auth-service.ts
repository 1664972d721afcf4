// First-run setup, sign-in with lockout, idle unlock and sign-out. Sign-in failures are counted
// per account; after MAX_FAILURES the account locks for LOCKOUT_MINUTES (a supervisor can reset).
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { SessionState, SessionView } from '../../../shared/contract/staff';
import { businessDate } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { findOffice, insertOffice } from '../db/repositories/office-repository';
import { provinceExists } from '../db/repositories/reference-repository';
import { countFailure, findStaffById, findStaffByUsername, insertStaff, toStaffMember, updateStaff } from '../db/repositories/staff-repository';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hashing';
import type { Session } from './session-registry';

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export async function getOffice(ctx: CoreContext) {
  return findOffice(ctx.db);
}

async function requireOffice(ctx: CoreContext) {
  const office = await getOffice(ctx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  return office;
}

/** The core's clock for the screens: now, the business date it falls on, and the zone that date is read in. */
function officeClock(ctx: CoreContext): SessionView['clock'] {
  const now = ctx.clock.now();
  return { now: now.toISOString(), businessDate: businessDate(now), timeZone: 'Asia/Ho_Chi_Minh' };
}

async function sessionView(ctx: CoreContext, session: Session): Promise<SessionView> {
  const office = await requireOffice(ctx);
  const staff = await findStaffById(ctx.db, session.staffId);
  if (!staff) throw new OfficeError('UNAUTHENTICATED');
  return {
    token: session.token,
    staff: toStaffMember(staff),
    office: { code: office.code, name: office.name, provinceCode: office.provinceCode },
    deviceId: office.deviceId,
    idleLockMinutes: office.idleLockMinutes,
    clock: officeClock(ctx),
  };
}

export async function setUpOffice(
  ctx: CoreContext,
  input: { officeCode: string; officeName: string; provinceCode: string; supervisor: { username: string; fullName: string; password: string } },
): Promise<SessionView> {
  const at = nowIso(ctx);
  const passwordHash = await hashPassword(input.supervisor.password);
  const staffId = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    if (await findOffice(trx)) throw new OfficeError('ALREADY_SET_UP');
    if (!(await provinceExists(trx, input.provinceCode)))
      throw new OfficeError('VALIDATION', { field: 'provinceCode', vi: 'Tỉnh/thành phố không có trong danh mục.', en: 'Unknown province.' });
    const deviceId = uuidv7();
    await insertOffice(trx, {
      id: 1,
      code: input.officeCode,
      name: input.officeName,
      provinceCode: input.provinceCode,
      deviceId,
      idleLockMinutes: 10,
      createdAt: at,
      copyTakenAt: null,
    });
    await insertStaff(trx, {
      id: staffId,
      username: input.supervisor.username,
      fullName: input.supervisor.fullName,
      role: 'supervisor',
      passwordHash,
      active: 1,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
    });
    await appendAudit(trx, {
      at,
      staffId,
      action: 'office.setup',
      entity: 'office',
      entityId: deviceId,
      details: { officeCode: input.officeCode, officeName: input.officeName, supervisor: input.supervisor.username, supervisorName: input.supervisor.fullName },
    });
  });
  const session = ctx.sessions.create(staffId, 'supervisor', ctx.clock.now().getTime());
  return sessionView(ctx, session);
}

export async function logIn(ctx: CoreContext, input: { username: string; password: string }): Promise<SessionView> {
  await requireOffice(ctx);
  const staff = await findStaffByUsername(ctx.db, input.username);
  if (!staff || staff.active !== 1) {
    // The same scrypt work as for a real account, so the answer's timing does not tell which names
    // exist. Attempts on names that are no account take turns on one queue: a flood of made-up
    // names costs one hash at a time and leaves the real accounts' sign-ins their share.
    await ctx.sessions.oneAttemptAtATime(UNKNOWN_NAMES, async () => {
      await verifyAgainstDummy(input.password);
      await noteUnknownName(ctx);
    });
    throw new OfficeError('BAD_CREDENTIALS', { field: 'password' });
  }
  await checkPassword(ctx, staff.id, input.password, 'auth.login');
  const session = ctx.sessions.create(staff.id, staff.role, ctx.clock.now().getTime());
  return sessionView(ctx, session);
}

/** The queue of attempts on names that are no account (not a staff id: those are UUIDs). */
const UNKNOWN_NAMES = 'unknown-names';

/**
 * Sign-ins with a name that is no account are audited — at most one entry a minute, counting the
 * attempts since the last one, and never the name typed (it may be a password typed in the wrong
 * box) — so a supervisor sees a flood without it filling the log.
 */
async function noteUnknownName(ctx: CoreContext): Promise<void> {
  const now = ctx.clock.now();
  const attempts = ctx.sessions.countUnknownName(now.getTime(), 60_000);
  if (attempts === null) return;
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, { at: now.toISOString(), staffId: null, action: 'auth.unknownName', entity: 'staff', entityId: null, details: { attempts } }),
    );
}

export async function unlockSession(ctx: CoreContext, caller: Caller, password: string): Promise<SessionView> {
  const office = await requireOffice(ctx);
  const session = ctx.sessions.peek(caller.token, ctx.clock.now().getTime(), office.idleLockMinutes);
  if (!session) throw new OfficeError('UNAUTHENTICATED');
  // Unlocking is a sign-in too: the same lockout applies, or a locked screen could be guessed open.
  await checkPassword(ctx, session.staffId, password, null);
  ctx.sessions.unlock(session, ctx.clock.now().getTime());
  return sessionView(ctx, session);
}

/**
 * One password attempt on an account, after the one before it on the same account was decided: a
 * locked account is refused before any hashing (guesses while locked cost nothing and count
 * nothing); otherwise the password is hashed and the attempt settled. Throws when refused.
 */
async function checkPassword(ctx: CoreContext, staffId: string, password: string, successAction: string | null): Promise<void> {
  await ctx.sessions.oneAttemptAtATime(staffId, async () => {
    const staff = await findStaffById(ctx.db, staffId);
    if (!staff || staff.active !== 1) throw new OfficeError('BAD_CREDENTIALS', { field: 'password' });
    refuseIfLocked(staff, ctx.clock.now());
    const right = await verifyPassword(password, staff.passwordHash);
    await settleAttempt(ctx, staffId, right, ctx.clock.now(), successAction);
  });
}

function refuseIfLocked(staff: { lockedUntil: string | null }, now: Date): void {
  if (staff.lockedUntil && staff.lockedUntil > now.toISOString()) {
    throw new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil: staff.lockedUntil } });
  }
}

/**
 * Decides a password attempt once its hash is known, in one transaction that reads the account as
 * it is now, not as it was before the (tens of milliseconds of) hashing: each failure counts (the
 * count is incremented in SQL, never written back from a value read earlier), the MAX_FAILURES-th
 * locks the account, and a right password that meets a lock taken meanwhile is refused with the
 * lockout like any other — whether or not the attempts on the account were queued. Throws the
 * error of a refused attempt.
 */
async function settleAttempt(ctx: CoreContext, staffId: string, right: boolean, now: Date, successAction: string | null): Promise<void> {
  const at = now.toISOString();
  const refusal = await ctx.db.transaction().execute(async (trx) => {
    const current = await findStaffById(trx, staffId);
    if (!current || current.active !== 1) return new OfficeError('BAD_CREDENTIALS', { field: 'password' });
    if (current.lockedUntil && current.lockedUntil > at) {
      if (!right) await appendAudit(trx, { at, staffId, action: 'auth.failed', entity: 'staff', entityId: staffId, details: { whileLocked: true } });
      return new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil: current.lockedUntil } });
    }
    if (right) {
      if (current.failedAttempts > 0 || current.lockedUntil) await updateStaff(trx, staffId, { failedAttempts: 0, lockedUntil: null, updatedAt: at });
      if (successAction) await appendAudit(trx, { at, staffId, action: successAction, entity: 'staff', entityId: staffId, details: null });
      return null;
    }
    const failures = await countFailure(trx, staffId, at);
    const lock = failures >= MAX_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    if (lock) await updateStaff(trx, staffId, { failedAttempts: 0, lockedUntil, updatedAt: at });
    await appendAudit(trx, { at, staffId, action: lock ? 'auth.lockout' : 'auth.failed', entity: 'staff', entityId: staffId, details: { failures } });
    if (lock) return new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil } });
    return new OfficeError('BAD_CREDENTIALS', { field: 'password', details: { remainingAttempts: MAX_FAILURES - failures } });
  });
  if (refusal) throw refusal;
}

export function logOut(ctx: CoreContext, caller: Caller): { ok: true } {
  ctx.sessions.end(caller.token);
  return { ok: true };
}

export async function currentSession(ctx: CoreContext, caller: Caller): Promise<SessionState> {
  const office = await getOffice(ctx);
  if (!office) return { state: 'not-set-up', storeFile: ctx.storeFile ?? '' };
  const session = ctx.sessions.peek(caller.token, ctx.clock.now().getTime(), office.idleLockMinutes);
  if (!session) return { state: 'signed-out' };
  if (session.locked) {
    const staff = await findStaffById(ctx.db, session.staffId);
    return { state: 'locked', username: staff?.username ?? '', fullName: staff?.fullName ?? '' };
  }
  return { state: 'active', session: await sessionView(ctx, session) };
}
