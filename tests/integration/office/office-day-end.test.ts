// The office-wide day-end (issue 20 item 5): a field officer takes payments on their laptop and
// closes the day there; back at the office the supervisor sees every device — its takings by
// collector, whether it closed the day, what it had left unpushed and when it last synced — and
// records the cash the officer hands over, counted against their receipts, with a note on any
// difference; audited, sent, known to every device, never recorded twice. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeDay } from '../../../src/shared/contract/office-day';
import { businessDate } from '../../../src/shared/domain/business-date';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { type Device, pay, someone, startDevice, sync } from './office-kit';

describe.each(centralBackends())('the office-wide day-end on %s', (backend) => {
  let central: Central;
  let office: Device;
  let laptop: Device;
  let counter2: Device;
  const today = businessDate(new Date());
  beforeAll(async () => {
    central = await startCentral(backend);
    office = await startDevice(central, 'DAY01', 'Quầy 1', { supervisorName: 'Trần Thị Giám', clerk: { role: 'counter', fullName: 'Vương Văn Quầy' } });
    laptop = await startDevice(central, 'DAY01', 'Máy cán bộ thu Lan', { supervisorName: 'Giám Sát Máy', clerk: { role: 'field', fullName: 'Ngô Thị Lan' } });
    counter2 = await startDevice(central, 'DAY01', 'Quầy 2', { supervisorName: 'Lê Văn Hai' });
  }, 180_000);
  afterAll(async () => {
    for (const d of [office, laptop, counter2]) await d?.core.close();
    await central?.close();
  });

  it('shows every device and records the field officer’s cash handover, once, on every device', async () => {
    // At the office counter: one payment. In the villages, on the laptop: three, then the officer closes the day.
    const p = await office.as<{ id: string }>('participants.register', someone('Tạ Văn Quầy'));
    const counterPaid = (await pay(office.as, p.id, '2026-01', 3)).receipt.amount;
    let laptopTotal = 0;
    for (const name of ['Mã Văn Bản', 'Mã Thị Làng', 'Mã Văn Xóm']) {
      const q = await laptop.as<{ id: string }>('participants.register', someone(name));
      laptopTotal += (await pay(laptop.as, q.id, '2026-01', 3)).receipt.amount;
    }
    // The officer may close only their own day; their cash stays with them until the handover.
    const mine = await laptop.as<{ collectors: { staffId: string; expected: number }[] }>('dayEnd.summary', {});
    expect(mine.collectors).toEqual([expect.objectContaining({ staffId: laptop.clerkId, expected: laptopTotal })]);
    await laptop.as('dayEnd.close', { businessDate: today, counts: [{ staffId: laptop.clerkId, cashCounted: laptopTotal }] });
    await laptop.as('sync.pushNow', {});
    await sync(office);

    const view = await office.call<OfficeDay>('dayEnd.office', {});
    expect(view.devices.map((d) => [d.name, d.thisDevice])).toEqual(
      expect.arrayContaining([
        ['Quầy 1', true],
        ['Máy cán bộ thu Lan', false],
        ['Quầy 2', false],
      ]),
    );
    const field = view.devices.find((d) => d.name === 'Máy cán bộ thu Lan')!;
    expect(field).toMatchObject({ dayClosed: true, receiptCount: 3, total: laptopTotal, pendingOps: 0 });
    expect(field.lastSyncAt).not.toBeNull();
    expect(field.collectors).toEqual([
      expect.objectContaining({
        fullName: 'Ngô Thị Lan',
        receiptCount: 3,
        expected: laptopTotal,
        openDays: [expect.objectContaining({ businessDate: today, expected: laptopTotal })],
      }),
    ]);
    expect(view.devices.find((d) => d.thisDevice)).toMatchObject({ dayClosed: false, total: counterPaid });
    expect(view.totals).toMatchObject({ total: counterPaid + laptopTotal, handedOver: 0 });

    // Lan hands over 50 000 đ short: the difference needs a note; with one, it is recorded.
    const short = laptopTotal - 50_000;
    const handover = { fromDeviceId: field.deviceId, collectorStaffId: laptop.clerkId, businessDates: [today], cashCounted: short };
    await expect(office.call('dayEnd.recordHandover', handover)).rejects.toMatchObject({ data: { code: 'VALIDATION', field: 'note' } });
    const recorded = await office.call<{ difference: number; receivedByName: string }>('dayEnd.recordHandover', {
      ...handover,
      note: 'Thiếu 50.000 đ, cán bộ nộp bổ sung ngày mai',
    });
    expect(recorded).toMatchObject({ difference: -50_000, receivedByName: 'Trần Thị Giám' });
    await expect(office.call('dayEnd.recordHandover', { ...handover, note: 'lần hai' })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    const after = await office.call<OfficeDay>('dayEnd.office', {});
    expect(after.handovers).toEqual([
      expect.objectContaining({ collectorName: 'Ngô Thị Lan', cashCounted: short, recordedHere: true, fromDeviceName: 'Máy cán bộ thu Lan' }),
    ]);
    expect(after.totals.handedOver).toBe(short);
    expect(after.devices.find((d) => d.name === 'Máy cán bộ thu Lan')!.collectors[0]!.openDays).toEqual([]);
    const audit = office.core.database.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'cash.handover'`).pluck().get();
    expect(audit).toBe(1);

    // The day report (A4 and Excel) has the office: every device, every collector, the handover, the total.
    const report = await office.call<{ officeDay: OfficeDay | null }>('dayEnd.report', { businessDate: today });
    expect(report.officeDay?.devices.map((d) => d.name).sort()).toEqual(['Máy cán bộ thu Lan', 'Quầy 1', 'Quầy 2']);
    expect(report.officeDay?.handovers).toHaveLength(1);
    expect(report.officeDay?.totals.expected).toBe(counterPaid + laptopTotal);
    const file = await office.call<{ base64: string }>('dayEnd.exportExcel', { businessDate: today });
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Toàn văn phòng')!;
    const cells = sheet
      .getSheetValues()
      .flat()
      .map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v));
    expect(cells).toEqual(expect.arrayContaining(['Ngô Thị Lan', 'Máy cán bộ thu Lan', counterPaid + laptopTotal, short, -50_000]));

    // Sent: the laptop and counter 2 know it; counter 2, told, cannot record it again.
    await sync(office);
    await sync(laptop);
    await sync(counter2);
    const onCounter2 = await counter2.call<OfficeDay>('dayEnd.office', {});
    expect(onCounter2.handovers).toEqual([expect.objectContaining({ cashCounted: short, recordedHere: false })]);
    await expect(counter2.call('dayEnd.recordHandover', { ...handover, note: 'ghi lại' })).rejects.toMatchObject({ data: { code: 'CONFLICT' } });
    expect((await laptop.call<OfficeDay>('dayEnd.office', {})).handovers).toHaveLength(1);
  });

  it('refuses at the central a handover a second supervisor device recorded before it heard of the first', async () => {
    const laptop2 = await startDevice(central, 'DAY01', 'Máy cán bộ thu Hùng', {
      supervisorName: 'Giám Sát Hai',
      clerk: { role: 'field', fullName: 'Đinh Văn Hùng' },
    });
    try {
      const q = await laptop2.as<{ id: string }>('participants.register', someone('Mã Thị Sau'));
      const amount = (await pay(laptop2.as, q.id, '2026-04', 3)).receipt.amount;
      await laptop2.as('dayEnd.close', { businessDate: today, counts: [{ staffId: laptop2.clerkId, cashCounted: amount }] });
      await laptop2.as('sync.pushNow', {});
      await sync(office);
      await sync(counter2);
      const fromDeviceId = (await office.call<OfficeDay>('dayEnd.office', {})).devices.find((d) => d.name === 'Máy cán bộ thu Hùng')!.deviceId;
      const handover = { fromDeviceId, collectorStaffId: laptop2.clerkId, businessDates: [today], cashCounted: amount };
      // Both supervisors take the same cash before either syncs.
      await office.call('dayEnd.recordHandover', handover);
      await counter2.call('dayEnd.recordHandover', handover);
      expect(await sync(office)).toMatchObject({ rejected: 0 });
      expect(await sync(counter2)).toMatchObject({ rejected: 1 });
      const issues = await counter2.call<{ items: { kind: string; code: string; message: string }[] }>('sync.issues', { state: 'open' });
      expect(issues.items).toEqual([expect.objectContaining({ kind: 'cash.handover', code: 'CONFLICT' })]);
      expect(issues.items[0]!.message).toContain('Trần Thị Giám');
      const stored = await central.database.db.selectFrom('cashHandovers').select('id').where('fromDeviceId', '=', fromDeviceId!).execute();
      expect(stored).toHaveLength(1);
    } finally {
      await laptop2.core.close();
    }
  });
});
