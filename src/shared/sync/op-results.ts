// What the central answers for each operation of a batch: one result per operation, by status,
// with a code from a closed set. The central can only write these codes (its `rejected`, held and
// review results are typed by them); the office parses every batch reply with `batchResponse`. A
// new code is a change of the protocol: the office release that knows it ships first
// (docs/protocol.md, "Adding an operation").
import { z } from 'zod';
import { auditAck } from './operations';

/** Why an operation was refused; nothing of it was written. */
export const rejectionCodes = [
  'VALIDATION',
  'AMOUNT_MISMATCH',
  'RECEIPT_NUMBER_TAKEN',
  'REFERENCE_UNKNOWN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_PERSON',
  'PAYLOAD_HASH',
  'UNKNOWN_KIND',
  'ID_REUSE',
  'UNPROCESSABLE',
] as const;
/** Why an operation was accepted for review but not applied. */
export const heldClasses = ['POSSIBLE_DUPLICATE', 'PERSON_NOT_ACCEPTED'] as const;
/** Why an applied operation is flagged for review (ADR 0015). */
export const reviewCodes = ['MONTHS_ALREADY_PAID', 'FACTS_DIFFER'] as const;

export type RejectionCode = (typeof rejectionCodes)[number];
export type HeldClass = (typeof heldClasses)[number];
export type ReviewCode = (typeof reviewCodes)[number];
export const opResultCodes = [...rejectionCodes, ...heldClasses, ...reviewCodes] as const;
export type OpResultCode = (typeof opResultCodes)[number];

const problem = <const C extends readonly [string, ...string[]]>(codes: C) =>
  z.object({
    code: z.enum(codes),
    message: z.string(),
    messageEn: z.string(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  });

export const opRejection = problem(rejectionCodes);
export const opHold = problem(heldClasses);
export const opReview = problem(reviewCodes);
export type OpRejection = z.infer<typeof opRejection>;
export type OpHold = z.infer<typeof opHold>;
export type OpReview = z.infer<typeof opReview>;
/** The problem a result carries, whichever its status. */
export type OpProblem = OpRejection | OpHold | OpReview;

const opId = z.string().min(1).max(64);

export const opResult = z.discriminatedUnion('status', [
  z.object({
    opId,
    status: z.literal('APPLIED'),
    /** A new person's official number; a corrected person's, unchanged. */
    officialNumber: z.string().nullable().optional(),
    /** Applied, but flagged for review: facts that differ from the central's, or months paid already. */
    review: opReview.optional(),
  }),
  z.object({
    opId,
    status: z.literal('DUPLICATE'),
    /** The person already registered nationally under this personal ID; the local id is now an alias. */
    canonical: z.object({ canonicalId: z.string(), officialNumber: z.string().nullable().optional(), fullName: z.string().optional() }),
  }),
  z.object({ opId, status: z.literal('REJECTED'), error: opRejection }),
  z.object({ opId, status: z.literal('HELD'), heldClass: z.enum(heldClasses), error: opHold }),
]);
export type OpResult = z.infer<typeof opResult>;
export type OpStatus = OpResult['status'];

export const batchResponse = z.object({
  deviceId: z.string(),
  batchNo: z.number().int(),
  results: z.array(opResult),
  /** What the central holds of the device's audit chain after this batch, signed (ADR 0028); absent from centrals of earlier releases. */
  auditAck: auditAck.optional(),
});
export type BatchResponse = z.infer<typeof batchResponse>;

/** A refused operation's result. */
export function rejected(opId: string, code: RejectionCode, message: string, messageEn: string, field?: string, details?: unknown): OpResult {
  return { opId, status: 'REJECTED', error: { code, message, messageEn, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } };
}
