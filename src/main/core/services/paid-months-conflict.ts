// The refusal of months already paid (issue 20 item 3): wherever in the office they were paid as of
// the last pull — on this device or another, or at another office for a person of this one — the
// clerk is told which receipt paid them, where (the device's name and who collected), and when, so
// the payer can be shown it and no month is paid twice inside the office.
import type { Kysely, Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { vietnameseDate, vietnameseMonthRange } from '../../../shared/domain/business-date';
import { ownReceiptOf, type PaidPeriod } from '../db/repositories/contributions-repository';
import { deviceName } from '../db/repositories/office-devices-repository';
import { findPulledByReceipt, pulledLabel } from '../db/repositories/pulled-payments-repository';
import { receiptLabel } from '../db/repositories/receipt-numbers';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

interface PaidBy {
  receipt: string;
  receiptId: string;
  businessDate: string;
  collectorName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  officeCode: string;
  thisDevice: boolean;
}

async function paidBy(db: Db, period: PaidPeriod): Promise<PaidBy | null> {
  if (period.pulled) {
    const p = await findPulledByReceipt(db, period.receiptId);
    if (!p) return null;
    return {
      receipt: pulledLabel(p),
      receiptId: p.receiptId,
      businessDate: p.businessDate,
      collectorName: p.collectorName,
      deviceId: p.sourceDeviceId,
      deviceName: p.deviceName ?? (await deviceName(db, p.sourceDeviceId)),
      officeCode: p.officeCode,
      thisDevice: false,
    };
  }
  const r = await ownReceiptOf(db, period.receiptId);
  if (!r) return null;
  return {
    receipt: receiptLabel(r.series, r.number),
    receiptId: period.receiptId,
    businessDate: r.businessDate,
    collectorName: r.collectorName,
    deviceId: null,
    deviceName: null,
    officeCode: r.code,
    thisDevice: true,
  };
}

/** " (biên lai …, where, ngày …)" in both languages, or nothing when the receipt is not found. */
function whereText(by: PaidBy | null): { vi: string; en: string } {
  if (!by) return { vi: '', en: '' };
  const who = by.collectorName ? ` · ${by.collectorName}` : '';
  const place = by.thisDevice ? `thu tại máy này${who}` : by.deviceName ? `${by.deviceName}${who}` : `văn phòng ${by.officeCode}${who}`;
  const placeEn = by.thisDevice ? `taken on this device${who}` : by.deviceName ? `${by.deviceName}${who}` : `office ${by.officeCode}${who}`;
  return { vi: ` (biên lai ${by.receipt}, ${place}, ngày ${vietnameseDate(by.businessDate)})`, en: ` (receipt ${by.receipt}, ${placeEn}, ${by.businessDate})` };
}

/** CONFLICT on fromMonth naming the receipt that paid the months first, the device and the date. */
export async function monthsAlreadyPaid(db: Db, overlap: PaidPeriod): Promise<OfficeError> {
  const by = await paidBy(db, overlap);
  const months = `${overlap.fromMonth === overlap.toMonth ? 'Tháng' : 'Các tháng'} ${vietnameseMonthRange(overlap.fromMonth, overlap.toMonth)}`;
  const where = whereText(by);
  return new OfficeError('CONFLICT', {
    field: 'fromMonth',
    vi: `${months} đã được đóng${where.vi}. Chọn kỳ bắt đầu từ tháng chưa đóng.`,
    en: `Months ${overlap.fromMonth}–${overlap.toMonth} are already paid${where.en}.`,
    details: { paidFrom: overlap.fromMonth, paidTo: overlap.toMonth, ...(by ?? {}) },
  });
}

/**
 * CONFLICT on method: the months missing to a pension were paid at once already (here or on another
 * device of the office), so the condition is met — whatever the SI book, not yet updated, shows (ADR 0036).
 */
export async function shortfallAlreadyPaid(db: Db, earlier: PaidPeriod): Promise<OfficeError> {
  const by = await paidBy(db, earlier);
  const where = whereText(by);
  return new OfficeError('CONFLICT', {
    field: 'method',
    vi: `Người này đã đóng một lần ${earlier.months} tháng còn thiếu để hưởng lương hưu${where.vi}: không đóng lần nữa.`,
    en: `The ${earlier.months} months missing to a pension were paid at once already${where.en}: not again.`,
    details: { months: earlier.months, ...(by ?? {}) },
  });
}
