// What the central says about a receipt's or a refund voucher's payload (ADR 0027): whether the
// device key it names signed it, whether the central has recorded it (an office may work offline
// for days: a genuine receipt not yet synced is said so, not called false), whether it says what
// was recorded, and whether it was voided or its money paid back since — and nothing the paper
// does not show already.
import type { Kysely } from 'kysely';
import { businessDate } from '../../shared/domain/business-date';
import { lastFour, parsePayload, verdict } from '../../shared/verification/receipt-payload';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';

export { centralVerification, type CentralVerification } from '../../shared/verification/central-verification';
import type { CentralVerification } from '../../shared/verification/central-verification';

interface VoidData {
  voidedAt?: string;
  refund?: { businessDate: string; voucher: string; amount: number } | null;
}

/** A receipt's void as stored (receipt_voids.data): the day, and the refund's voucher if money went back. */
export function voidOf(stored: unknown): { on: string; refund: boolean; voucher: string | null } | null {
  const voidData = (stored ? (typeof stored === 'string' ? JSON.parse(stored) : stored) : null) as VoidData | null;
  if (!voidData) return null;
  const refund = voidData.refund ?? null;
  return {
    on: refund?.businessDate ?? (voidData.voidedAt ? businessDate(new Date(voidData.voidedAt)) : ''),
    refund: refund !== null,
    voucher: refund?.voucher ?? null,
  };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The answer to a check of text that is no receipt payload at all. */
export const notAPayload = () =>
  new CentralError(
    400,
    'VALIDATION',
    'Đây không phải mã của biên lai hay phiếu chi BHXH.',
    'This is not the code of a VSS receipt or refund voucher.',
    undefined,
    'p',
  );

/** Null when the text is not a receipt payload at all. */
export async function checkReceipt(db: Kysely<CentralDb>, text: string): Promise<CentralVerification | null> {
  const parsed = parsePayload(text);
  if (!parsed) return null;
  const claim = parsed.claim;
  const { status, key } = await verdict(parsed, (keyId) =>
    db
      .selectFrom('devices')
      .innerJoin('offices', 'offices.code', 'devices.officeCode')
      .select(['devices.publicKey', 'devices.revokedAt', 'offices.code', 'offices.name'])
      .where('devices.keyId', '=', keyId)
      .executeTakeFirst(),
  );
  const receiptLabel = claim.type === 'receipt' ? claim.label : claim.refundOf!;
  const [series, number] = receiptLabel.split('/') as [string, string];
  const row = await db
    .selectFrom('contributions')
    .innerJoin('persons', 'persons.id', 'contributions.personId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
    .select([
      'contributions.total',
      'contributions.scheme',
      'contributions.fromMonth',
      'contributions.months',
      'contributions.method',
      'persons.personalId',
      'receiptVoids.data as voidData',
    ])
    .where('contributions.receiptSeries', '=', series)
    .where('contributions.receiptNumber', '=', Number(number))
    .executeTakeFirst();
  const voidData = (row?.voidData ? (typeof row.voidData === 'string' ? JSON.parse(row.voidData) : row.voidData) : null) as VoidData | null;
  const refund = voidData?.refund ?? null;
  // A voucher is recorded when its receipt's void at the central is that refund, under that number.
  const recorded = row !== undefined && (claim.type === 'receipt' || refund?.voucher === claim.label);
  const matches = recorded
    ? Number(row!.total) === claim.amount &&
      row!.scheme === claim.scheme &&
      row!.fromMonth === claim.periodFrom &&
      // A lump sum for the months missing to a pension is printed in the month it was paid (ADR 0036;
      // receipts issued before it printed the months as a run from that month: both stand).
      (addMonths(row!.fromMonth, row!.months - 1) === claim.periodTo || (row!.method === 'lump-sum-shortfall' && row!.fromMonth === claim.periodTo)) &&
      lastFour(row!.personalId) === claim.personalIdLast4 &&
      (claim.type === 'receipt' || (refund!.amount === claim.amount && refund!.businessDate === claim.businessDate))
    : null;
  return {
    status,
    recorded,
    matches,
    voided: voidOf(voidData),
    receipt: claim,
    office: key ? { code: key.code, name: key.name } : null,
    deviceRevokedAt: key?.revokedAt ? new Date(key.revokedAt).toISOString() : null,
  };
}
