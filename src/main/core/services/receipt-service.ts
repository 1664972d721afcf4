// The receipt lifecycle: read one (with its breakdown and any void), list a day's receipts with
// totals, void with a reason (supervisor, or the issuing clerk on the same business day: a void
// is its own record and the receipt stays), and count prints so a reprint says "BẢN SAO".
// Voiding a receipt whose day is already closed is a refund: the closed day keeps its figures and
// the money is paid out today, from the cash of the staff member named (see ADR 0016).
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { PaymentMethod, Receipt } from '../../../shared/contract/contribution';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import { mayPrintReceipt, voidRefusal } from '../../../shared/domain/receipt-rights';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit, logMutation } from '../db/mutation-log';
import * as contributions from '../db/repositories/contributions-repository';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { receiptLabel } from '../db/repositories/receipt-numbers';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isDayClosed, requireDayOpen } from './day-status';
import { settleRefundedPayment } from './sync-issues-service';
import { verificationsOf } from './receipt-signing';
import { loadPulledReceipt, refundPulledReceipt } from './pulled-receipt-service';
import { refundPayerOf, staffNameOf, takeVoucher } from './refund-cash';

type ReceiptRow = NonNullable<Awaited<ReturnType<typeof contributions.findReceipt>>>;
type DayRow = Awaited<ReturnType<typeof contributions.receiptsOfDay>>[number];

function toReceipt(row: ReceiptRow | DayRow, officeCode: string) {
  return {
    id: row.id,
    series: row.series,
    number: row.number,
    label: receiptLabel(row.series, row.number),
    contributionId: row.contributionId,
    participantId: row.participantId,
    payerName: row.payerName,
    payerPersonalId: row.payerPersonalId,
    payerAddress: row.payerAddress,
    scheme: row.scheme,
    memberPosition: row.memberPosition,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    months: row.months,
    amount: row.amount,
    amountWords: row.amountWords,
    collectorStaffId: row.collectorStaffId,
    collectorName: row.collectorName,
    officeName: row.officeName,
    officeCode,
    issuedAt: row.issuedAt,
    businessDate: row.businessDate,
    void:
      row.voidReason != null
        ? {
            reason: row.voidReason,
            voidedBy: row.voidedBy ?? '',
            voidedByName: row.voidedByName ?? '',
            voidedAt: row.voidedAt ?? '',
            refund: row.refundPaidBy
              ? {
                  businessDate: row.voidDate ?? '',
                  paidOutBy: row.refundPaidBy,
                  paidOutByName: row.refundPaidByName ?? '',
                  voucher: row.refundVoucher ?? receiptLabel(row.refundVoucherSeries ?? '', row.refundVoucherNumber ?? 0),
                }
              : null,
          }
        : null,
    printCount: Number(row.printCount ?? 0),
  };
}

async function officeCode(ctx: CoreContext): Promise<string> {
  return (await requireOfficeRow(ctx.db)).code;
}

export async function loadReceipt(ctx: CoreContext, id: string): Promise<Receipt> {
  const row = await contributions.findReceipt(ctx.db, id);
  if (!row) return loadPulledReceipt(ctx, id);
  const receipt = toReceipt(row, await officeCode(ctx));
  const signed = await verificationsOf(ctx, receipt);
  return {
    ...receipt,
    method: row.method as PaymentMethod,
    incomeBasis: row.incomeBasis,
    lines: JSON.parse(row.lines),
    referenceVersion: row.referenceVersion,
    ...supportRuleOf(row.supportRule),
    verification: signed.receipt && { ...signed.receipt, voucher: signed.voucher },
  };
}

/**
 * The support rule and top-up a receipt's amount followed (null for contributions recorded before
 * migration 0020), and the values it used that were not confirmed (none kept before 2026-12).
 */
export function supportRuleOf(json: string | null): Pick<Receipt, 'support' | 'topUp' | 'provisional'> {
  const parsed = json ? (JSON.parse(json) as Partial<Pick<Receipt, 'support' | 'topUp' | 'provisional'>>) : {};
  return { support: parsed.support ?? null, topUp: parsed.topUp ?? null, provisional: parsed.provisional ?? [] };
}

/**
 * Whose cash pays back a receipt of a closed day: the one named (an active staff member) or the
 * supervisor voiding it. Null when the receipt's day is still open: the void just leaves that day.
 */
async function refundPayer(
  trx: Transaction<Database>,
  caller: Caller,
  receiptDay: string,
  today: string,
  paidOutBy: string | undefined,
): Promise<{ id: string; fullName: string } | null> {
  if (receiptDay === today || !(await isDayClosed(trx, receiptDay))) {
    // Today closed, or an earlier day reopened: the void changes that day's figures, as before.
    await requireDayOpen(trx, receiptDay, 'void');
    if (paidOutBy) {
      throw new OfficeError('VALIDATION', {
        field: 'paidOutBy',
        vi: `Ngày ${vietnameseDate(receiptDay)} chưa khóa sổ: hủy biên lai chỉ bớt khoản thu của ngày đó, không ghi chi hoàn trả.`,
        en: 'The receipt’s day is not closed: the void leaves that day’s takings; there is no refund to pay out.',
      });
    }
    return null;
  }
  // Receipt of an earlier, closed day: the money is paid back today, so today must take it.
  await requireDayOpen(trx, today, 'refund');
  return refundPayerOf(trx, caller, paidOutBy);
}

