// The audit trail in the contract (ADR 0028): checking the chain (also against the central's
// acknowledged head), the breaks a check found and their settling by a supervisor, and the
// supervisor's list of entries with filters.
import { z } from 'zod';
import { says } from './input-messages';
import { isoDate, uuid } from './primitives';
import { text } from './text';

const anchor = z.object({ seq: z.number().int(), at: z.string() }).nullable();

export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  /** What is wrong, in Vietnamese (`problemEn` in English). */
  problem: z.string().nullable(),
  problemEn: z.string().nullable(),
  /** The central's last signed acknowledgement the chain was held against; null before the first sync. */
  anchor,
});

export const auditBreak = z.object({ seq: z.number().int(), problem: z.string(), problemEn: z.string(), foundAt: z.string() });

export const auditStatus = z.object({
  /** Breaks found and not yet settled: the supervisor's alert, and day-end is refused while any is open. */
  openBreaks: z.array(auditBreak),
  anchor,
});

export const settleAuditInput = z.object({
  note: text({
    min: 10,
    max: 1000,
    multiline: true,
    tooShort: says('Ghi rõ đã xử lý thế nào (ít nhất 10 ký tự).', 'Say how it was dealt with (at least 10 characters).'),
  }),
});

export const listAuditInput = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  staffId: uuid.optional(),
  action: z.string().max(64).optional(),
  /** Words in the record's id or details. */
  query: text({ min: 0, max: 100 }).optional(),
  /** The page before this sequence (newest first). */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The details as recorded (JSON), cut to 16 000 characters (a payment of a year is about 5 000). */
  details: z.string(),
});

export const auditList = z.object({
  items: z.array(auditEntryView),
  nextBeforeSeq: z.number().int().nullable(),
  /** Every action the log holds, for the filter. */
  actions: z.array(z.string()),
});
