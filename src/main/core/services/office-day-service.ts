// The office-wide day-end (issue 20 item 5, ADR 0026): the supervisor sees every device of the
// office for a business day — its takings by collector (this device's from its own records, the
// others' as last pulled), whether it closed the day, what it had not pushed at its last sync and
// when that was — and records the cash a collector of another device (a field officer back from
// the villages) hands to the office: counted against that collector's receipts of the days handed
// over, less the refunds they paid out, a note on any difference; audited, and sent to the central
// so every device of the office knows it (`cash.handover`).
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { CashHandover, OfficeDay, OfficeDayDevice } from '../../../shared/contract/office-day';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import { handedOverDays, handoversReceivedOn, insertHandover } from '../db/repositories/handovers-repository';
import { listOfficeDevices, ownStatusReport, pulledDayClosures } from '../db/repositories/office-devices-repository';
import { collectorDays, pulledTakingsOfDay, refundsElsewhereOfDay } from '../db/repositories/pulled-payments-repository';
import type { CashHandoversTable } from '../db/schema';
import { daySummary } from './day-end-service';
import { staffNameOf } from './refund-cash';
import { requireOfficeRow } from '../db/repositories/office-repository';
import { readSyncState } from '../db/repositories/sync-state-repository';

type Db = CoreContext['db'];

/** How far back a collector's unhanded days are looked for. */
const OPEN_DAYS_BACK = 62;

function daysBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function thisDevice(ctx: CoreContext, day: string, name: string, deviceId: string | null): Promise<OfficeDayDevice> {
  const summary = await daySummary(ctx, { businessDate: day });
  const report = await ownStatusReport(ctx.db);
  const state = await readSyncState(ctx.db);
  return {
    deviceId,
    name,
    thisDevice: true,
    revoked: false,
    dayClosed: summary.status === 'closed',
    closedAt: summary.status === 'closed' ? summary.closedAt : null,
    closedByName: summary.status === 'closed' ? summary.closedByName : null,
    collectors: summary.collectors.map((c) => ({ ...c, openDays: [] })),
    receiptCount: summary.receiptCount,
    total: summary.total,
    refundTotal: summary.refundTotal,
    expected: summary.expected,
    pendingOps: report.pendingOps,
    pendingReceipts: report.pendingReceipts,
    pendingTotal: report.pendingTotal,
    lastSyncAt: state?.lastSuccessAt ?? null,
  };
}

/** A collector's days on another device, up to `day`, whose cash is not yet handed over. */
async function openDays(db: Db, deviceId: string, staffId: string, day: string) {
  const handed = await handedOverDays(db, deviceId, staffId);
  return (await collectorDays(db, deviceId, staffId, daysBefore(day, OPEN_DAYS_BACK), day)).filter((d) => !handed.has(d.businessDate));
}

export async function officeDayView(ctx: CoreContext, input: { businessDate?: string | undefined }): Promise<OfficeDay> {
  const day = input.businessDate ?? businessDate(ctx.clock.now());
  const office = await requireOfficeRow(ctx.db);
  const state = await readSyncState(ctx.db);
  const known = await listOfficeDevices(ctx.db);
  const takings = await pulledTakingsOfDay(ctx.db, day);
  const refunds = await refundsElsewhereOfDay(ctx.db, day);
  const closures = new Map((await pulledDayClosures(ctx.db, day)).map((c) => [c.deviceId, c]));
  const me = known.find((d) => d.id === state.centralDeviceId);
  const devices: OfficeDayDevice[] = [await thisDevice(ctx, day, me?.name ?? office.name, state.centralDeviceId)];
  // Every other device the central named, and any whose work was pulled before it was named.
  const others = [...known.filter((d) => d.id !== state.centralDeviceId).map((d) => d.id)];
  for (const id of [...takings.map((t) => t.deviceId), ...refunds.map((r) => r.deviceId), ...closures.keys()]) if (!others.includes(id)) others.push(id);
  for (const id of others) {
    const device = known.find((d) => d.id === id);
    const status = device?.status ? (JSON.parse(device.status) as { pendingOps: number; pendingReceipts: number; pendingTotal: number }) : null;
    const byCollector = new Map<string, OfficeDayDevice['collectors'][number]>();
    const row = (staffId: string | null, fullName: string | null) => {
      const key = staffId ?? '';
      if (!byCollector.has(key)) {
        byCollector.set(key, {
          staffId,
          fullName: fullName ?? '',
          receiptCount: 0,
          voidedCount: 0,
          total: 0,
          refundCount: 0,
          refundTotal: 0,
          expected: 0,
          openDays: [],
        });
      }
      return byCollector.get(key)!;
    };
    for (const t of takings.filter((x) => x.deviceId === id))
      Object.assign(row(t.staffId, t.fullName), { receiptCount: t.receiptCount, voidedCount: t.voidedCount, total: t.total });
    for (const r of refunds.filter((x) => x.deviceId === id))
      Object.assign(row(r.staffId, r.fullName), { refundCount: r.refundCount, refundTotal: r.refundTotal });
    const collectors = [...byCollector.values()].map((c) => ({ ...c, expected: c.total - c.refundTotal }));
    for (const c of collectors) if (c.staffId) c.openDays = await openDays(ctx.db, id, c.staffId, day);
    const closure = closures.get(id);
    devices.push({
      deviceId: id,
      name: device?.name ?? id.slice(0, 8),
      thisDevice: false,
      revoked: device?.revokedAt != null,
      dayClosed: closure !== undefined,
      closedAt: closure?.closedAt ?? null,
      closedByName: closure?.closedByName ?? null,
      collectors: collectors.sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
      receiptCount: collectors.reduce((n, c) => n + c.receiptCount, 0),
      total: collectors.reduce((n, c) => n + c.total, 0),
      refundTotal: collectors.reduce((n, c) => n + c.refundTotal, 0),
      expected: collectors.reduce((n, c) => n + c.expected, 0),
      pendingOps: status?.pendingOps ?? null,
      pendingReceipts: status?.pendingReceipts ?? null,
      pendingTotal: status?.pendingTotal ?? null,
      lastSyncAt: device?.lastSeenAt ?? null,
    });
  }
  const names = new Map(known.map((d) => [d.id, d.name]));
  const handovers = (await handoversReceivedOn(ctx.db, day)).map((h) => handoverView(h, names.get(h.fromDeviceId) ?? null));
  const sum = (key: 'receiptCount' | 'total' | 'refundTotal' | 'expected') => devices.reduce((n, d) => n + d[key], 0);
  return {
    businessDate: day,
    officeCode: office.code,
    devices,
    handovers,
    totals: {
      receiptCount: sum('receiptCount'),
      total: sum('total'),
      refundTotal: sum('refundTotal'),
      expected: sum('expected'),
      handedOver: handovers.reduce((n, h) => n + h.cashCounted, 0),
    },
    lastPullAt: state.lastPullAt,
  };
}

