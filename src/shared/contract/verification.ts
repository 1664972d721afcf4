// Receipt verification in the contract (ADR 0027): a scanned or pasted payload checked offline
// against the device keys of the province, and what this store knows of the receipt it names.
import { z } from 'zod';
import { receiptClaim, verificationStatus } from '../verification/receipt-payload';
import { says } from './input-messages';
import { text } from './text';

export const verifyReceiptInput = z.object({
  /** The QR code's text as a scanner types it or a clerk pastes it: the payload, or the verify page's address holding it. */
  payload: text({ max: 2000, multiline: true, tooShort: says('Quét hoặc dán mã trên biên lai.', 'Scan or paste the code on the receipt.') }),
});

export const receiptVerification = z.object({
  /** GENUINE: signed by the device key it names; FORGED: altered or made up; UNKNOWN_DEVICE: signed by a key this office does not know (pull from the central first). */
  status: verificationStatus,
  /** What the payload says, as printed (the personal ID only by its last four digits). */
  receipt: receiptClaim,
  /** The device whose key signed it, when known. */
  device: z
    .object({
      keyId: z.string(),
      deviceId: z.string().nullable(),
      officeCode: z.string().nullable(),
      name: z.string().nullable(),
      revokedAt: z.string().nullable(),
      /** This device's own key (current, or retired after a restore). */
      own: z.boolean(),
    })
    .nullable(),
  /** The receipt in this office's store (issued here, or pulled), and whether it says the same. */
  local: z
    .object({
      receiptId: z.string(),
      matches: z.boolean(),
      voided: z.boolean(),
      refundedOn: z.string().nullable(),
    })
    .nullable(),
});
export type ReceiptVerification = z.infer<typeof receiptVerification>;

export const lookupReceiptInput = z.object({
  /** A receipt's or voucher's label, or its QR code's text. */
  text: text({ max: 2000, multiline: true }),
});
export const lookupReceiptOutput = z.object({ receiptId: z.string().nullable() });
