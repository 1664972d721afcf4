// Receipts the office's other devices issued, as this device knows them from the office's picture
// (ADR 0026): shown like its own (who paid, for what, voided or refunded where and by whom), never
// printed, numbered or sent from here. A supervisor may refund one: the money is paid back from
// this device's cash today, against this device's voucher, and the void goes to the central, which
// applies it once and tells the issuing device by pull.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { PaymentMethod, Receipt } from '../../../shared/contract/contribution';
import { paymentMethods } from '../../../shared/contract/contribution';
import { amountInWords } from '../../../shared/domain/amount-in-words';
import type { Caller, CoreContext } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as contributions from '../db/repositories/contributions-repository';
import { localRecordsOf } from '../db/repositories/participants-repository';
import { findPulledByReceipt, type PulledPaymentRow, pulledLabel } from '../db/repositories/pulled-payments-repository';
import { placeNames } from '../db/repositories/reference-repository';
import { receiptLabel } from '../db/repositories/receipt-numbers';
import type { Database } from '../db/schema';
import { requireDayOpen } from './day-status';
import { refundPayerOf, staffNameOf, takeVoucher } from './refund-cash';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { findParticipant } from '../db/repositories/participants-repository';

type Db = CoreContext['db'] | Transaction<Database>;

const notFound = () => new OfficeError('NOT_FOUND', { field: 'id', vi: 'Không tìm thấy biên lai.', en: 'Receipt not found.' });

async function receiptView(db: Db, p: PulledPaymentRow): Promise<Receipt> {
  const office = await requireOfficeRow(db);
  const local = (await localRecordsOf(db, [p.participantId])).get(p.participantId);
  const person = local ? await findParticipant(db, local) : undefined;
  const place = person ? await placeNames(db, person.provinceCode, person.communeCode) : null;
  const voided = p.voidId !== null;
  return {
    id: p.receiptId,
    series: p.receiptSeries,
    number: p.receiptNumber,
    label: pulledLabel(p),
    contributionId: p.id,
    participantId: local ?? p.participantId,
    payerName: person?.fullName ?? '',
    payerPersonalId: person?.personalId ?? '',
    payerAddress: person && place ? [person.addressLine, place.commune, place.province].filter(Boolean).join(', ') : '',
    scheme: p.scheme,
    memberPosition: p.memberPosition,
    periodFrom: p.fromMonth,
    periodTo: p.toMonth,
    months: p.months,
    amount: p.total,
    amountWords: amountInWords(p.total),
    collectorStaffId: p.collectorStaffId ?? '',
    collectorName: p.collectorName ?? '',
    officeName: p.officeCode === office.code ? office.name : p.officeCode,
    officeCode: p.officeCode,
    issuedAt: p.issuedAt ?? p.paidOn,
    businessDate: p.businessDate,
    method: ((paymentMethods as readonly string[]).includes(p.method) ? p.method : 'monthly') as PaymentMethod,
    incomeBasis: p.incomeBasis,
    lines: [],
    referenceVersion: '',
    support: null,
    topUp: null,
    provisional: [],
    void: voided
      ? {
          reason: p.voidReason ?? '',
          voidedBy: p.voidedBy ?? '',
          voidedByName: p.voidedByName ?? (await staffNameOf(db as Transaction<Database>, p.voidedBy)),
          voidedAt: p.voidedAt ?? '',
          refund: p.refundPaidBy
            ? {
                businessDate: p.voidDate ?? '',
                paidOutBy: p.refundPaidBy,
                paidOutByName: p.refundPaidByName ?? (await staffNameOf(db as Transaction<Database>, p.refundPaidBy)),
                voucher: p.refundVoucher ?? receiptLabel(p.refundVoucherSeries ?? '', p.refundVoucherNumber ?? 0),
              }
            : null,
        }
      : null,
    printCount: 0,
    issuedElsewhere: { deviceId: p.sourceDeviceId, deviceName: p.deviceName, officeCode: p.officeCode },
  };
}

export async function loadPulledReceipt(ctx: CoreContext, id: string): Promise<Receipt> {
  const pulled = await findPulledByReceipt(ctx.db, id);
  if (!pulled) throw notFound();
  return receiptView(ctx.db, pulled);
}

/**
 * A supervisor refunds a receipt another device of the office issued: paid out today from this
 * device's cash (the payer chosen, the supervisor by default) against this device's voucher; one
 * `receipt.void` operation, which the central applies once (a second refund of the same receipt
 * elsewhere is refused there, naming the first).
 */
export async function refundPulledReceipt(
  trx: Transaction<Database>,
  caller: Caller,
  input: { id: string; reason: string; paidOutBy?: string | undefined },
  when: { at: string; today: string },
): Promise<void> {
  const pulled = await findPulledByReceipt(trx, input.id);
  if (!pulled) throw notFound();
  if (pulled.voidId !== null) throw new OfficeError('CONFLICT', { vi: 'Biên lai này đã bị hủy trước đó.', en: 'This receipt is already void.' });
  if (caller.role !== 'supervisor') {
    throw new OfficeError('FORBIDDEN', {
      vi: 'Chỉ giám sát viên được hoàn trả biên lai do máy khác của văn phòng lập.',
      en: 'Only a supervisor may refund a receipt another device of the office issued.',
    });
  }
  const office = await requireOfficeRow(trx);
  if (pulled.officeCode !== office.code) {
    throw new OfficeError('VALIDATION', {
      field: 'id',
      vi: `Biên lai do văn phòng ${pulled.officeCode} lập; chỉ văn phòng đó được hủy hoặc hoàn trả.`,
      en: `The receipt was issued by office ${pulled.officeCode}; only that office may void or refund it.`,
    });
  }
  await requireDayOpen(trx, when.today, 'refund');
  const payer = await refundPayerOf(trx, caller, input.paidOutBy);
  const voucher = await takeVoucher(trx);
  const voidId = uuidv7();
  const voucherLabel = receiptLabel(voucher.series, voucher.number);
  await contributions.insertReceiptVoid(trx, {
    id: voidId,
    receiptId: pulled.receiptId,
    reason: input.reason,
    voidedBy: caller.staffId,
    voidedAt: when.at,
    businessDate: when.today,
    refundPaidBy: payer.id,
    refundVoucherSeries: voucher.series,
    refundVoucherNumber: voucher.number,
    voidedByName: null,
    refundPaidByName: null,
    refundAmount: pulled.total,
    refundVoucher: null,
    sourceDeviceId: null,
  });
  await logMutation(trx, {
    at: when.at,
    staffId: caller.staffId,
    operation: {
      kind: 'receipt.void',
      payload: {
        id: voidId,
        receiptId: pulled.receiptId,
        contributionId: pulled.id,
        reason: input.reason,
        voidedAt: when.at,
        voidedBy: caller.staffId,
        voidedByName: await staffNameOf(trx, caller.staffId),
        businessDate: when.today,
        refund: { businessDate: when.today, paidOutBy: payer.id, paidOutByName: payer.fullName, amount: pulled.total, voucher: voucherLabel },
      },
    },
  });
}
