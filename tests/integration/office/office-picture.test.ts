// One office, several devices, one picture (issue 20 items 1–3, 6): what a counter takes reaches the
// office's other devices through the central — labelled with where and by whom it was taken, kept
// apart from their own work (never renumbered, never in their outbox, never sent back) — and its
// months are refused there, naming the receipt, the device and the date. A supervisor on another
// device refunds it from their own cash; the central applies that once and the issuing device learns
// of it by pull. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDate, vietnameseDate } from '../../../src/shared/domain/business-date';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { type Device, pay, someone, startDevice, sync } from './office-kit';

type Listed = {
  items: {
    receiptLabel: string;
    voided: boolean;
    refundedOn: string | null;
    takenOn: { thisDevice: boolean; deviceName: string | null; collectorName: string | null };
  }[];
};

const today = () => businessDate(new Date());

describe.each(centralBackends())('the office picture on %s', (backend) => {
  let central: Central;
  let counter1: Device;
  let counter2: Device;
  let counter3: Device;
  beforeAll(async () => {
    central = await startCentral(backend);
    counter1 = await startDevice(central, 'PIC01', 'Quầy 1', { supervisorName: 'Trần Thị Giám', clerk: { role: 'counter', fullName: 'Nguyễn Văn A' } });
    counter2 = await startDevice(central, 'PIC01', 'Quầy 2', { supervisorName: 'Lê Thị B' });
    counter3 = await startDevice(central, 'PIC01', 'Quầy 3', { supervisorName: 'Phạm Văn C' });
  }, 180_000);
  afterAll(async () => {
    for (const d of [counter1, counter2, counter3]) await d?.core.close();
    await central?.close();
  });

  it('shows counter 1’s payment on counter 2, labelled, and refuses its months there naming receipt, device and date', async () => {
    const p = await counter1.as<{ id: string }>('participants.register', someone('Hoàng Văn Lâm'));
    const { receipt } = await pay(counter1.as, p.id, '2026-01', 6);
    expect(await sync(counter1)).toMatchObject({ rejected: 0 });
    await sync(counter2);

    const listed = await counter2.call<Listed>('contributions.listForParticipant', { participantId: p.id });
    expect(listed.items).toEqual([
      expect.objectContaining({
        receiptLabel: receipt.label,
        takenOn: expect.objectContaining({ thisDevice: false, deviceName: 'Quầy 1', collectorName: 'Nguyễn Văn A' }),
      }),
    ]);
    const refused = await counter2.core.invoke(
      'contributions.quote',
      { participantId: p.id, scheme: 'VSI', fromMonth: '2026-04', months: 3, incomeBasis: 1_500_000 },
      counter2.token,
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'CONFLICT', field: 'fromMonth' });
    expect(refused.error.message).toBe(
      `Các tháng 01/2026 – 06/2026 đã được đóng (biên lai ${receipt.label}, Quầy 1 · Nguyễn Văn A, ngày ${vietnameseDate(today())}). Chọn kỳ bắt đầu từ tháng chưa đóng.`,
    );
    // Recording is refused the same way, and writes nothing.
    const record = await counter2.core.invoke(
      'contributions.record',
      { participantId: p.id, scheme: 'VSI', fromMonth: '2026-06', months: 1, incomeBasis: 1_500_000, expectedTotal: 264_000 },
      counter2.token,
    );
    expect(record).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'fromMonth' } });
    // The pulled payment is not counter 2's: no receipt, no outbox entry, nothing sent back.
    expect(await counter2.core.context.db.selectFrom('outbox').select('kind').execute()).toEqual([]);
    expect(await counter2.core.context.db.selectFrom('receipts').select('id').execute()).toEqual([]);
    expect(await sync(counter2)).toMatchObject({ batches: 0 });
    // July onwards is free on counter 2, in its own series.
    const next = await pay(counter2.call, p.id, '2026-07');
    expect(next.receipt.series).not.toBe(receipt.series);
    await sync(counter2);
    // Back on counter 1: counter 2's payment, labelled, and its own, unchanged.
    await sync(counter1);
    const onOne = await counter1.call<Listed>('contributions.listForParticipant', { participantId: p.id });
    expect(onOne.items.map((i) => [i.receiptLabel, i.takenOn.thisDevice, i.takenOn.deviceName])).toEqual([
      [next.receipt.label, false, 'Quầy 2'],
      [receipt.label, true, null],
    ]);
  });

  it('lets a supervisor on another device refund a receipt, applied once at the central and learned by the issuing device', async () => {
    const p = await counter1.as<{ id: string }>('participants.register', someone('Đỗ Thị Mơ'));
    const { receipt } = await pay(counter1.as, p.id, '2026-01', 3);
    await sync(counter1);
    await sync(counter2);
    await sync(counter3); // counter 3 knows the payment, and will not hear of the refund before trying its own
    const before1 = await counter1.call<{ total: number }>('dayEnd.summary', {});

    // Counter 2's supervisor pays the money back from counter 2's cash, against counter 2's voucher.
    const refunded = await counter2.call<{
      void: { refund: { voucher: string; paidOutByName: string } | null } | null;
      issuedElsewhere: { deviceName: string | null } | null;
    }>('receipts.void', { id: receipt.id, reason: 'Người nộp chuyển nơi đóng, hoàn trả' });
    expect(refunded.issuedElsewhere).toMatchObject({ deviceName: 'Quầy 1' });
    expect(refunded.void?.refund).toMatchObject({ paidOutByName: 'Lê Thị B', voucher: expect.stringMatching(/^HT-PIC01-/) });
    const day2 = await counter2.call<{ refundTotal: number; collectors: { fullName: string; refundTotal: number }[] }>('dayEnd.summary', {});
    expect(day2.refundTotal).toBe(receipt.amount);
    expect(await sync(counter2)).toMatchObject({ rejected: 0 });

    // Counter 1 learns of it: the receipt shows refunded at Quầy 2, its months are free again, and
    // its own day keeps the receipt (the money it took is still in its till).
    await sync(counter1);
    const mine = await counter1.call<{ void: { voidedByName: string; refund: { businessDate: string; paidOutByName: string } | null } | null }>(
      'receipts.get',
      {
        id: receipt.id,
      },
    );
    expect(mine.void).toMatchObject({ voidedByName: 'Lê Thị B', refund: { businessDate: today(), paidOutByName: 'Lê Thị B' } });
    expect((await counter1.call<{ total: number }>('dayEnd.summary', {})).total).toBe(before1.total);
    await pay(counter1.as, p.id, '2026-01', 3);

    // Counter 3, not yet told, refunds the same receipt: the central refuses the second refund, naming the first.
    await counter3.call('receipts.void', { id: receipt.id, reason: 'Hoàn trả lần hai (chưa biết)' });
    expect(await sync(counter3)).toMatchObject({ rejected: 1 });
    const issues = await counter3.call<{ items: { code: string; entityId: string; message: string }[] }>('sync.issues', { state: 'open' });
    expect(issues.items).toEqual([expect.objectContaining({ code: 'CONFLICT', entityId: receipt.id })]);
    expect(issues.items[0]!.message).toContain('Quầy 2');
    const voids = await central.database.db.selectFrom('receiptVoids').select('receiptId').where('receiptId', '=', receipt.id).execute();
    expect(voids).toHaveLength(1);
  });

  it('refuses a refund of another device’s receipt by a clerk', async () => {
    const p = await counter1.as<{ id: string }>('participants.register', someone('Vũ Văn Nam'));
    const { receipt } = await pay(counter1.as, p.id, '2026-02', 3);
    await sync(counter1);
    await sync(counter2);
    const clerk = await startDevice(central, 'PIC01', 'Quầy 4', { supervisorName: 'Giám Sát Bốn', clerk: { role: 'counter', fullName: 'Thu Ngân Bốn' } });
    try {
      await sync(clerk);
      await expect(clerk.as('receipts.void', { id: receipt.id, reason: 'Thử hoàn trả' })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    } finally {
      await clerk.core.close();
    }
  });
});
