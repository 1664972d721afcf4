// The pull feed from the central to an office, as a union discriminated by `kind`: the central
// writes only these (typed where it queues them), and the office reads each change it knows with
// this schema and skips the kinds it does not know, so a newer central can send more
// (docs/protocol.md §4). Adding a kind: its payload here, one line in `centralChange`, its writer
// at the central and its applier in the office's pull-applier.ts.
import { z } from 'zod';
import { fieldAssignmentSetPayload, hamletSetPayload, visitRecordPayload } from './field-operation-payloads';

/**
 * A person of the office's province, registered or corrected at the central (its stored record).
 * Loose: the supervisor sees the whole central record when it clashes with a local one.
 */
export const participantChangePayload = z.looseObject({
  id: z.string().min(1),
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: z.string(),
  personalId: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  ethnicity: z.string().optional(),
  nationality: z.string().optional(),
  siNumber: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  addressLine: z.string().optional(),
  hamletId: z.string().max(64).nullable().optional(),
  supportCategory: z.string().optional(),
  officialNumber: z.string().nullable().optional(),
  canonicalId: z.string().nullable().optional(),
  version: z.number().int().optional(),
});

/** A contribution-rate schedule published at the central (`admin publish-rates`). */
export const ratesChangePayload = z.object({ version: z.string(), body: z.unknown() });

/** An administrative-units document published at the central (`admin publish-units`; shared/domain/admin-units.ts). */
export const adminUnitsChangePayload = z.object({ version: z.string(), body: z.unknown() });

/** A payment flagged for months paid twice stands alone now: the receipts that paid them first were refunded. */
export const reviewSettledPayload = z.object({
  opId: z.string(),
  code: z.literal('MONTHS_ALREADY_PAID'),
  refunded: z.array(z.object({ receipt: z.string(), officeCode: z.string() })),
});

