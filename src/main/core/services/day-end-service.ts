// Day-end: the supervisor sees each collector's receipts and total for the business date, less
// the refunds they paid out that day, enters the cash counted (a discrepancy needs a note), and
// closes the day. A closed day takes no more receipts on this device until a supervisor reopens
// it with a reason; both are audited, and the closure goes to the central service as a
// `day.close` operation.
import { OfficeError } from '../../../shared/contract/errors';
import type { DaySummary } from '../../../shared/contract/day-end';
import { businessDate } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit, logMutation } from '../db/mutation-log';
import type { Database } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';
import * as contributions from '../db/repositories/contributions-repository';
import * as closures from '../db/repositories/day-closures-repository';
import { requireAuditIntact } from './audit-service';
import { staffFullName } from '../db/repositories/staff-repository';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Each person's figures for a day: receipts issued (a void made while the day was open takes a
 * receipt out of the total; a later refund does not — the day's cash was counted with it) and
 * refunds of earlier, closed days paid out of their cash that day. Expected cash = total − refunds.
 */
async function collectorTotals(db: Db, day: string) {
  const takings = await closures.takingsOfDay(db, day);
  const rows = new Map<
    string,
    { staffId: string; fullName: string; receiptCount: number; voidedCount: number; total: number; refundCount: number; refundTotal: number }
  >();
  const row = (staffId: string, fullName: string) =>
    rows.get(staffId) ?? rows.set(staffId, { staffId, fullName, receiptCount: 0, voidedCount: 0, total: 0, refundCount: 0, refundTotal: 0 }).get(staffId)!;
  for (const t of takings)
    Object.assign(row(t.staffId, t.fullName), { receiptCount: Number(t.receiptCount), voidedCount: Number(t.voidedCount), total: Number(t.total) });
  // Refunds are few a day: the day's list, summed here per person who paid out.
  for (const refund of await contributions.refundsOfDay(db, day, undefined)) {
    const r = row(refund.paidOutBy, refund.paidOutByName);
    r.refundCount += 1;
    r.refundTotal += refund.amount;
  }
  return [...rows.values()].map((r) => ({ ...r, expected: r.total - r.refundTotal })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
}

export async function daySummary(ctx: CoreContext, input: { businessDate?: string | undefined }): Promise<DaySummary> {
  const day = input.businessDate ?? businessDate(ctx.clock.now());
  const closure = await closures.closureOfDay(ctx.db, day);
  const counted = new Map<string, { cashCounted: number; note: string | null }>(
    closure ? (JSON.parse(closure.summary) as { staffId: string; cashCounted: number; note: string | null }[]).map((c) => [c.staffId, c]) : [],
  );
  const collectors = (await collectorTotals(ctx.db, day)).map((c) => ({
    ...c,
    cashCounted: counted.get(c.staffId)?.cashCounted ?? null,
    note: counted.get(c.staffId)?.note ?? null,
  }));
  const sum = (key: 'receiptCount' | 'total' | 'refundCount' | 'refundTotal' | 'expected') => collectors.reduce((n, c) => n + c[key], 0);
  return {
    businessDate: day,
    status: closure?.status ?? 'open',
    closedAt: closure?.closedAt ?? null,
    closedByName: closure?.fullName ?? null,
    collectors,
    receiptCount: sum('receiptCount'),
    total: sum('total'),
    refundCount: sum('refundCount'),
    refundTotal: sum('refundTotal'),
    expected: sum('expected'),
  };
}

export async function closeDay(
  ctx: CoreContext,
  caller: Caller,
  input: { businessDate: string; counts: { staffId: string; cashCounted: number; note?: string | undefined }[] },
): Promise<DaySummary> {
  const at = nowIso(ctx);
  if (input.businessDate > businessDate(ctx.clock.now())) {
    throw new OfficeError('VALIDATION', { field: 'businessDate', vi: 'Không thể khóa sổ một ngày chưa đến.', en: 'Cannot close a future date.' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if ((await closures.closureStatus(trx, input.businessDate)) === 'closed')
      throw new OfficeError('DAY_CLOSED', { vi: 'Ngày này đã khóa sổ.', en: 'This day is already closed.' });
    await requireAuditIntact(trx);
    const totals = await collectorTotals(trx, input.businessDate);
    // A field officer closes their own laptop's day (issue 20 item 5): only when every receipt and
    // refund of the day on it is theirs; anything else is a supervisor's to close.
    if (caller.role !== 'supervisor' && totals.some((t) => t.staffId !== caller.staffId)) {
      throw new OfficeError('FORBIDDEN', {
        vi: 'Ngày này có khoản thu của người khác trên máy; giám sát viên khóa sổ.',
        en: "This day holds someone else's takings on this device; a supervisor closes it.",
      });
    }
    const summary = totals.map((t) => {
      const count = input.counts.find((c) => c.staffId === t.staffId);
      if (!count) {
        throw new OfficeError('VALIDATION', {
          field: `counts.${t.staffId}`,
          vi: `Nhập số tiền mặt đã kiểm đếm của ${t.fullName}.`,
          en: `Enter the cash counted for ${t.fullName}.`,
        });
      }
      const note = count.note?.trim() || null;
      if (count.cashCounted !== t.expected && !note) {
        throw new OfficeError('VALIDATION', {
          field: `counts.${t.staffId}.note`,
          vi: `Tiền mặt của ${t.fullName} lệch ${(count.cashCounted - t.expected).toLocaleString('vi-VN')} đ so với số phải nộp: cần ghi chú giải trình.`,
          en: `Cash for ${t.fullName} differs from what is due: a note is required.`,
        });
      }
      return {
        staffId: t.staffId,
        fullName: t.fullName,
        receiptCount: t.receiptCount,
        total: t.total,
        ...(t.refundCount > 0 ? { refundCount: t.refundCount, refundTotal: t.refundTotal } : {}),
        cashCounted: count.cashCounted,
        note,
      };
    });
    const values = {
      businessDate: input.businessDate,
      status: 'closed' as const,
      closedBy: caller.staffId!,
      closedAt: at,
      summary: JSON.stringify(summary),
      reopenedBy: null,
      reopenedAt: null,
      reopenReason: null,
    };
    await closures.writeClosure(trx, values);
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: {
        kind: 'day.close',
        payload: {
          businessDate: input.businessDate,
          closedAt: at,
          closedBy: caller.staffId,
          closedByName: (await staffFullName(trx, caller.staffId!)) ?? '',
          collectors: summary,
        },
      },
    });
  });
  return daySummary(ctx, { businessDate: input.businessDate });
}

export async function reopenDay(ctx: CoreContext, caller: Caller, input: { businessDate: string; reason: string }): Promise<DaySummary> {
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await closures.closureStatus(trx, input.businessDate)) !== 'closed')
      throw new OfficeError('VALIDATION', { field: 'businessDate', vi: 'Ngày này chưa khóa sổ.', en: 'This day is not closed.' });
    await closures.markReopened(trx, input.businessDate, { staffId: caller.staffId, at, reason: input.reason });
    await appendAudit(trx, {
      at,
      staffId: caller.staffId,
      action: 'day.reopen',
      entity: 'day',
      entityId: input.businessDate,
      details: { reason: input.reason },
    });
  });
  return daySummary(ctx, { businessDate: input.businessDate });
}