export async function voidReceipt(ctx: CoreContext, caller: Caller, input: { id: string; reason: string; paidOutBy?: string | undefined }): Promise<Receipt> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = businessDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await contributions.findReceipt(trx, input.id);
    // Not this device's: another device's of the office, refunded here (pulled-receipt-service.ts).
    if (!row) return refundPulledReceipt(trx, caller, input, { at, today });
    if (row.voidReason != null) {
      throw new OfficeError('CONFLICT', { vi: 'Biên lai này đã bị hủy trước đó.', en: 'This receipt is already void.' });
    }
    if (voidRefusal(caller, row, today) !== null) {
      throw new OfficeError('FORBIDDEN', {
        vi: 'Chỉ giám sát viên, hoặc chính người lập biên lai trong ngày lập, được hủy biên lai.',
        en: 'Only a supervisor, or the issuing clerk on the same day, may void a receipt.',
      });
    }
    const payer = await refundPayer(trx, caller, row.businessDate, today, input.paidOutBy);
    const refundPaidBy = payer?.id ?? null;
    // Cash paid out goes against a numbered voucher, taken here so that a refused void skips no number.
    const voucher = refundPaidBy ? await takeVoucher(trx) : null;
    const voidId = uuidv7();
    await contributions.insertReceiptVoid(trx, {
      id: voidId,
      receiptId: row.id,
      reason: input.reason,
      voidedBy: caller.staffId!,
      voidedAt: at,
      businessDate: today,
      refundPaidBy,
      refundVoucherSeries: voucher?.series ?? null,
      refundVoucherNumber: voucher?.number ?? null,
    });
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: {
        kind: 'receipt.void',
        payload: {
          id: voidId,
          receiptId: row.id,
          contributionId: row.contributionId,
          reason: input.reason,
          voidedAt: at,
          voidedBy: caller.staffId,
          voidedByName: await staffNameOf(trx, caller.staffId),
          businessDate: today,
          ...(payer && voucher
            ? {
                refund: {
                  businessDate: today,
                  paidOutBy: payer.id,
                  paidOutByName: payer.fullName,
                  amount: row.amount,
                  voucher: receiptLabel(voucher.series, voucher.number),
                },
              }
            : {}),
        },
      },
    });
    await settleRefundedPayment(trx, row.contributionId, caller.staffId!, input.reason, at);
  });
  return loadReceipt(ctx, input.id);
}

/** Records a print; the first print is the original, every later one a copy ("BẢN SAO"). */
export async function markPrinted(ctx: CoreContext, caller: Caller, id: string): Promise<{ printCount: number; copy: boolean }> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await contributions.findReceipt(trx, id);
    if (!row) throw new OfficeError('NOT_FOUND', { field: 'id', vi: 'Không tìm thấy biên lai.', en: 'Receipt not found.' });
    // The first print is the collector's (anyone else's would stamp the collector's own BẢN SAO):
    // only they or a supervisor record prints of a receipt; others may still view it.
    if (!mayPrintReceipt(caller, row)) {
      throw new OfficeError('FORBIDDEN', {
        vi: 'Chỉ người thu tiền của biên lai này hoặc giám sát viên được in biên lai; bạn vẫn xem được.',
        en: 'Only the clerk who collected this payment or a supervisor may print the receipt; you may still view it.',
      });
    }
    const copy = Number(row.printCount ?? 0) > 0;
    await contributions.insertReceiptPrint(trx, { id: uuidv7(), receiptId: id, printedBy: caller.staffId, printedAt: at, copy: copy ? 1 : 0 });
    await appendAudit(trx, { at, staffId: caller.staffId, action: copy ? 'receipt.reprint' : 'receipt.print', entity: 'receipt', entityId: id, details: null });
    return { printCount: Number(row.printCount ?? 0) + 1, copy };
  });
}

export async function receiptsForDay(ctx: CoreContext, caller: Caller, input: { businessDate?: string | undefined; collectorStaffId?: string | undefined }) {
  const day = input.businessDate ?? businessDate(ctx.clock.now());
  const collector = caller.role === 'supervisor' ? input.collectorStaffId : caller.staffId!;
  if (caller.role !== 'supervisor' && input.collectorStaffId && input.collectorStaffId !== caller.staffId) {
    throw new OfficeError('FORBIDDEN', { vi: 'Bạn chỉ xem được biên lai của chính mình.', en: 'You can only see your own receipts.' });
  }
  const code = await officeCode(ctx);
  const items = (await contributions.receiptsOfDay(ctx.db, day, collector)).map((r) => toReceipt(r, code));
  // A receipt refunded on a later day was valid when its day closed: it stays in that day's total.
  const live = items.filter((r) => r.void === null || r.void.refund !== null);
  const refunds = await contributions.refundsOfDay(ctx.db, day, collector);
  return {
    businessDate: day,
    items,
    issuedCount: items.length,
    voidedCount: items.length - live.length,
    total: live.reduce((sum, r) => sum + r.amount, 0),
    refundCount: refunds.length,
    refundTotal: refunds.reduce((sum, r) => sum + r.amount, 0),
    refunds,
  };
}
