// The signed payload printed as a QR code on every receipt and refund voucher (ADR 0027): what the
// paper says — label, amount, scheme, period, business date, the payer's personal ID masked to its
// last four digits, the id of the device key that signed it — as one short, URL-safe line of text,
// followed by the device's Ed25519 signature of everything before it:
//
//   FO1.R.DEMO01-3F2A/0000042.1350000.VSI.202601-202603.20260105.6789.q4Sx0Jb2cXg.<signature>
//   FO1.V.HT-DEMO01-3F2A/0000001.1350000.VSI.202601-202603.20260110.6789.DEMO01-3F2A/0000042.q4Sx0Jb2cXg.<signature>
//
// Checked with WebCrypto's Ed25519 (Node ≥ 20, Electron, browsers): the office core, the central
// and the console read and decide the same way from this one file.
import { z } from 'zod';

export const PAYLOAD_VERSION = 'FO1';

/** What a receipt (R) or a refund voucher (V) says about itself, as printed. */
export const receiptClaim = z.object({
  type: z.enum(['receipt', 'refund']),
  /** The receipt's label, or the voucher's (`HT-…`). */
  label: z.string(),
  amount: z.number().int(),
  scheme: z.enum(['VSI', 'HHI']),
  periodFrom: z.string(),
  periodTo: z.string(),
  /** The day the money was taken (receipt) or paid back (voucher). */
  businessDate: z.string(),
  personalIdLast4: z.string(),
  /** A voucher's receipt: the one it pays back. */
  refundOf: z.string().nullable(),
  /** The signing device key's id (keyIdOf its raw public key). */
  keyId: z.string(),
});
export type ReceiptClaim = z.infer<typeof receiptClaim>;

const LABEL = /^(HT-)?[A-Z0-9]{2,12}-[0-9A-F]{4}\/\d{7}$/;
const MONTH = /^(\d{4})(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})(\d{2})(\d{2})$/;
const KEY_ID = /^[A-Za-z0-9_-]{11}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

const month = (m: string) => m.replace('-', '');
const day = (d: string) => d.replace(/-/g, '');

/** The text the device signs: every field, in a fixed order, behind the version and the type. */
export function claimMessage(c: ReceiptClaim): string {
  const fields = [
    PAYLOAD_VERSION,
    c.type === 'receipt' ? 'R' : 'V',
    c.label,
    String(c.amount),
    c.scheme,
    `${month(c.periodFrom)}-${month(c.periodTo)}`,
    day(c.businessDate),
    c.personalIdLast4,
    ...(c.type === 'refund' ? [c.refundOf ?? ''] : []),
    c.keyId,
  ];
  return fields.join('.');
}

export function encodePayload(c: ReceiptClaim, signature: Uint8Array): string {
  return `${claimMessage(c)}.${base64Url(signature)}`;
}

/** The payer's personal ID as the paper shows it: only the last four digits. */
export function lastFour(personalId: string): string {
  return personalId.replace(/\D/g, '').slice(-4).padStart(4, '0');
}

export interface ParsedPayload {
  claim: ReceiptClaim;
  /** The signed text (everything before the signature). */
  message: string;
  signature: Uint8Array<ArrayBuffer>;
}

/**
 * Reads a payload as scanned or pasted: the bare text, or the verify page's URL carrying it in `p`
 * (what the QR holds); spaces and line breaks a scanner or a paste adds are ignored. Null when the
 * text is not a receipt payload at all.
 */
