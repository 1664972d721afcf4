// Staff accounts, sign-in and sessions. Passwords never leave the core; sessions are tokens.
import { z } from 'zod';
import { role, uuid } from './primitives';

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, { message: 'Tên đăng nhập 3–32 ký tự: chữ không dấu, số, . _ -' });

export const password = z
  .string()
  .min(10, { message: 'Mật khẩu cần ít nhất 10 ký tự.' })
  .max(200, { message: 'Mật khẩu quá dài.' });

export const staffMember = z.object({
  id: uuid,
  username: z.string(),
  fullName: z.string(),
  role,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const setupInput = z.object({
  officeCode: z.string().trim().regex(/^[A-Z0-9]{2,12}$/, { message: 'Mã cơ quan 2–12 ký tự in hoa hoặc số.' }),
  officeName: z.string().trim().min(3, { message: 'Nhập tên cơ quan BHXH.' }).max(200),
  provinceCode: z.string().regex(/^\d{2}$/, { message: 'Chọn tỉnh/thành phố.' }),
  supervisor: z.object({
    username,
    fullName: z.string().trim().min(2, { message: 'Nhập họ tên giám sát viên.' }).max(120),
    password,
  }),
});

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1, { message: 'Nhập tên đăng nhập.' }),
  password: z.string().min(1, { message: 'Nhập mật khẩu.' }),
});

export const sessionView = z.object({
  token: z.string(),
  staff: staffMember,
  office: z.object({ code: z.string(), name: z.string(), provinceCode: z.string() }),
  deviceId: z.string(),
  idleLockMinutes: z.number().int(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionState = z.discriminatedUnion('state', [
  /** `storeFile`: where a backup copy goes to restore this office instead of setting up anew. */
  z.object({ state: z.literal('not-set-up'), storeFile: z.string() }),
  z.object({ state: z.literal('signed-out') }),
  z.object({ state: z.literal('locked'), username: z.string(), fullName: z.string() }),
  z.object({ state: z.literal('active'), session: sessionView }),
]);
export type SessionState = z.infer<typeof sessionState>;

export const createStaffInput = z.object({
  username,
  fullName: z.string().trim().min(2, { message: 'Nhập họ tên.' }).max(120),
  role: z.enum(['counter', 'field', 'supervisor']),
  password,
});

export const setStaffActiveInput = z.object({ id: uuid, active: z.boolean() });
export const resetStaffPasswordInput = z.object({ id: uuid, password });
export const unlockInput = z.object({ password: z.string().min(1, { message: 'Nhập mật khẩu.' }) });
