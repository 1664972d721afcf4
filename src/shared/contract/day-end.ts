// Day-end for supervisors: per-collector receipts against the cash counted, closing the business
// date (no more receipts on this device until a supervisor reopens it) and the closing summary.
import { z } from 'zod';
import { dong, isoDate, uuid } from './primitives';

export const collectorDay = z.object({
  staffId: z.string(),
  fullName: z.string(),
  receiptCount: z.number().int(),
  voidedCount: z.number().int(),
  /** Sum of the collector's receipts that are not voided. */
  total: z.number().int(),
  cashCounted: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type CollectorDay = z.infer<typeof collectorDay>;

export const daySummary = z.object({
  businessDate: z.string(),
  status: z.enum(['open', 'closed', 'reopened']),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  collectors: z.array(collectorDay),
  receiptCount: z.number().int(),
  total: z.number().int(),
});
export type DaySummary = z.infer<typeof daySummary>;

export const daySummaryInput = z.object({ businessDate: isoDate.optional() });

export const closeDayInput = z.object({
  businessDate: isoDate,
  counts: z.array(
    z.object({
      staffId: uuid,
      cashCounted: dong,
      note: z.string().trim().max(500).optional(),
    }),
  ),
});

export const reopenDayInput = z.object({
  businessDate: isoDate,
  reason: z.string().trim().min(5, { message: 'Nhập lý do mở lại ngày (ít nhất 5 ký tự).' }).max(500),
});
