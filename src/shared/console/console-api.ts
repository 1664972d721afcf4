// The provincial console's API (issue 22 item 6): what the central serves under /console/api to the
// console's pages (src/console), one zod schema per request and answer, shared by the routes (which
// parse every request with them) and the pages (which parse every answer). The console is the
// province's window on its offices: devices, held registrations and payment reviews, fraud signals
// with their evidence, receipt checks, audit heads and coverage. Everything it does, the CLI
// (`npm run central -- admin …`) does too, through the same functions in src/central.
//
// Sessions: POST /console/api/session signs in and sets an HttpOnly, SameSite=Strict cookie
// (`fo_console`, Path=/console). A session ends after `idleTimeoutSeconds` without a request
// (401 SESSION_EXPIRED) and the pages lock themselves at the same idle time. Every request that
// changes something (POST, DELETE) must carry the header `x-console-request: 1` (a page of another
// origin cannot send it without a CORS preflight the central never grants): 403 otherwise.
// Errors are the central's usual body: { error: { code, message (vi), messageEn, field? } }.
import { z } from 'zod';

export const CONSOLE_BASE = '/console';
export const CONSOLE_API = '/console/api';
export const CONSOLE_COOKIE = 'fo_console';
export const CONSOLE_REQUEST_HEADER = 'x-console-request';

/** reviewer: reads everything, settles held items and reviews findings. administrator: also revokes devices, issues enrollment codes and manages staff. */
export const consoleRole = z.enum(['reviewer', 'administrator']);
export type ConsoleRole = z.infer<typeof consoleRole>;

const iso = z.string();
const officeCode = z.string().regex(/^[A-Z0-9]{2,12}$/);
const count = z.number().int().nonnegative();

