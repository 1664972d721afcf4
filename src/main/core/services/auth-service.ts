// First-run setup, sign-in with lockout, idle unlock and sign-out. Sign-in failures are counted
// per account; after MAX_FAILURES the account locks for LOCKOUT_MINUTES (a supervisor can reset).
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { SessionState, SessionView } from '../../../shared/contract/staff';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { findStaffById, findStaffByUsername, insertStaff, toStaffMember, updateStaff } from '../db/repositories/staff-repository';
import { hashPassword, verifyPassword } from './password-hashing';
import type { Session } from './session-registry';

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export async function getOffice(ctx: CoreContext) {
  return ctx.db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
}

async function requireOffice(ctx: CoreContext) {
  const office = await getOffice(ctx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  return office;
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
    const existing = await trx.selectFrom('office').select('id').executeTakeFirst();
    if (existing) throw new OfficeError('ALREADY_SET_UP');
    const province = await trx.selectFrom('adminProvinces').select('code').where('code', '=', input.provinceCode).executeTakeFirst();
    if (!province) throw new OfficeError('VALIDATION', { field: 'provinceCode', vi: 'Tỉnh/thành phố không có trong danh mục.', en: 'Unknown province.' });
    const deviceId = uuidv7();
    await trx
      .insertInto('office')
      .values({ id: 1, code: input.officeCode, name: input.officeName, provinceCode: input.provinceCode, deviceId, idleLockMinutes: 10, createdAt: at })
      .execute();
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
      details: { officeCode: input.officeCode, officeName: input.officeName, supervisor: input.supervisor.username },
    });
  });
  const session = ctx.sessions.create(staffId, 'supervisor', ctx.clock.now().getTime());
  return sessionView(ctx, session);
}

export async function logIn(ctx: CoreContext, input: { username: string; password: string }): Promise<SessionView> {
  await requireOffice(ctx);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const staff = await findStaffByUsername(ctx.db, input.username);
  if (!staff || staff.active !== 1) {
    throw new OfficeError('BAD_CREDENTIALS', { field: 'password' });
  }
  if (staff.lockedUntil && staff.lockedUntil > at) {
    throw new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil: staff.lockedUntil } });
  }
  if (!(await verifyPassword(input.password, staff.passwordHash))) throw await recordFailure(ctx, staff, now);
  await ctx.db.transaction().execute(async (trx) => {
    await updateStaff(trx, staff.id, { failedAttempts: 0, lockedUntil: null, updatedAt: at });
    await appendAudit(trx, { at, staffId: staff.id, action: 'auth.login', entity: 'staff', entityId: staff.id, details: null });
  });
  const session = ctx.sessions.create(staff.id, staff.role, now.getTime());
  return sessionView(ctx, session);
}

export async function unlockSession(ctx: CoreContext, caller: Caller, password: string): Promise<SessionView> {
  const office = await requireOffice(ctx);
  const now = ctx.clock.now();
  const session = ctx.sessions.peek(caller.token, now.getTime(), office.idleLockMinutes);
  if (!session) throw new OfficeError('UNAUTHENTICATED');
  const staff = await findStaffById(ctx.db, session.staffId);
  if (!staff || staff.active !== 1) throw new OfficeError('BAD_CREDENTIALS', { field: 'password' });
  // Unlocking is a sign-in too: the same lockout applies, or a locked screen could be guessed open.
  if (staff.lockedUntil && staff.lockedUntil > now.toISOString()) {
    throw new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil: staff.lockedUntil } });
  }
  if (!(await verifyPassword(password, staff.passwordHash))) throw await recordFailure(ctx, staff, now);
  if (staff.failedAttempts > 0) await updateStaff(ctx.db, staff.id, { failedAttempts: 0, updatedAt: now.toISOString() });
  ctx.sessions.unlock(session, now.getTime());
  return sessionView(ctx, session);
}

/** Counts a wrong password (audited); the MAX_FAILURES-th locks the account. Returns the error to throw. */
async function recordFailure(ctx: CoreContext, staff: { id: string; failedAttempts: number }, now: Date): Promise<OfficeError> {
  const at = now.toISOString();
  const failures = staff.failedAttempts + 1;
  const lock = failures >= MAX_FAILURES;
  const lockedUntil = lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  await ctx.db.transaction().execute(async (trx) => {
    await updateStaff(trx, staff.id, { failedAttempts: lock ? 0 : failures, lockedUntil, updatedAt: at });
    await appendAudit(trx, {
      at,
      staffId: staff.id,
      action: lock ? 'auth.lockout' : 'auth.failed',
      entity: 'staff',
      entityId: staff.id,
      details: { failures },
    });
  });
  if (lock) return new OfficeError('ACCOUNT_LOCKED', { details: { lockedUntil } });
  return new OfficeError('BAD_CREDENTIALS', { field: 'password', details: { remainingAttempts: MAX_FAILURES - failures } });
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
