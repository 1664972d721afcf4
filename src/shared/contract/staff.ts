// Staff accounts, sign-in and sessions. Passwords never leave the core; sessions are tokens.
import { z } from 'zod';
import { role, uuid } from './primitives';
import { says } from './input-messages';
import { personName, text, wordyText } from './text';

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, says('Tên đăng nhập 3–32 ký tự: chữ không dấu, số, . _ -', 'A username is 3–32 characters: unaccented letters, digits, . _ -'));

export const password = z
  .string()
  .min(10, says('Mật khẩu cần ít nhất 10 ký tự.', 'The password needs at least 10 characters.'))
  .max(200, says('Mật khẩu quá dài.', 'The password is too long.'));

/** A password typed to sign in or unlock: taken as typed (never recomposed: it is hashed byte for byte), bounded. */
const typedPassword = z.string().min(1, says('Nhập mật khẩu.', 'Enter the password.')).max(200, says('Mật khẩu quá dài.', 'The password is too long.'));

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
  officeCode: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,12}$/, says('Mã cơ quan 2–12 ký tự in hoa hoặc số.', 'The office code is 2–12 capital letters or digits.')),
  officeName: wordyText({ min: 3, max: 200, tooShort: says('Nhập tên cơ quan BHXH.', 'Enter the social security office name.') }),
  provinceCode: z.string().regex(/^\d{2}$/, says('Chọn tỉnh/thành phố.', 'Choose the province or city.')),
  supervisor: z.object({
    username,
    fullName: personName({ min: 2, max: 120, tooShort: says('Nhập họ tên giám sát viên.', "Enter the supervisor's full name.") }),
    password,
  }),
});

export const loginInput = z.object({
  username: text({ max: 64, tooShort: says('Nhập tên đăng nhập.', 'Enter the username.') }).toLowerCase(),
  password: typedPassword,
});

export const sessionView = z.object({
  token: z.string(),
  staff: staffMember,
  office: z.object({ code: z.string(), name: z.string(), provinceCode: z.string() }),
  deviceId: z.string(),
  idleLockMinutes: z.number().int(),
  /**
   * The core's clock as it answered: the instant, the office's business date and its time zone.
   * Screens take "today" from here, never from the machine's own clock (the harness's
   * --clock-start, or a laptop whose clock is off, would disagree with the core).
   */
  clock: z.object({ now: z.string(), businessDate: z.string(), timeZone: z.literal('Asia/Ho_Chi_Minh') }),
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
  fullName: personName({ min: 2, max: 120, tooShort: says('Nhập họ tên.', 'Enter the full name.') }),
  role: z.enum(['counter', 'field', 'supervisor']),
  password,
});

export const setStaffActiveInput = z.object({ id: uuid, active: z.boolean() });
export const resetStaffPasswordInput = z.object({ id: uuid, password });
export const unlockInput = z.object({ password: typedPassword });
