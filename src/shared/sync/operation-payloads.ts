// The payload of each operation kind (operations.ts joins them into the one union), field by field
// as an office writes it. Fields the central does not read are declared too, so a payload parsed at
// the central keeps everything the office sent (zod drops undeclared keys); fields older releases
// did not send are optional (`coverage`, `memberPosition`, `refund`), and the central reads a
// person's ethnicity as any short text, as earlier releases typed it freely.
import { z } from 'zod';
import { appliedSupport, appliedTopUp, contributionLine, paymentMethods, schemes, voidReason } from '../contract/contribution';
import { otherCoverages } from '../contract/household';
import { participantFields } from '../contract/participant';
import { dong, isoDate, isoMonth, uuid } from '../contract/primitives';

/** Instants stamped by the device clock (UTC ISO); never used for ordering. */
const instant = z.string().min(1).max(40);
/** A staff member's id; null for what the system did by itself. */
const staffId = uuid.nullable();
const version = z.number().int().positive();

/** A person as registered: the clerk's fields and the record's own (ids, numbers, version). */
export const participantRegisterPayload = participantFields.extend({
  id: uuid,
  householdId: uuid.nullable().optional(),
  officialNumber: z.string().max(20).nullable().optional(),
  canonicalId: z.string().max(64).nullable().optional(),
  version,
  createdAt: instant.optional(),
  updatedAt: instant.optional(),
  /** Sent again after the supervisor checked a possible duplicate the central held (ADR 0014). */
  duplicateReviewed: z.boolean().optional(),
  duplicateReviewNote: z.string().max(1000).optional(),
});

/** A person as changed, with the version the change was made on (a newer central one is a CONFLICT). */
export const participantUpdatePayload = participantRegisterPayload
  .omit({ duplicateReviewed: true, duplicateReviewNote: true })
  .extend({ baseVersion: z.number().int().nonnegative() });

/** A new household, with its first member list (the head). */
export const householdCreatePayload = z.object({
  id: uuid,
  headParticipantId: uuid,
  provinceCode: z.string().max(2),
  communeCode: z.string().max(5),
  addressLine: z.string().max(200),
  memberIds: z.array(uuid).max(100),
  version,
  createdAt: instant,
  updatedAt: instant,
});

/**
 * The list a household change was made on: its version and the device that wrote that version (a
 * version number alone does not say whose list it was: two devices can both make "version 2").
 * The central refuses a change whose base is not the list it holds (ADR 0026).
 */
export const householdBase = z.object({ version: z.number().int().nonnegative(), deviceId: z.string().max(64).nullable() });

/** A household's member list in its order, and the members another scheme insures. */
export const householdSetMembersPayload = z.object({
  householdId: uuid,
  memberIds: z.array(uuid).max(100),
  coverage: z.record(z.string(), z.enum(otherCoverages)).optional(),
  version,
  /** Absent from releases before the office picture: the central then only refuses a version it already has. */
  base: householdBase.optional(),
});

export const enrollmentSetPayload = z.object({
  id: uuid,
  participantId: uuid,
  scheme: z.enum(schemes),
  method: z.enum(paymentMethods),
  incomeBasis: dong.nullable(),
  fromMonth: isoMonth,
  status: z.enum(['active', 'stopped']),
  version,
  createdBy: staffId,
  createdAt: instant,
  updatedAt: instant,
});

/** A payment and its receipt; the central recomputes `total` from the facts and schedule named here. */
export const contributionRecordPayload = z.object({
  id: uuid,
  participantId: uuid,
  householdId: uuid.nullable().optional(),
  memberPosition: z.number().int().positive().nullable().optional(),
  scheme: z.enum(schemes),
  method: z.enum(paymentMethods),
  fromMonth: isoMonth,
  months: z.number().int().positive().max(120),
  incomeBasis: dong.nullable().optional(),
  /** The category the office derived from the payer's facts for this scheme and payment date (the central derives its own to compare). */
  supportCategory: z.string().max(40),
  /** The rule and the province's top-up the amount followed (offices before they were kept send neither). */
  support: appliedSupport.nullable().optional(),
  topUp: appliedTopUp.nullable().optional(),
  /** The payer's province the office priced the top-up by (offices before it was sent: the top-up's own, or none). */
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /**
   * The lump sum for missing years: months contributed before it that it was priced on — the SI book's
   * figure, never fewer than the months the office knew were paid (ADR 0036).
   */
  contributedMonths: z.number().int().min(0).max(1200).nullable().optional(),
  /** The SI book's figure as the clerk typed it, kept for the audit when the office knew more. */
  contributedMonthsFromBook: z.number().int().min(0).max(1200).optional(),
  supportedMonthsUsed: z.number().int().nonnegative().optional(),
  paidOn: isoDate,
  total: dong,
  lines: z.array(contributionLine).max(1200),
  referenceVersion: z.string().min(1).max(64),
  collectorStaffId: staffId.optional(),
  /** The collector's name as printed on the receipt: the office's other devices show who took it. */
  collectorName: z.string().max(200).optional(),
  receipt: z.object({
    id: uuid,
    series: z.string().min(1).max(40),
    number: z.number().int().positive(),
    /** The receipt's business day on the device that issued it (its day-end counts it there). */
    businessDate: isoDate.optional(),
    issuedAt: instant.optional(),
  }),
});

/** Money paid back the day a closed day's receipt is voided, from that staff member's cash (ADR 0016). */
const refund = z.object({ businessDate: isoDate, paidOutBy: uuid, paidOutByName: z.string().max(200).optional(), amount: dong, voucher: z.string().max(60) });

export const receiptVoidPayload = z.object({
  id: uuid,
  receiptId: uuid,
  contributionId: uuid,
  /** The office's own rule for a void's reason, so a reason the office accepts is one the central stores. */
  reason: voidReason,
  voidedAt: instant,
  voidedBy: staffId,
  /** Names travel with the ids: staff accounts are per device, and the office's other devices show who. */
  voidedByName: z.string().max(200).optional(),
  /** The business day of the void on the device that made it. */
  businessDate: isoDate.optional(),
  refund: refund.optional(),
});

/** One collector's takings on a closed day, and the cash counted. */
const collectorTotals = z.object({
  staffId: uuid,
  fullName: z.string().max(200).optional(),
  receiptCount: z.number().int().nonnegative(),
  total: dong,
  refundCount: z.number().int().nonnegative().optional(),
  refundTotal: dong.optional(),
  cashCounted: dong,
  note: z.string().max(500).nullable(),
});

export const dayClosePayload = z.object({
  businessDate: isoDate,
  closedAt: instant,
  closedBy: staffId,
  closedByName: z.string().max(200).optional(),
  collectors: z.array(collectorTotals).max(200),
});

/**
 * Cash a collector of another device of the office (a field officer's laptop) handed to the office,
 * received and counted by a supervisor against that collector's receipts of those days as this
 * device knew them (`expected`: takings less refunds paid out); a difference carries a note.
 */
export const cashHandoverPayload = z.object({
  id: uuid,
  /** The device whose collector handed the cash over. */
  fromDeviceId: z.string().min(1).max(64),
  collectorStaffId: uuid,
  collectorName: z.string().max(200),
  businessDates: z.array(isoDate).min(1).max(62),
  receiptCount: z.number().int().nonnegative(),
  expected: z.number().int(),
  cashCounted: dong,
  note: z.string().max(500).nullable(),
  receivedBy: uuid,
  receivedByName: z.string().max(200),
  receivedAt: instant,
  /** The receiving device's business day. */
  receivedOn: isoDate,
});
