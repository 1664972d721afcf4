// Cash paid back to a payer (ADR 0016): whose cash pays it — an active staff member of this device,
// the supervisor by default — and the numbered voucher it goes against, taken in the refund's
// transaction so that a refused refund skips no number. Used for this device's receipts of closed
// days and for the office's other devices' receipts a supervisor refunds here (ADR 0026).
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import type { Caller } from '../core-context';
import { deviceSeries, takeReceiptNumber, voucherSeries } from '../db/repositories/receipt-numbers';
import type { Database } from '../db/schema';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { findStaffById, staffFullName } from '../db/repositories/staff-repository';

/** The staff member whose cash pays the refund, checked active; with their name for the record. */
export async function refundPayerOf(trx: Transaction<Database>, caller: Caller, paidOutBy: string | undefined): Promise<{ id: string; fullName: string }> {
  const payer = paidOutBy ?? caller.staffId!;
  const staff = await findStaffById(trx, payer);
  if (!staff?.active) {
    throw new OfficeError('VALIDATION', {
      field: 'paidOutBy',
      vi: 'Người chi tiền hoàn trả phải là nhân viên đang làm việc của đơn vị.',
      en: 'The refund must be paid out by an active staff member.',
    });
  }
  return { id: payer, fullName: staff.fullName };
}

/**
 * The next refund voucher number of this device (its own series beside its receipts', even for a
 * receipt another device issued): taken in the refund's transaction, gap-free.
 */
export async function takeVoucher(trx: Transaction<Database>): Promise<{ series: string; number: number }> {
  const office = await requireOfficeRow(trx);
  const series = voucherSeries(deviceSeries(office.code, office.deviceId));
  return { series, number: await takeReceiptNumber(trx, series) };
}

export async function staffNameOf(trx: Transaction<Database>, id: string | null): Promise<string> {
  if (!id) return '';
  return (await staffFullName(trx, id)) ?? '';
}
