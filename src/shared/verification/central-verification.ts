// What the central says about a receipt's or a refund voucher's payload (ADR 0027), shared by the
// central's public check (GET /v1/receipts/verify), its OpenAPI document and the provincial console.
import { z } from 'zod';
import { receiptClaim, verificationStatus } from './receipt-payload';

export const centralVerification = z.object({
  status: verificationStatus,
  /** The central holds the receipt (or the voucher's refund) this payload names. */
  recorded: z.boolean(),
  /** When recorded: whether amount, scheme, period and payer agree with the record. */
  matches: z.boolean().nullable(),
  /** The receipt was voided (on `on`), or its money paid back against a voucher. */
  voided: z.object({ on: z.string(), refund: z.boolean(), voucher: z.string().nullable() }).nullable(),
  receipt: receiptClaim,
  /** The office whose device signed it (as the receipt shows), when the key is known. */
  office: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The signing device was revoked (what it signed before stays genuine). */
  deviceRevokedAt: z.string().nullable(),
});
export type CentralVerification = z.infer<typeof centralVerification>;