function handoverView(h: CashHandoversTable, fromDeviceName: string | null): CashHandover {
  return {
    id: h.id,
    fromDeviceId: h.fromDeviceId,
    fromDeviceName,
    collectorStaffId: h.collectorStaffId,
    collectorName: h.collectorName,
    businessDates: JSON.parse(h.businessDates) as string[],
    receiptCount: h.receiptCount,
    expected: h.expected,
    cashCounted: h.cashCounted,
    difference: h.cashCounted - h.expected,
    note: h.note,
    receivedByName: h.receivedByName,
    receivedAt: h.receivedAt,
    receivedOn: h.receivedOn,
    recordedHere: h.sourceDeviceId === null,
  };
}

export async function recordHandover(
  ctx: CoreContext,
  caller: Caller,
  input: { fromDeviceId: string; collectorStaffId: string; businessDates: string[]; cashCounted: number; note?: string | undefined },
): Promise<CashHandover> {
  const at = nowIso(ctx);
  const today = businessDate(ctx.clock.now());
  const dates = [...new Set(input.businessDates)].sort();
  if (dates.some((d) => d > today)) {
    throw new OfficeError('VALIDATION', {
      field: 'businessDates',
      vi: 'Không thể nhận tiền của một ngày chưa đến.',
      en: 'A day handed over cannot be in the future.',
    });
  }
  const row = await ctx.db.transaction().execute(async (trx) => {
    const state = await readSyncState(trx);
    if (input.fromDeviceId === state.centralDeviceId) {
      throw new OfficeError('VALIDATION', {
        field: 'fromDeviceId',
        vi: 'Tiền thu trên máy này được kiểm đếm khi khóa sổ, không nhận bàn giao.',
        en: "This device's own takings are counted at its day-end, not handed over.",
      });
    }
    const handed = await handedOverDays(trx, input.fromDeviceId, input.collectorStaffId);
    const again = dates.filter((d) => handed.has(d));
    if (again.length > 0) {
      throw new OfficeError('CONFLICT', {
        field: 'businessDates',
        vi: `Tiền của ngày ${again.map(vietnameseDate).join(', ')} đã được nhận bàn giao.`,
        en: `The cash of ${again.join(', ')} was already handed over.`,
      });
    }
    const days = (await collectorDays(trx, input.fromDeviceId, input.collectorStaffId, dates[0]!, dates[dates.length - 1]!)).filter((d) =>
      dates.includes(d.businessDate),
    );
    const collectorName = days.find((d) => d.fullName)?.fullName;
    if (!collectorName) {
      throw new OfficeError('VALIDATION', {
        field: 'businessDates',
        vi: 'Máy này chưa có khoản thu nào của người này trong những ngày đó. Đồng bộ máy của họ và máy này trước khi nhận tiền.',
        en: 'This device knows no takings of this collector on those days. Sync their device and this one first.',
      });
    }
    const expected = days.reduce((n, d) => n + d.expected, 0);
    const note = input.note?.trim() || null;
    if (input.cashCounted !== expected && !note) {
      throw new OfficeError('VALIDATION', {
        field: 'note',
        vi: `Tiền mặt nhận của ${collectorName} lệch ${(input.cashCounted - expected).toLocaleString('vi-VN')} đ so với số phải nộp: cần ghi chú giải trình.`,
        en: `The cash received from ${collectorName} differs from what is due: a note is required.`,
      });
    }
    const receivedByName = await staffNameOf(trx, caller.staffId);
    const handover: CashHandoversTable = {
      id: uuidv7(),
      fromDeviceId: input.fromDeviceId,
      collectorStaffId: input.collectorStaffId,
      collectorName,
      businessDates: JSON.stringify(dates),
      receiptCount: days.reduce((n, d) => n + d.receiptCount, 0),
      expected,
      cashCounted: input.cashCounted,
      note,
      receivedBy: caller.staffId,
      receivedByName,
      receivedAt: at,
      receivedOn: today,
      sourceDeviceId: null,
    };
    await insertHandover(trx, handover);
    const { sourceDeviceId: _here, businessDates: _dates, receivedBy: _by, ...rest } = handover;
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: { kind: 'cash.handover', payload: { ...rest, businessDates: dates, receivedBy: caller.staffId! } },
    });
    return handover;
  });
  const names = new Map((await listOfficeDevices(ctx.db)).map((d) => [d.id, d.name]));
  return handoverView(row, names.get(row.fromDeviceId) ?? null);
}
