// Supervisors manage local staff: add counter staff and field officers, deactivate, reset a
// password (which also clears a lockout). Staff records stay on the device; changes are audited.
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/contract/primitives';
import type { StaffMember } from '../../../shared/contract/staff';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { findStaffById, findStaffByUsername, insertStaff, listStaff, toStaffMember, updateStaff } from '../db/repositories/staff-repository';
import { hashPassword } from './password-hashing';
import { dropDraftsOf } from './draft-service';

export async function listStaffMembers(ctx: CoreContext): Promise<{ items: StaffMember[] }> {
  return { items: (await listStaff(ctx.db)).map(toStaffMember) };
}

export async function createStaffMember(
  ctx: CoreContext,
  caller: Caller,
  input: { username: string; fullName: string; role: Role; password: string },
): Promise<StaffMember> {
  const at = nowIso(ctx);
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    if (await findStaffByUsername(trx, input.username)) {
      throw new OfficeError('CONFLICT', {
        field: 'username',
        vi: `Tên đăng nhập "${input.username}" đã có người dùng.`,
        en: `Username "${input.username}" is taken.`,
      });
    }
    await insertStaff(trx, {
      id,
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      passwordHash,
      active: 1,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
    });
    await appendAudit(trx, {
      at,
      staffId: caller.staffId,
      action: 'staff.create',
      entity: 'staff',
      entityId: id,
      details: { username: input.username, fullName: input.fullName, role: input.role },
    });
  });
  return toStaffMember((await findStaffById(ctx.db, id))!);
}

export async function setStaffActive(ctx: CoreContext, caller: Caller, input: { id: string; active: boolean }): Promise<StaffMember> {
  if (input.id === caller.staffId && !input.active) {
    throw new OfficeError('VALIDATION', { field: 'active', vi: 'Không thể tự khóa tài khoản của chính mình.', en: 'You cannot deactivate yourself.' });
  }
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findStaffById(trx, input.id))) throw new OfficeError('NOT_FOUND', { field: 'id' });
    await updateStaff(trx, input.id, { active: input.active ? 1 : 0, updatedAt: at });
    if (!input.active) await dropDraftsOf(trx, input.id);
    await appendAudit(trx, {
      at,
      staffId: caller.staffId,
      action: input.active ? 'staff.activate' : 'staff.deactivate',
      entity: 'staff',
      entityId: input.id,
      details: null,
    });
  });
  if (!input.active) ctx.sessions.endAllFor(input.id);
  return toStaffMember((await findStaffById(ctx.db, input.id))!);
}

export async function resetStaffPassword(ctx: CoreContext, caller: Caller, input: { id: string; password: string }): Promise<StaffMember> {
  const at = nowIso(ctx);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findStaffById(trx, input.id))) throw new OfficeError('NOT_FOUND', { field: 'id' });
    await updateStaff(trx, input.id, { passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: at });
    await appendAudit(trx, { at, staffId: caller.staffId, action: 'staff.resetPassword', entity: 'staff', entityId: input.id, details: null });
  });
  ctx.sessions.endAllFor(input.id);
  return toStaffMember((await findStaffById(ctx.db, input.id))!);
}
