// What the devices of one office tell each other through the central, live rather than through the
// feed (it changes with every sync): each device reports, when it syncs, what it has not pushed yet
// and its last closed day; the answer lists every device of its office with its name, what it last
// reported and when the central last heard from it (POST /v1/office/status, docs/protocol.md §4b).
// The supervisor's office-wide day-end reads the last answer kept on the device.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deviceStatusReport = z.object({
  /** Operations recorded and not yet answered by the central. */
  pendingOps: z.number().int().nonnegative(),
  /** Receipts among them, and their sum in đồng. */
  pendingReceipts: z.number().int().nonnegative(),
  pendingTotal: z.number().int().nonnegative(),
  /** The latest business day this device has closed (null: none). */
  lastClosedDay: day.nullable(),
});
export type DeviceStatusReport = z.infer<typeof deviceStatusReport>;

export const officeDevice = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(120),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
  /** When the central last heard from it (a batch, a pull or a report). */
  lastSeenAt: z.string().nullable(),
  status: deviceStatusReport.nullable(),
  statusAt: z.string().nullable(),
});
export type OfficeDevice = z.infer<typeof officeDevice>;

export const officeStatusResponse = z.object({
  officeCode: z.string(),
  officeName: z.string(),
  devices: z.array(officeDevice).max(1000),
});
export type OfficeStatusResponse = z.infer<typeof officeStatusResponse>;
