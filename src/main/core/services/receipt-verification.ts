// receipts.verify: a payload scanned from a receipt or a refund voucher, checked offline against
// the keys this office knows — its own, its own retired ones (a restored copy), and every device
// key of the province pulled from the central, revoked ones included (ADR 0027) — and the receipt
// it names looked up in this store, whichever device of the province issued it.
import { OfficeError } from '../../../shared/contract/errors';
import type { ReceiptVerification } from '../../../shared/contract/verification';
import { keyIdOf, lastFour, parsePayload, RECEIPT_LABEL, type ReceiptClaim, verdict } from '../../../shared/verification/receipt-payload';
import type { CoreContext } from '../core-context';
import { findDeviceKey } from '../db/repositories/device-keys-repository';
import { findOffice } from '../db/repositories/office-repository';
import { findReceiptByLabel } from '../db/repositories/signed-documents-repository';
import { centralAddress } from '../db/repositories/sync-state-repository';
import { deviceKeys } from './receipt-signing';

type KnownKey = { publicKey: string; device: NonNullable<ReceiptVerification['device']> };

async function keyFor(ctx: CoreContext, keyId: string): Promise<KnownKey | undefined> {
  const own = deviceKeys(ctx.sync?.keyStore);
  const state = await centralAddress(ctx.db);
  const office = await findOffice(ctx.db);
  if (own && (await keyIdOf(own.publicKey)) === keyId) {
    return {
      publicKey: own.publicKey,
      device: { keyId, deviceId: state.centralDeviceId, officeCode: office?.code ?? null, name: null, revokedAt: null, own: true },
    };
  }
  const row = await findDeviceKey(ctx.db, keyId);
  if (!row) return undefined;
  return {
    publicKey: row.publicKey,
    device: {
      keyId,
      deviceId: row.deviceId,
      officeCode: row.officeCode,
      name: row.name,
      revokedAt: row.revokedAt,
      own: row.source === 'own-retired',
    },
  };
}

/** The document the label names in this store: a receipt, or the receipt a voucher paid back. */
export async function findByLabel(ctx: CoreContext, label: string) {
  const [series, number] = label.trim().toUpperCase().split('/');
  if (!series || !number || !/^\d{1,9}$/.test(number)) return undefined;
  return findReceiptByLabel(ctx.db, series, Number(number));
}

function sameAsStored(claim: ReceiptClaim, row: NonNullable<Awaited<ReturnType<typeof findByLabel>>>): boolean {
  const day = claim.type === 'refund' ? row.voidDate : row.businessDate;
  return (
    claim.amount === row.amount &&
    claim.scheme === row.scheme &&
    claim.periodFrom === row.periodFrom &&
    claim.periodTo === row.periodTo &&
    claim.businessDate === day &&
    claim.personalIdLast4 === lastFour(row.payerPersonalId)
  );
}

/** The receipt a label or a scanned code names, in this store (the search box opens it). */
export async function lookupReceipt(ctx: CoreContext, text: string): Promise<{ receiptId: string | null }> {
  const label = parsePayload(text)?.claim.label ?? text.trim().toUpperCase();
  if (!RECEIPT_LABEL.test(label)) return { receiptId: null };
  const [series, number] = label.split('/') as [string, string];
  return { receiptId: (await findByLabel(ctx, `${series}/${number.padStart(7, '0')}`))?.id ?? null };
}

export async function verifyReceipt(ctx: CoreContext, input: { payload: string }): Promise<ReceiptVerification> {
  const parsed = parsePayload(input.payload);
  if (!parsed) {
    throw new OfficeError('VALIDATION', {
      field: 'payload',
      vi: 'Đây không phải mã của biên lai hay phiếu chi BHXH (mã bắt đầu bằng FO1).',
      en: 'This is not the code of a VSS receipt or refund voucher (it starts with FO1).',
    });
  }
  const { status, key } = await verdict(parsed, (keyId) => keyFor(ctx, keyId));
  const row = await findByLabel(ctx, parsed.claim.label);
  return {
    status,
    receipt: parsed.claim,
    device: key?.device ?? null,
    local: row
      ? {
          receiptId: row.id,
          matches: sameAsStored(parsed.claim, row),
          voided: row.voidId !== null,
          refundedOn: row.refundPaidBy ? row.voidDate : null,
        }
      : null,
  };
}