/** The release channels an office can be on: `pilot` gets a release first, `stable` after. */
export const updateChannels = ['pilot', 'stable'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/** The central put this office on another update channel (`admin set-channel`). */
export const officeUpdateChannelPayload = z.object({ officeCode: z.string().min(1), channel: z.enum(updateChannels) });
/**
 * A device key of the province, as enrolled at the central (and when revoked): offices check the
 * receipts those devices signed against it, offline (ADR 0027). Revoked and retired keys stay:
 * the receipts they signed before stay genuine.
 */
export const deviceKeyPayload = z.object({
  deviceId: z.string().min(1).max(64),
  officeCode: z.string().max(16),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  name: z.string().max(200),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** A commune's hamlet as a supervisor of an office of the province keeps it (operation `hamlet.set`). */
export const hamletChangePayload = hamletSetPayload;

/** A field officer's area, set by a supervisor of `officeCode` (devices of other offices skip it). */
export const assignmentChangePayload = fieldAssignmentSetPayload.extend({ officeCode: z.string().max(12) });

/** A visit's outcome recorded on a device of `officeCode` (devices of other offices skip it); ids are the central's. */
export const visitChangePayload = visitRecordPayload.extend({ officeCode: z.string().max(12), deviceId: z.string().max(64) });
const id = z.string().min(1).max(64);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const name = z.string().max(200).nullable();

/**
 * A payment another device took (of this office, or of another office for a person of this office),
 * as the office's picture keeps it (ADR 0026): never renumbered, never sent back. `participantId` is
 * the central's (canonical) person.
 */
export const contributionChangePayload = z.object({
  id,
  participantId: id,
  householdId: id.nullable(),
  scheme: z.enum(['VSI', 'HHI']),
  method: z.string().max(40),
  fromMonth: month,
  months: z.number().int().positive(),
  incomeBasis: z.number().int().nullable(),
  memberPosition: z.number().int().nullable(),
  paidOn: day,
  /** The receipt's business day on the device that issued it. */
  businessDate: day,
  total: z.number().int(),
  /** Months of the payment the state supported (they count towards the 120-month limit). */
  supportedMonths: z.number().int().nonnegative(),
  receipt: z.object({ id, series: z.string().max(40), number: z.number().int().positive() }),
  issuedAt: z.string().max(40).nullable(),
  officeCode: z.string().max(12),
  deviceId: id,
  collectorStaffId: id.nullable(),
  collectorName: name,
});

/** A receipt voided (or refunded) on another device; the void applies wherever the receipt is. */
export const receiptVoidedPayload = z.object({
  receiptId: id,
  voidId: id,
  reason: z.string().max(1000),
  voidedAt: z.string().max(40),
  voidedBy: id.nullable(),
  voidedByName: name,
  /** The void's business day on the device that made it. */
  businessDate: day,
  /** The device that voided it, and its office. */
  deviceId: id,
  officeCode: z.string().max(12),
  refund: z.object({ businessDate: day, paidOutBy: id, paidOutByName: name, amount: z.number().int(), voucher: z.string().max(60) }).nullable(),
});

/**
 * Each person's paid-through month per scheme as the central counts it (issue 20 item 1, ADR 0035):
 * the last month of the person's accepted payments whose receipts are not voided, at any office;
 * null when none is left (all voided). Sent after every payment and void of a person of the office,
 * and for each of the office's people in the picture. A scheme absent is not told.
 */
export const paidThroughPayload = z.object({
  participantId: id,
  VSI: month.nullable().optional(),
  HHI: month.nullable().optional(),
});

/** A household of the office as the central holds it: ordered members (canonical ids) with their coverage marks. */
export const householdChangePayload = z.object({
  id,
  headParticipantId: id,
  provinceCode: z.string().max(2),
  communeCode: z.string().max(5),
  addressLine: z.string().max(200),
  members: z.array(z.object({ participantId: id, coveredBy: z.string().max(20).nullable() })).max(100),
  version: z.number().int().nonnegative(),
  /** The device that wrote this version (with `version`, the base of the next change: ADR 0026). */
  deviceId: id.nullable(),
});

/** A person's enrollment in a scheme, set on another device of the office. */
export const enrollmentChangePayload = z.object({
  id,
  participantId: id,
  scheme: z.enum(['VSI', 'HHI']),
  method: z.string().max(40),
  incomeBasis: z.number().int().nullable(),
  fromMonth: month,
  status: z.enum(['active', 'stopped']),
  version: z.number().int().nonnegative(),
  updatedAt: z.string().max(40),
});

/** Another device of the office closed a business day: its collectors' takings and the cash counted. */
export const dayClosedPayload = z.object({
  deviceId: id,
  businessDate: day,
  closedAt: z.string().max(40),
  // Defaults: a closure recorded before names and refunds travelled with it.
  closedByName: name.default(null),
  collectors: z
    .array(
      z.object({
        staffId: id,
        fullName: name.default(null),
        receiptCount: z.number().int(),
        total: z.number().int(),
        refundCount: z.number().int().default(0),
        refundTotal: z.number().int().default(0),
        cashCounted: z.number().int(),
        note: z.string().max(500).nullable(),
      }),
    )
    .max(200),
});

/** Cash a collector handed to the office, recorded on one of its devices (operation `cash.handover`). */
export const cashHandoverChangePayload = z.object({
  id,
  /** The device that recorded it. */
  deviceId: id,
  fromDeviceId: id,
  collectorStaffId: id,
  collectorName: z.string().max(200),
  businessDates: z.array(day).min(1).max(62),
  receiptCount: z.number().int(),
  expected: z.number().int(),
  cashCounted: z.number().int(),
  note: z.string().max(500).nullable(),
  receivedByName: z.string().max(200),
  receivedAt: z.string().max(40),
  receivedOn: day,
});

export const centralChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), payload: participantChangePayload }),
  z.object({ kind: z.literal('reference.contribution-rates'), payload: ratesChangePayload }),
  z.object({ kind: z.literal('reference.admin-units'), payload: adminUnitsChangePayload }),
  z.object({ kind: z.literal('review.settled'), payload: reviewSettledPayload }),
  z.object({ kind: z.literal('office.update-channel'), payload: officeUpdateChannelPayload }),
  z.object({ kind: z.literal('device.key'), payload: deviceKeyPayload }),
  z.object({ kind: z.literal('hamlet'), payload: hamletChangePayload }),
  z.object({ kind: z.literal('field.assignment'), payload: assignmentChangePayload }),
  z.object({ kind: z.literal('visit'), payload: visitChangePayload }),
  z.object({ kind: z.literal('contribution'), payload: contributionChangePayload }),
  z.object({ kind: z.literal('receipt.voided'), payload: receiptVoidedPayload }),
  z.object({ kind: z.literal('paid-through'), payload: paidThroughPayload }),
  z.object({ kind: z.literal('household'), payload: householdChangePayload }),
  z.object({ kind: z.literal('enrollment'), payload: enrollmentChangePayload }),
  z.object({ kind: z.literal('day.closed'), payload: dayClosedPayload }),
  z.object({ kind: z.literal('cash.handover'), payload: cashHandoverChangePayload }),
]);
export type CentralChange = z.infer<typeof centralChange>;
export type CentralChangeKind = CentralChange['kind'];
export type ChangePayload<K extends CentralChangeKind> = Extract<CentralChange, { kind: K }>['payload'];

/**
 * A change as it travels: its place in the feed, and a kind this office may not know yet. The payload
 * is only checked to be an object here (not rebuilt key by key: a page holds thousands), and parsed
 * with `centralChange` once its kind is known.
 */
export const changeEnvelope = z.object({
  seq: z.number().int(),
  kind: z.string().min(1).max(64),
  payload: z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
    message: 'payload must be a JSON object',
  }),
});

export const changesResponse = z.object({
  changes: z.array(changeEnvelope),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  reset: z.boolean().optional(),
});
export type ChangesResponse = z.infer<typeof changesResponse>;
