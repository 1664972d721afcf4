// The office-wide day-end (issue 20 item 5, ADR 0026): every device of the office — its takings for
// the day by collector (this device's own, the others' as last pulled), whether it closed the day,
// what it has not yet pushed and when it last synced — and the cash collectors of other devices
// (field officers) handed to the office, counted against their receipts.
import { z } from 'zod';
import { dong, isoDate, uuid } from './primitives';
import { says } from './input-messages';
import { text } from './text';

export const officeDayInput = z.object({ businessDate: isoDate.optional() });

/** A day of a collector's takings on another device not yet handed to the office. */
export const openCashDay = z.object({
  businessDate: z.string(),
  receiptCount: z.number().int(),
  total: z.number().int(),
  refundTotal: z.number().int(),
  expected: z.number().int(),
});

export const officeCollector = z.object({
  staffId: z.string().nullable(),
  fullName: z.string(),
  receiptCount: z.number().int(),
  voidedCount: z.number().int(),
  total: z.number().int(),
  refundCount: z.number().int(),
  refundTotal: z.number().int(),
  /** total − refundTotal: the cash this collector owes for the day. */
  expected: z.number().int(),
  /** Other devices only: days up to this one whose cash this collector has not handed over (as known here). */
  openDays: z.array(openCashDay),
});

export const officeDayDevice = z.object({
  deviceId: z.string().nullable(),
  name: z.string(),
  thisDevice: z.boolean(),
  revoked: z.boolean(),
  dayClosed: z.boolean(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  collectors: z.array(officeCollector),
  receiptCount: z.number().int(),
  total: z.number().int(),
  refundTotal: z.number().int(),
  expected: z.number().int(),
  /** What the device reported at its last sync (null: it never reported). */
  pendingOps: z.number().int().nullable(),
  pendingReceipts: z.number().int().nullable(),
  pendingTotal: z.number().int().nullable(),
  /** When the central last heard from it (this device: its last successful sync). */
  lastSyncAt: z.string().nullable(),
});
export type OfficeDayDevice = z.infer<typeof officeDayDevice>;

export const cashHandover = z.object({
  id: uuid,
  fromDeviceId: z.string(),
  fromDeviceName: z.string().nullable(),
  collectorStaffId: z.string(),
  collectorName: z.string(),
  businessDates: z.array(z.string()),
  receiptCount: z.number().int(),
  expected: z.number().int(),
  cashCounted: z.number().int(),
  /** cashCounted − expected: negative when cash is short. */
  difference: z.number().int(),
  note: z.string().nullable(),
  receivedByName: z.string(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  /** Recorded on this device (else pulled from the device that recorded it). */
  recordedHere: z.boolean(),
});
export type CashHandover = z.infer<typeof cashHandover>;

export const officeDay = z.object({
  businessDate: z.string(),
  officeCode: z.string(),
  devices: z.array(officeDayDevice),
  handovers: z.array(cashHandover),
  totals: z.object({
    receiptCount: z.number().int(),
    total: z.number().int(),
    refundTotal: z.number().int(),
    expected: z.number().int(),
    /** Cash handed to the office this day (sum of the handovers received). */
    handedOver: z.number().int(),
  }),
  /** As of this device's last pull: other devices' work since then is not in these figures. */
  lastPullAt: z.string().nullable(),
});
export type OfficeDay = z.infer<typeof officeDay>;

export const recordHandoverInput = z.object({
  fromDeviceId: z.string().min(1).max(64),
  collectorStaffId: uuid,
  businessDates: z.array(isoDate).min(1, says('Chọn ngày thu được bàn giao.', 'Choose the days handed over.')).max(62),
  cashCounted: dong,
  note: text({ min: 0, max: 500, multiline: true }).optional(),
});
