// Day-end for supervisors: per-collector receipts against the cash counted, closing the business
// date (no more receipts on this device until a supervisor reopens it) and the closing summary.
import { z } from 'zod';
import { dong, isoDate, uuid } from './primitives';
import { says } from './input-messages';
import { text } from './text';
import { officeDay } from './office-day';

export const collectorDay = z.object({
  staffId: z.string(),
  fullName: z.string(),
  receiptCount: z.number().int(),
  voidedCount: z.number().int(),
  /** Sum of the collector's receipts that are not voided (a later refund does not change it). */
  total: z.number().int(),
  /** Receipts of earlier, closed days refunded this day from this person's cash, and their sum. */
  refundCount: z.number().int(),
  refundTotal: z.number().int(),
  /** The cash this person must hand over: total − refundTotal (negative when refunds exceed takings). */
  expected: z.number().int(),
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
  refundCount: z.number().int(),
  refundTotal: z.number().int(),
  expected: z.number().int(),
});
export type DaySummary = z.infer<typeof daySummary>;

export const daySummaryInput = z.object({ businessDate: isoDate.optional() });

export const closeDayInput = z.object({
  businessDate: isoDate,
  counts: z.array(
    z.object({
      staffId: uuid,
      cashCounted: dong,
      note: text({ min: 0, max: 500, multiline: true }).optional(),
    }),
  ),
});

export const reopenDayInput = z.object({
  businessDate: isoDate,
  reason: text({
    min: 5,
    max: 500,
    multiline: true,
    tooShort: says('Nhập lý do mở lại ngày (ít nhất 5 ký tự).', 'Enter the reason for reopening the day (at least 5 characters).'),
  }),
});

/**
 * The day-end report (printed A4 and Excel): who closed the day, each collector's receipts
 * against the cash counted, every receipt of the day in number order (voided ones marked), and
 * the totals. A report of a day not yet closed has no counts.
 */
export const dayReportInput = z.object({ businessDate: isoDate });

export const dayReportCollector = collectorDay.extend({
  /** Cash counted − expected cash; negative when cash is short. Null until the day is closed. */
  discrepancy: z.number().int().nullable(),
});
export type DayReportCollector = z.infer<typeof dayReportCollector>;

export const dayReportReceipt = z.object({
  id: z.string(),
  label: z.string(),
  issuedAt: z.string(),
  payerName: z.string(),
  payerPersonalId: z.string(),
  scheme: z.enum(['VSI', 'HHI']),
  /** HHI: the member's place in the household's paying order (1 = pays the full share). */
  memberPosition: z.number().int().positive().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  months: z.number().int(),
  amount: z.number().int(),
  /** The province's top-up in the amount (0 when none): shown as its own line. */
  topUp: z.number().int(),
  collectorStaffId: z.string(),
  collectorName: z.string(),
  /** `refundOn`: the receipt was valid when this day closed and was refunded on that later day (it still counts here). */
  void: z.object({ reason: z.string(), voidedByName: z.string(), voidedAt: z.string(), refundOn: z.string().nullable() }).nullable(),
});
export type DayReportReceipt = z.infer<typeof dayReportReceipt>;

/** A receipt of an earlier, closed day whose money was paid back on the report's day. */
export const dayReportRefund = z.object({
  receiptId: z.string(),
  label: z.string(),
  /** The refund voucher's number (phiếu chi), e.g. `HT-DEMO01-3F2A/0000001`. */
  voucher: z.string(),
  receiptDate: z.string(),
  payerName: z.string(),
  payerPersonalId: z.string(),
  amount: z.number().int(),
  paidOutByName: z.string(),
  voidedByName: z.string(),
  voidedAt: z.string(),
  reason: z.string(),
});
export type DayReportRefund = z.infer<typeof dayReportRefund>;

export const dayReport = z.object({
  /** The office's other devices that day, and the cash handed over (null: this device works alone). ADR 0026. */
  officeDay: officeDay.nullable().optional(),
  office: z.object({ code: z.string(), name: z.string() }),
  deviceId: z.string(),
  /** The device's name as the office's devices are listed ("Quầy 2"), or null before it has heard it. */
  deviceName: z.string().nullable().optional(),
  businessDate: z.string(),
  status: z.enum(['open', 'closed', 'reopened']),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  generatedAt: z.string(),
  collectors: z.array(dayReportCollector),
  receipts: z.array(dayReportReceipt),
  refunds: z.array(dayReportRefund),
  totals: z.object({
    receiptCount: z.number().int(),
    voidedCount: z.number().int(),
    /** Sum of the receipts not voided. */
    total: z.number().int(),
    refundCount: z.number().int(),
    refundTotal: z.number().int(),
    /** total − refundTotal: the cash the office must have for the day. */
    expected: z.number().int(),
    cashCounted: z.number().int().nullable(),
    discrepancy: z.number().int().nullable(),
  }),
});
export type DayReport = z.infer<typeof dayReport>;

/** The report as an .xlsx file, base64, for the renderer to save (Electron and browser alike). */
export const dayReportFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
