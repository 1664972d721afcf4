// Day-end: the supervisor sees each collector's receipts and total for the business date, enters
// the cash counted (a discrepancy needs a note), and closes the day. A closed day takes no more
// receipts on this device until a supervisor reopens it with a reason; both are audited, and the
// closure goes to the central service as a `day.close` operation.
import { OfficeError } from '../../../shared/contract/errors';
import type { DaySummary } from '../../../shared/contract/day-end';
import { businessDate } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit, logMutation } from '../db/mutation-log';
import type { Database } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

async function collectorTotals(db: Db, day: string) {
  return db
    .selectFrom('receipts')
    .innerJoin('staff', 'staff.id', 'receipts.collectorStaffId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .select((eb) => [
      'receipts.collectorStaffId as staffId',
      'staff.fullName',
      eb.fn.countAll<number>().as('receiptCount'),
      eb.fn.count<number>('receiptVoids.id').as('voidedCount'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('receiptVoids.id', 'is', null).then(eb.ref('receipts.amount')).else(0).end()), eb.lit(0)).as('total'),
    ])
    .where('receipts.businessDate', '=', day)
    .groupBy(['receipts.collectorStaffId', 'staff.fullName'])
    .orderBy('staff.fullName')
    .execute();
}

export async function daySummary(ctx: CoreContext, input: { businessDate?: string | undefined }): Promise<DaySummary> {
  const day = input.businessDate ?? businessDate(ctx.clock.now());
  const closure = await ctx.db
    .selectFrom('dayClosures')
    .leftJoin('staff', 'staff.id', 'dayClosures.closedBy')
    .select(['dayClosures.status', 'dayClosures.closedAt', 'dayClosures.summary', 'staff.fullName'])
    .where('businessDate', '=', day)
    .executeTakeFirst();
  const counted = new Map<string, { cashCounted: number; note: string | null }>(
    closure ? (JSON.parse(closure.summary) as { staffId: string; cashCounted: number; note: string | null }[]).map((c) => [c.staffId, c]) : [],
  );
  const collectors = (await collectorTotals(ctx.db, day)).map((c) => ({
    staffId: c.staffId,
    fullName: c.fullName,
    receiptCount: Number(c.receiptCount),
    voidedCount: Number(c.voidedCount),
    total: Number(c.total),
    cashCounted: counted.get(c.staffId)?.cashCounted ?? null,
    note: counted.get(c.staffId)?.note ?? null,
  }));
  return {
    businessDate: day,
    status: closure?.status ?? 'open',
    closedAt: closure?.closedAt ?? null,
    closedByName: closure?.fullName ?? null,
    collectors,
    receiptCount: collectors.reduce((n, c) => n + c.receiptCount, 0),
    total: collectors.reduce((n, c) => n + c.total, 0),
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
    const existing = await trx.selectFrom('dayClosures').select('status').where('businessDate', '=', input.businessDate).executeTakeFirst();
    if (existing?.status === 'closed') throw new OfficeError('DAY_CLOSED', { vi: 'Ngày này đã khóa sổ.', en: 'This day is already closed.' });
    const totals = await collectorTotals(trx, input.businessDate);
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
      if (count.cashCounted !== Number(t.total) && !note) {
        throw new OfficeError('VALIDATION', {
          field: `counts.${t.staffId}.note`,
          vi: `Tiền mặt của ${t.fullName} lệch ${(count.cashCounted - Number(t.total)).toLocaleString('vi-VN')} đ so với biên lai: cần ghi chú giải trình.`,
          en: `Cash for ${t.fullName} differs from the receipts: a note is required.`,
        });
      }
      return { staffId: t.staffId, receiptCount: Number(t.receiptCount), total: Number(t.total), cashCounted: count.cashCounted, note };
    });
    const values = { businessDate: input.businessDate, status: 'closed' as const, closedBy: caller.staffId!, closedAt: at, summary: JSON.stringify(summary), reopenedBy: null, reopenedAt: null, reopenReason: null };
    await trx.insertInto('dayClosures').values(values).onConflict((oc) => oc.column('businessDate').doUpdateSet(values)).execute();
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      action: 'day.close',
      entity: 'day',
      entityId: input.businessDate,
      payload: { businessDate: input.businessDate, closedAt: at, closedBy: caller.staffId, collectors: summary },
    });
  });
  return daySummary(ctx, { businessDate: input.businessDate });
}

export async function reopenDay(ctx: CoreContext, caller: Caller, input: { businessDate: string; reason: string }): Promise<DaySummary> {
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('dayClosures').select('status').where('businessDate', '=', input.businessDate).executeTakeFirst();
    if (existing?.status !== 'closed') throw new OfficeError('VALIDATION', { field: 'businessDate', vi: 'Ngày này chưa khóa sổ.', en: 'This day is not closed.' });
    await trx
      .updateTable('dayClosures')
      .set({ status: 'reopened', reopenedBy: caller.staffId, reopenedAt: at, reopenReason: input.reason })
      .where('businessDate', '=', input.businessDate)
      .execute();
    await appendAudit(trx, { at, staffId: caller.staffId, action: 'day.reopen', entity: 'day', entityId: input.businessDate, details: { reason: input.reason } });
  });
  return daySummary(ctx, { businessDate: input.businessDate });
}