// ── Session ─────────────────────────────────────────────────────────────────────────────────────
/** POST /console/api/session. 401 AUTH_FAILED (wrong name or password, same answer for both); 423 LOCKED after 5 failures in a row (for 15 min, `lockedUntil` in the error's details is not given: nothing to probe). */
export const signInRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
/** GET /console/api/session (401 when signed out or expired), and the answer of a sign-in. */
export const sessionInfo = z.object({
  username: z.string(),
  displayName: z.string(),
  role: consoleRole,
  /** The pages lock after this long without use; the server ends the session at the same time. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
/** DELETE /console/api/session → ok. Also the answer of every action below that returns nothing. */
export const ok = z.object({ ok: z.literal(true) });

// ── Offices and devices ─────────────────────────────────────────────────────────────────────────
/** Coverage of one office, from what its devices have pushed. */
export const officeCoverage = z.object({
  /** People registered by the office's devices (canonical persons). */
  people: count,
  /** Of them, enrolled in voluntary social insurance / household health insurance. */
  vsiEnrolled: count,
  hhiEnrolled: count,
  /** Receipts (not voided) and their total in đồng over the last 30 days. */
  receipts30d: count,
  total30d: count,
});
/** GET /console/api/offices → { offices }. */
export const officeRow = z.object({
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  devices: count,
  revokedDevices: count,
  /** The latest time the central heard from any of its devices. */
  lastSyncAt: iso.nullable(),
  /** Operations its devices reported as not yet pushed (their last status reports), and the receipts' sum among them. */
  backlogOps: count,
  backlogTotal: count,
  openHeld: count,
  openSignals: count,
  coverage: officeCoverage,
});
export const officesResponse = z.object({ offices: z.array(officeRow) });

/** The last audit head a device's batch carried (ADR 0028), and how many of its audit entries the central holds. */
export const auditHeadRow = z.object({
  seq: count,
  hash: z.string(),
  at: iso,
  entriesHeld: count,
  /** Why the central refused the entries that head claimed (a rewritten or cut chain), null when they continued its chain. */
  problem: z.string().nullable().optional(),
});
/** GET /console/api/devices?office=CODE (optional) → { devices }. */
export const deviceRow = z.object({
  id: z.string(),
  officeCode: z.string(),
  name: z.string(),
  enrolledAt: iso,
  revokedAt: iso.nullable(),
  lastSyncAt: iso.nullable(),
  /** From the device's last status report (null: it never reported). */
  backlogOps: count.nullable(),
  backlogReceipts: count.nullable(),
  backlogTotal: count.nullable(),
  lastClosedDay: z.string().nullable(),
  statusAt: iso.nullable(),
  auditHead: auditHeadRow.nullable(),
});
export const devicesResponse = z.object({ devices: z.array(deviceRow) });
/**
 * POST /console/api/devices/:id/audit-reanchor (administrator) → where the device's audit log is now held:
 * after its entries were refused and looked into, the central holds its log from the newest head the
 * device signed (ADR 0028; what `admin audit-reanchor` does). 409 CONFLICT when nothing was refused.
 */
export const reanchorAuditRequest = z.object({ note: z.string().trim().min(10).max(1000) });
export const reanchorAuditResponse = z.object({ fromSeq: count, toSeq: count });
/** POST /console/api/devices/:id/revoke (administrator) → ok. 404 NOT_FOUND; revoking twice is ok. */
/** POST /console/api/offices/:code/enrollment-codes (administrator) → the one-time code to read to the clerk. */
export const enrollmentCodeResponse = z.object({ code: z.string(), officeCode });

// ── Held registrations and payment reviews ──────────────────────────────────────────────────────
/** GET /console/api/held?all=1 (all: reviewed too) → { items }: what `admin held` lists. */
export const heldRow = z.object({
  opId: z.string(),
  createdAt: iso,
  officeCode: z.string(),
  class: z.string(),
  kind: z.string(),
  status: z.enum(['open', 'reviewed']),
  fullName: z.string(),
  dateOfBirth: z.string(),
  personalId: z.string(),
  about: z.string(),
});
export const heldResponse = z.object({ items: z.array(heldRow) });
/** POST /console/api/held/:opId/review → ok: what `admin review --op` does. 404 NOT_FOUND; 409 CONFLICT when already reviewed. */

// ── Fraud signals ───────────────────────────────────────────────────────────────────────────────
export const signalStatus = z.enum(['open', 'reviewed', 'cleared', 'all']);
/** GET /console/api/signals?office=&kind=&status= (default open) → { signals }. */
export const signalRow = z.object({
  key: z.string(),
  kind: z.string(),
  officeCode: z.string(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
  staffId: z.string().nullable(),
  /** The staff member's full name (else sign-in name) as their device's audit chain gave it; null when no pushed entry names them. */
  staffName: z.string().nullable().optional(),
  evidence: z.record(z.string(), z.unknown()),
  firstSeen: iso,
  lastSeen: iso,
  clearedAt: iso.nullable(),
  reviewedAt: iso.nullable(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** Reviews of earlier occurrences: a reviewed finding that was cleared and then found again is open again, its earlier review kept here (ADR 0032). */
  previousReviews: z.array(z.object({ at: iso, by: z.string().nullable(), note: z.string().nullable() })).optional(),
});
export const signalsResponse = z.object({ signals: z.array(signalRow) });
/** POST /console/api/signals/:key/review → ok. The note says what the reviewer found (required, 3–1000 characters). */
export const reviewSignalRequest = z.object({ note: z.string().trim().min(3).max(1000) });

// ── Receipts and collectors (drill-down) ────────────────────────────────────────────────────────
/** GET /console/api/receipts?office=&device=&collector=&from=YYYY-MM-DD&to=YYYY-MM-DD&limit=(≤500) → newest first. */
export const receiptRow = z.object({
  label: z.string(),
  officeCode: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  collector: z.string().nullable(),
  /** The collector's staff id (what a signal's `staffId` names; `collector=` filters by it or by the name). */
  collectorId: z.string().nullable().optional(),
  payerName: z.string(),
  /** Only the last four digits, as on the receipt. */
  personalIdLast4: z.string(),
  scheme: z.string(),
  period: z.string(),
  total: count,
  paidOn: z.string(),
  receivedAt: iso,
  voidedOn: z.string().nullable(),
  refunded: z.boolean(),
});
export const receiptsResponse = z.object({ receipts: z.array(receiptRow) });
/** GET /console/api/collectors?office= → receipts, sums, voids and refunds per collector over the last 30 days. */
export const collectorRow = z.object({
  collector: z.string(),
  /** The collector's staff id, as in a signal's `staffId` (null for payments recorded before devices sent it). */
  collectorId: z.string().nullable().optional(),
  officeCode: z.string(),
  receipts: count,
  total: count,
  voids: count,
  refunds: count,
});
export const collectorsResponse = z.object({ collectors: z.array(collectorRow) });
/** GET /console/api/receipts/verify?p=PAYLOAD → the same answer as the public check (no rate limit for staff); 400 VALIDATION when `p` is not a payload. */

// ── Staff accounts (administrator) ──────────────────────────────────────────────────────────────
/** GET /console/api/staff → { staff }. Accounts are also made with `admin staff add` on the CLI. */
export const staffRow = z.object({
  username: z.string(),
  displayName: z.string(),
  role: consoleRole,
  disabled: z.boolean(),
  lockedUntil: iso.nullable(),
  lastSignInAt: iso.nullable(),
});
export const staffResponse = z.object({ staff: z.array(staffRow) });
/**
 * GET /console/api/sign-in-failures (administrator): the refused sign-ins of the last 30 days per
 * day (UTC+7, YYYY-MM-DD) and name, newest first (ADR 0044). `known`: the name is an account's;
 * `username` '*' sums a day's made-up names past the first hundred. Kept 400 days
 * (`admin staff failures --days N` reads further back).
 */
export const signInFailureRow = z.object({
  day: z.string(),
  username: z.string(),
  known: z.boolean(),
  failures: z.number().int(),
  locks: z.number().int(),
  firstAt: iso,
  lastAt: iso,
});
export const signInFailuresResponse = z.object({ days: z.number().int(), failures: z.array(signInFailureRow) });
/**
 * POST /console/api/staff/:username/disable → ok: the same as `admin staff disable` (the account's
 * sessions end at once); 404 NOT_FOUND for no such account, 409 CONFLICT for one's own.
 * POST /console/api/staff/:username/password {password} → ok: the same as `admin staff password`
 * (10–256 characters; the lockout lifted, every session of the account ended, one's own included).
 */
export const staffPasswordRequest = z.object({ password: z.string().min(1).max(256) });

export type OfficeRow = z.infer<typeof officeRow>;
export type DeviceRow = z.infer<typeof deviceRow>;
export type HeldRow = z.infer<typeof heldRow>;
export type SignalRow = z.infer<typeof signalRow>;
export type ReceiptRow = z.infer<typeof receiptRow>;
export type CollectorRow = z.infer<typeof collectorRow>;
export type StaffRow = z.infer<typeof staffRow>;
export type SignInFailureRow = z.infer<typeof signInFailureRow>;