export function parsePayload(input: string): ParsedPayload | null {
  const text = payloadText(input);
  if (!text || text.length > 400) return null;
  const parts = text.split('.');
  const [version, type] = parts;
  if (version !== PAYLOAD_VERSION || (type !== 'R' && type !== 'V')) return null;
  if (parts.length !== (type === 'R' ? 10 : 11)) return null;
  const [, , label, amount, scheme, period, date, last4, ...rest] = parts as string[];
  const refundOf = type === 'V' ? rest.shift()! : null;
  const [keyId, signature] = rest as [string, string];
  const [from, to] = (period ?? '').split('-');
  const mFrom = MONTH.exec(from ?? '');
  const mTo = MONTH.exec(to ?? '');
  const d = DAY.exec(date ?? '');
  if (!LABEL.test(label!) || (type === 'R') === label!.startsWith('HT-')) return null;
  if (refundOf !== null && (!LABEL.test(refundOf) || refundOf.startsWith('HT-'))) return null;
  if (!/^\d{1,12}$/.test(amount!) || (scheme !== 'VSI' && scheme !== 'HHI') || !mFrom || !mTo || !d || !/^\d{4}$/.test(last4!)) return null;
  if (!KEY_ID.test(keyId) || !SIGNATURE.test(signature)) return null;
  const claim: ReceiptClaim = {
    type: type === 'R' ? 'receipt' : 'refund',
    label: label!,
    amount: Number(amount),
    scheme,
    periodFrom: `${mFrom[1]}-${mFrom[2]}`,
    periodTo: `${mTo[1]}-${mTo[2]}`,
    businessDate: `${d[1]}-${d[2]}-${d[3]}`,
    personalIdLast4: last4!,
    refundOf,
    keyId,
  };
  return { claim, message: text.slice(0, text.lastIndexOf('.')), signature: fromBase64Url(signature) };
}

/** The payload inside what was scanned: a verify URL's `p`, or the text itself. */
export function payloadText(input: string): string {
  const text = input.replace(/\s+/g, '');
  const at = text.search(/[?&]p=/);
  if (at < 0) return text;
  const value = text.slice(at + 3).split('&')[0] ?? '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A printed receipt or voucher label (`DEMO01-3F2A/0000042`, `HT-…`; the number's leading zeros may be left out). */
export const RECEIPT_LABEL = /^(HT-)?[A-Z0-9]{2,12}-[0-9A-F]{4}\/\d{1,7}$/i;

/** Whether a search box holds a receipt's code (scanned) or label rather than a person's name or number. */
export function looksLikeReceipt(text: string): boolean {
  const t = text.trim();
  return RECEIPT_LABEL.test(t) || /(^|[?&]p=)FO1\.[RV]\./.test(t.replace(/\s+/g, ''));
}

/** The verify page's address for a payload: what the QR encodes (the bare payload with no central known yet). */
export function verifyUrl(centralUrl: string | null, payload: string): string {
  if (!centralUrl) return payload;
  // '/' and '.' need no escaping in a query: the code stays short enough for a small QR.
  return `${centralUrl.replace(/\/+$/, '')}/verify?p=${payload}`;
}

export const verificationStatus = z.enum(['GENUINE', 'FORGED', 'UNKNOWN_DEVICE']);
export type VerificationStatus = z.infer<typeof verificationStatus>;

/**
 * The verdict on a parsed payload: signed by the key it names (GENUINE), by nobody this verifier
 * knows (UNKNOWN_DEVICE), or not by that key — altered, or made up (FORGED).
 */
export async function verdict<K extends { publicKey: string }>(
  parsed: ParsedPayload,
  keyOf: (keyId: string) => K | undefined | Promise<K | undefined>,
): Promise<{ status: VerificationStatus; key: K | null }> {
  const key = await keyOf(parsed.claim.keyId);
  if (!key) return { status: 'UNKNOWN_DEVICE', key: null };
  return { status: (await signedBy(parsed, key.publicKey)) ? 'GENUINE' : 'FORGED', key };
}

/** Whether the payload's signature is the given raw Ed25519 key's (base64) over its text. */
export async function signedBy(parsed: ParsedPayload, publicKeyBase64: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', fromBase64(publicKeyBase64), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, parsed.signature, new TextEncoder().encode(parsed.message));
  } catch {
    // A key that is not 32 bytes, a signature not 64: not signed by it.
    return false;
  }
}

/** A device key's id: the first 8 bytes of the SHA-256 of its raw 32 bytes, base64url (11 characters). */
export async function keyIdOf(publicKeyBase64: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', fromBase64(publicKeyBase64)));
  return base64Url(digest.subarray(0, 8));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}
