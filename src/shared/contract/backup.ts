// A copy of the whole office store into a folder the supervisor chooses (a USB stick kept apart
// from the laptop): what an office offline for days has until its work reaches the central.
import { z } from 'zod';

export const backupInput = z.object({
  directory: z.string().trim().min(1, { message: 'Nhập hoặc chọn thư mục để lưu bản sao.' }),
});

export const backupOutput = z.object({
  /** The copy's full path: `field-office-<office>-<YYYYMMDD-HHmmss>.sqlite`. */
  file: z.string(),
  bytes: z.number().int(),
  participants: z.number().int(),
  receipts: z.number().int(),
  takenAt: z.string(),
});

export const backupProgress = z.object({
  running: z.boolean(),
  /** Copying page by page, then checking the copy. */
  phase: z.enum(['copying', 'checking']).nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
});
