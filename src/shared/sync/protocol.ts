// The sync wire format between an office device and the central service (docs/protocol.md):
// a batch of operations in device order (each checked against operations.ts by the central), the
// enrollment and the signed-request rules. Results are in op-results.ts, the pull feed in changes.ts.
import { z } from 'zod';
import { text } from '../contract/text';
import { batchAudit } from './operations';

export const wireOp = z.object({
  opId: z.string().regex(/^[0-9a-f-]{36}$/i, { message: 'opId must be a UUID' }),
  seq: z.number().int().positive(),
  // Any kind: one the central does not know is that operation's UNKNOWN_KIND, not the batch's refusal.
  kind: z.string().min(1).max(64),
  // A JSON object, taken as it is here: the central checks the payload hash over it as sent, then
  // parses kind and payload against the operation union (operations.ts), once, per operation.
  // (`z.record` rebuilt every payload key by key: about 5 % of the central's CPU per batch.)
  payload: z.custom<Record<string, unknown>>((value) => value !== null && typeof value === 'object' && !Array.isArray(value), {
    message: 'payload must be a JSON object',
  }),
  payloadHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'payloadHash must be SHA-256 hex' }),
});
export type WireOp = z.infer<typeof wireOp>;

export const wireBatch = z
  .object({
    deviceId: z.string().min(1).max(64),
    batchNo: z.number().int().positive(),
    ops: z.array(wireOp).max(500),
    /** The device's audit entries not sent before and its signed head (ADR 0028); absent from batches of earlier releases. */
    audit: batchAudit.optional(),
  })
  .refine((batch) => batch.ops.length > 0 || (batch.audit?.entries.length ?? 0) > 0, { message: 'a batch holds operations or audit entries', path: ['ops'] });
export type WireBatch = z.infer<typeof wireBatch>;

export const enrollRequest = z.object({
  code: text({ min: 6, max: 64 }),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'publicKey must be a base64 raw Ed25519 key' }),
  deviceName: text({ max: 120 }),
});

export const enrollResponse = z.object({
  deviceId: z.string().min(1).max(64),
  officeCode: z.string(),
  provinceCode: z.string(),
  /** The central's raw Ed25519 public key (base64): verifies result files. */
  centralPublicKey: z.string().nullable().optional(),
  /** The age X25519 recipient (age1…) the device seals its batch files to. */
  centralSealingRecipient: z.string().nullable().optional(),
});
export type EnrollResponse = z.infer<typeof enrollResponse>;

/** Every refusal, whatever the route: only a 5xx means "retry". */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string().optional(),
    field: z.string().optional(),
    details: z.unknown().optional(),
  }),
});

/** The bytes a device signs: method, path with query, timestamp and the body's SHA-256 hex. */
export function signatureBase(method: string, pathWithQuery: string, timestamp: string, bodySha256Hex: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${bodySha256Hex}`;
}

/** Offline laptops drift; idempotency (not the clock) is what stops a replay from having effects. */
export const MAX_CLOCK_SKEW_MS = 31 * 24 * 60 * 60 * 1000;
