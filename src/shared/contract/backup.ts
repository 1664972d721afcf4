// A copy of the whole office store into a folder the supervisor chooses (a USB stick kept apart
// from the laptop): what an office offline for days has until its work reaches the central.
import { z } from 'zod';
import { says } from './input-messages';
import { pathText } from './text';

/** The passphrase that seals a copy: long enough to hold out against whoever finds the stick. */
const passphrase = z
  .string()
  .min(
    10,
    says('Mật khẩu bản sao cần ít nhất 10 ký tự (nên là vài từ dễ nhớ).', 'The copy passphrase needs at least 10 characters (a few words you remember).'),
  )
  .max(200, says('Mật khẩu bản sao dài quá 200 ký tự.', 'The copy passphrase is longer than 200 characters.'));

export const backupInput = z.object({
  directory: pathText(says('Nhập hoặc chọn thư mục để lưu bản sao.', 'Type or choose the folder for the copy.')),
  passphrase,
});

export const backupOutput = z.object({
  /** The copy's full path: `field-office-<office>-<YYYYMMDD-HHmmss>.sqlite.age` (sealed, age format). */
  file: z.string(),
  bytes: z.number().int(),
  participants: z.number().int(),
  receipts: z.number().int(),
  takenAt: z.string(),
});

export const backupProgress = z.object({
  running: z.boolean(),
  /** Copying page by page on the laptop, checking the copy, then sealing it onto the stick. */
  phase: z.enum(['copying', 'checking', 'sealing']).nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
});

/**
 * The last copy made of this store and what has been taken since: on the day-end page, so a
 * supervisor sees how much a dead laptop would cost before the work reaches the central.
 */
export const backupStatus = z.object({
  last: z.object({ at: z.string(), file: z.string(), participants: z.number().int(), receipts: z.number().int() }).nullable(),
  /** Receipts issued after the last copy was taken (all of them when there is none). */
  receiptsSince: z.number().int(),
  /**
   * Operations recorded after the last copy (all, when there is none) that the central has not yet
   * answered: registrations, edits, households and payments that a dead laptop would take with it.
   */
  unsentSince: z.number().int(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

/** A sealed copy opened on a freshly installed Field Office; it takes over at once. */
export const restoreInput = z.object({
  file: pathText(says('Nhập hoặc chọn tệp bản sao (.sqlite.age).', 'Type or choose the copy file (.sqlite.age).')),
  passphrase: z.string().min(1, says('Nhập mật khẩu của bản sao.', "Enter the copy's passphrase.")).max(200),
});

export const restoreProgress = z.object({
  running: z.boolean(),
  /** Decrypting the copy beside the store, then checking it. */
  phase: z.enum(['opening', 'checking']).nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
});

export const restoreOutput = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  participants: z.number().int(),
  receipts: z.number().int(),
  /** When the copy was taken (ISO instant). */
  takenAt: z.string(),
});
