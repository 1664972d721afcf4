// Signs what a receipt or a refund voucher says with this device's Ed25519 key (ADR 0027), once:
// the payload is kept under the label it is printed with, so every reprint carries the same QR
// code, and a store restored from a copy keeps its old key's signatures (the new key signs only
// what is new). Only documents of a series this store issued are signed here: a receipt another
// device issued is that device's to vouch for.
import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { Receipt } from '../../../shared/contract/contribution';
import { claimMessage, encodePayload, keyIdOf, lastFour, type ReceiptClaim, verifyUrl } from '../../../shared/verification/receipt-payload';
import type { CoreContext } from '../core-context';
import * as documents from '../db/repositories/signed-documents-repository';
import { centralAddress } from '../db/repositories/sync-state-repository';
import { type DeviceKeyPair, type DeviceKeyStore, generateDeviceKeyPair } from '../sync/device-key-store';

export type Verification = { payload: string; url: string };

/** Every store has its key from its first start, so the first receipt is signed before enrollment. */
export function ensureDeviceKey(store: DeviceKeyStore, log: (error: unknown) => void): void {
  try {
    if (!store.load()) store.save(generateDeviceKeyPair());
  } catch (error) {
    // A key the OS keychain no longer opens (a reset user profile) is left as it is, never
    // replaced: the office works on, its receipts unsigned, until the device is enrolled again.
    log(error);
  }
}

/** The device's key pair, or null when there is none or it cannot be read. */
export function deviceKeys(store: DeviceKeyStore | undefined): DeviceKeyPair | null {
  try {
    return store?.load() ?? null;
  } catch {
    return null;
  }
}

const signers = new Map<string, { key: KeyObject; keyId: Promise<string> }>();

function signerOf(pair: DeviceKeyPair) {
  let signer = signers.get(pair.publicKey);
  if (!signer) {
    signer = {
      key: createPrivateKey({ key: Buffer.from(pair.privateKey, 'base64'), format: 'der', type: 'pkcs8' }),
      keyId: keyIdOf(pair.publicKey),
    };
    signers.set(pair.publicKey, signer);
  }
  return signer;
}

type Signable = Pick<Receipt, 'id' | 'label' | 'amount' | 'scheme' | 'periodFrom' | 'periodTo' | 'businessDate' | 'payerPersonalId' | 'void'>;

/** The receipt's payload and the voucher's (when refunded), made and kept now if not yet. */
export async function verificationsOf(ctx: CoreContext, r: Signable): Promise<{ receipt: Verification | null; voucher: Verification | null }> {
  const refund = r.void?.refund ?? null;
  const labels = refund ? [r.label, refund.voucher] : [r.label];
  const kept = await documents.keptPayloads(ctx.db, labels);
  const { centralUrl } = await centralAddress(ctx.db);
  const issuedHere = await documents.ownSeries(
    ctx.db,
    labels.map((label) => label.split('/')[0]!),
  );
  const payloadFor = async (claim: Omit<ReceiptClaim, 'keyId'>): Promise<string | null> => {
    const known = kept.get(claim.label);
    if (known) return known;
    const pair = issuedHere.has(claim.label.split('/')[0]!) ? deviceKeys(ctx.sync?.keyStore) : null;
    if (!pair) return null;
    const signer = signerOf(pair);
    const full = { ...claim, keyId: await signer.keyId };
    const payload = encodePayload(full, sign(null, Buffer.from(claimMessage(full)), signer.key));
    // A call beside this one may have kept its payload first: that one is the document's.
    return documents.keepPayload(ctx.db, { label: claim.label, receiptId: r.id, payload, signedAt: ctx.clock.now().toISOString() });
  };
  const common = { amount: r.amount, scheme: r.scheme, periodFrom: r.periodFrom, periodTo: r.periodTo, personalIdLast4: lastFour(r.payerPersonalId) };
  const receipt = await payloadFor({ ...common, type: 'receipt', label: r.label, businessDate: r.businessDate, refundOf: null });
  const voucher = refund ? await payloadFor({ ...common, type: 'refund', label: refund.voucher, businessDate: refund.businessDate, refundOf: r.label }) : null;
  const withUrl = (payload: string | null) => (payload ? { payload, url: verifyUrl(centralUrl, payload) } : null);
  return { receipt: withUrl(receipt), voucher: withUrl(voucher) };
}
