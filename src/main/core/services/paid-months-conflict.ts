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

/** CONFLICT on fromMonth naming the receipt that paid the months first, the device and the date. */
export async function monthsAlreadyPaid(db: Db, overlap: PaidPeriod): Promise<OfficeError> {
  const by = await paidBy(db, overlap);
  const months = `${overlap.fromMonth === overlap.toMonth ? 'Tháng' : 'Các tháng'} ${vietnameseMonthRange(overlap.fromMonth, overlap.toMonth)}`;
  let where = '';
  let whereEn = '';
  if (by) {
    const who = by.collectorName ? ` · ${by.collectorName}` : '';
    const place = by.thisDevice ? `thu tại máy này${who}` : by.deviceName ? `${by.deviceName}${who}` : `văn phòng ${by.officeCode}${who}`;
    where = ` (biên lai ${by.receipt}, ${place}, ngày ${vietnameseDate(by.businessDate)})`;
    const placeEn = by.thisDevice ? `taken on this device${who}` : by.deviceName ? `${by.deviceName}${who}` : `office ${by.officeCode}${who}`;
    whereEn = ` (receipt ${by.receipt}, ${placeEn}, ${by.businessDate})`;
  }
  return new OfficeError('CONFLICT', {
    field: 'fromMonth',
    vi: `${months} đã được đóng${where}. Chọn kỳ bắt đầu từ tháng chưa đóng.`,
    en: `Months ${overlap.fromMonth}–${overlap.toMonth} are already paid${whereEn}.`,
    details: { paidFrom: overlap.fromMonth, paidTo: overlap.toMonth, ...(by ?? {}) },
  });
}
