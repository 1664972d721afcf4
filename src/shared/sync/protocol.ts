// The sync wire format between an office device and the central service (docs/protocol.md):
// a batch of operations in device order, and one result per operation. Pure zod, shared by both.
import { z } from 'zod';
import { text } from '../contract/text';

export const wireOp = z.object({
  opId: z.string().regex(/^[0-9a-f-]{36}$/i, { message: 'opId must be a UUID' }),
  seq: z.number().int().positive(),
  kind: z.string().min(1).max(64),
  // A JSON object, taken as it is: each kind's handler validates its fields with its own schema.
  // (`z.record` rebuilt every payload key by key: about 5 % of the central's CPU per batch.)
  payload: z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
    message: 'payload must be a JSON object',
  }),
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'payloadHash must be SHA-256 hex' }),
});
export type WireOp = z.infer<typeof wireOp>;

export const wireBatch = z.object({
  deviceId: z.string().min(1).max(64),
  batchNo: z.number().int().positive(),
  ops: z.array(wireOp).min(1).max(500),
});
export type WireBatch = z.infer<typeof wireBatch>;

export const opStatuses = ['APPLIED', 'DUPLICATE', 'REJECTED', 'HELD'] as const;

export const opError = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string().optional(),
  field: z.string().optional(),
  details: z.unknown().optional(),
});

export type OpError = z.infer<typeof opError>;

export const opResult = z.object({
  opId: z.string(),
  status: z.enum(opStatuses),
  officialNumber: z.string().nullable().optional(),
  canonical: z.object({ canonicalId: z.string(), officialNumber: z.string().nullable().optional(), fullName: z.string().optional() }).nullable().optional(),
  error: opError.nullable().optional(),
  heldClass: z.string().nullable().optional(),
  /** APPLIED, but flagged for review: facts that differ from the central's (FACTS_DIFFER), or months paid already (MONTHS_ALREADY_PAID). */
  review: opError.nullable().optional(),
});
export type OpResult = z.infer<typeof opResult>;

export const batchResponse = z.object({
  deviceId: z.string(),
  batchNo: z.number().int(),
  results: z.array(opResult),
});
export type BatchResponse = z.infer<typeof batchResponse>;

export const enrollRequest = z.object({
  code: text({ min: 6, max: 64 }),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'publicKey must be a base64 raw Ed25519 key' }),
  deviceName: text({ max: 120 }),
});

export const change = z.object({ seq: z.number().int(), kind: z.string(), payload: z.record(z.string(), z.unknown()) });
export const changesResponse = z.object({
  changes: z.array(change),
  nextCursor: z.string().nullable(),
  hasMore: z.boolean(),
  reset: z.boolean().optional(),
});

/** The bytes a device signs: method, path with query, timestamp and the body's SHA-256 hex. */
export function signatureBase(method: string, pathWithQuery: string, timestamp: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${bodySha256Hex}`;
}

/** Offline laptops drift; idempotency (not the clock) is what stops a replay from having effects. */
export const MAX_CLOCK_SKEW_MS = 31 * 24 * 60 * 60 * 1000;
