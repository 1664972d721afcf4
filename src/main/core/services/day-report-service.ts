// The day-end report a supervisor prints (A4) or exports (Excel) after closing a day: the office
// and device, who closed the day and when, each collector's receipts against the cash counted with
// the discrepancy and its note, every receipt of the day in number order (voided ones marked),
// the refunds of earlier days' receipts paid out that day, and the totals. The Excel file is
// built here, in the core, so exceljs never reaches the renderer.
import type { DayReport } from '../../../shared/contract/day-end';
import type { CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import * as contributions from '../db/repositories/contributions-repository';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { receiptLabel } from '../db/repositories/receipt-numbers';
import { daySummary } from './day-end-service';
import { officeDayView } from './office-day-service';
import { dayReportWorkbook } from './day-report-workbook';
import { deviceName } from '../db/repositories/office-devices-repository';
import { centralAddress } from '../db/repositories/sync-state-repository';

export async function dayReport(ctx: CoreContext, input: { businessDate: string }): Promise<DayReport> {
  const summary = await daySummary(ctx, input);
  const office = await requireOfficeRow(ctx.db);
  const rows = await contributions.receiptsOfDay(ctx.db, input.businessDate, undefined);
  const refunds = await contributions.refundsOfDay(ctx.db, input.businessDate, undefined);
  const collectors = summary.collectors.map((c) => ({ ...c, discrepancy: c.cashCounted === null ? null : c.cashCounted - c.expected }));
  const counted = collectors.every((c) => c.cashCounted !== null) && summary.status !== 'open';
  const cashCounted = counted ? collectors.reduce((n, c) => n + (c.cashCounted ?? 0), 0) : null;
  const whole = await officeDayView(ctx, { businessDate: input.businessDate });
  return {
    officeDay: whole.devices.length > 1 || whole.handovers.length > 0 ? whole : null,
    office: { code: office.code, name: office.name },
    deviceId: office.deviceId,
    // This device as the central lists the office's devices ("Quầy 2"), when enrolled.
    deviceName: await deviceName(ctx.db, (await centralAddress(ctx.db)).centralDeviceId),
    businessDate: summary.businessDate,
    status: summary.status,
    closedAt: summary.closedAt,
    closedByName: summary.closedByName,
    generatedAt: nowIso(ctx),
    collectors,
    receipts: rows.map((r) => ({
      id: r.id,
      label: receiptLabel(r.series, r.number),
      issuedAt: r.issuedAt,
      payerName: r.payerName,
      payerPersonalId: r.payerPersonalId,
      scheme: r.scheme,
      memberPosition: r.memberPosition,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      months: r.months,
      amount: r.amount,
      topUp: Number(r.topUp ?? 0),
      collectorStaffId: r.collectorStaffId,
      collectorName: r.collectorName,
      void:
        r.voidReason != null
          ? { reason: r.voidReason, voidedByName: r.voidedByName ?? '', voidedAt: r.voidedAt ?? '', refundOn: r.refundPaidBy ? (r.voidDate ?? null) : null }
          : null,
    })),
    refunds,
    totals: {
      receiptCount: summary.receiptCount,
      voidedCount: rows.filter((r) => r.voidReason != null && !r.refundPaidBy).length,
      total: summary.total,
      refundCount: summary.refundCount,
      refundTotal: summary.refundTotal,
      expected: summary.expected,
      cashCounted,
      discrepancy: cashCounted === null ? null : cashCounted - summary.expected,
    },
  };
}

export async function dayReportExcel(ctx: CoreContext, input: { businessDate: string }): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const report = await dayReport(ctx, input);
  const bytes = await dayReportWorkbook(report);
  return {
    fileName: `chot-so-${report.office.code}-${report.businessDate}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(bytes).toString('base64'),
  };
}
