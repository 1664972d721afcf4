// Each person's paid-through month per scheme travels with the feed (issue 20 item 1, ADR 0035): the
// central counts it from its accepted payments whose receipts are not voided, and tells the office
// after every payment and void; a new device finds it in its picture. The device's stored figure
// must equal the central's after a void made on another device. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/shared/domain/payment-periods';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { type Device, pay, someone, startDevice, sync } from './office-kit';

/** The central's paid-through month of a person in VSI, counted here from its rows (the oracle). */
async function centralCount(central: Central, personId: string): Promise<string | null> {
  const db = central.database.db;
  const rows = await db
    .selectFrom('contributions')
    .select(['fromMonth', 'months', 'receiptId'])
    .where('personId', '=', personId)
    .where('scheme', '=', 'VSI')
    .execute();
  const voided = new Set((await db.selectFrom('receiptVoids').select('receiptId').execute()).map((v) => v.receiptId));
  let last: string | null = null;
  for (const r of rows) {
    const to = addMonths(r.fromMonth, Number(r.months) - 1);
    if (!voided.has(r.receiptId) && (last === null || to > last)) last = to;
  }
  return last;
}

/** What a device stored from the central for the person in VSI; undefined when it was never told. */
function stored(device: Device, personId: string): string | null | undefined {
  const row = device.core.database.sqlite.prepare(`SELECT month FROM paid_through WHERE participant_id = ? AND scheme = 'VSI'`).get(personId) as
    { month: string | null } | undefined;
  return row === undefined ? undefined : row.month;
}

describe.each(centralBackends())('the paid-through month carried by the feed, on %s', (backend) => {
  let central: Central;
  let counter1: Device;
  let counter2: Device;
  beforeAll(async () => {
    central = await startCentral(backend);
    counter1 = await startDevice(central, 'PTA', 'Quầy 1', { supervisorName: 'Trần Thị Giám' });
    counter2 = await startDevice(central, 'PTA', 'Quầy 2', { supervisorName: 'Lê Văn Sát' });
  }, 180_000);
  afterAll(async () => {
    for (const d of [counter1, counter2]) await d?.core.close();
    await central?.close();
  });

  it('equals the central’s on another device after each payment and void, and in a new device’s picture', async () => {
    const p = await counter1.call<{ id: string }>('participants.register', someone('Đinh Văn Tháng'));
    const first = await pay(counter1.call, p.id, '2026-01', 3);
    const second = await pay(counter1.call, p.id, '2026-04', 3);
    expect(await sync(counter1)).toMatchObject({ rejected: 0 });
    await sync(counter2);
    expect(await centralCount(central, p.id)).toBe('2026-06');
    expect(stored(counter2, p.id)).toBe('2026-06');

    // Counter 1 voids the later receipt: counter 2 hears the central's new count, not its own guess.
    await counter1.call('receipts.void', { id: second.receipt.id, reason: 'Thu nhầm kỳ' });
    expect(await sync(counter1)).toMatchObject({ rejected: 0 });
    await sync(counter2);
    expect(await centralCount(central, p.id)).toBe('2026-03');
    expect(stored(counter2, p.id)).toBe('2026-03');
    expect(await central.database.db.selectFrom('paidThrough').selectAll().where('personId', '=', p.id).execute()).toEqual([
      { personId: p.id, officeCode: 'PTA', vsi: '2026-03', hhi: null },
    ]);

    // A new device's picture carries the same count.
    const fresh = await startDevice(central, 'PTA', 'Máy cán bộ thu', { supervisorName: 'Ngô Thị Lan' });
    try {
      await sync(fresh);
      expect(stored(fresh, p.id)).toBe('2026-03');
    } finally {
      await fresh.core.close();
    }

    // Every receipt voided: the central counts none, and says so.
    await counter1.call('receipts.void', { id: first.receipt.id, reason: 'Thu nhầm người' });
    await sync(counter1);
    await sync(counter2);
    expect(await centralCount(central, p.id)).toBeNull();
    expect(stored(counter2, p.id)).toBeNull();
  });

  it('is dropped on the device that voids, until the central answers, and the device counts from what it holds', async () => {
    const p = await counter1.call<{ id: string }>('participants.register', someone('Đinh Thị Hoàn'));
    await counter1.call('enrollments.set', { participantId: p.id, scheme: 'VSI', method: 'monthly', incomeBasis: 1_500_000, fromMonth: '2026-01' });
    await pay(counter1.call, p.id, '2026-01', 3);
    const later = await pay(counter1.call, p.id, '2026-04', 3);
    await sync(counter1);
    await sync(counter2);
    expect(stored(counter2, p.id)).toBe('2026-06');
    const before = await counter2.call<{ items: { scheme: string; lastPaidMonth: string | null }[] }>('enrollments.listForParticipant', {
      participantId: p.id,
    });
    expect(before.items).toEqual([expect.objectContaining({ scheme: 'VSI', lastPaidMonth: '2026-06' })]);
    // A supervisor of counter 2 refunds counter 1's receipt: counter 2's figure from the central is out of date at once.
    await counter2.call('receipts.void', { id: later.receipt.id, reason: 'Hoàn trả tại quầy 2' });
    expect(stored(counter2, p.id)).toBeUndefined();
    const enrolled = await counter2.call<{ items: { scheme: string; lastPaidMonth: string | null }[] }>('enrollments.listForParticipant', {
      participantId: p.id,
    });
    expect(enrolled.items).toEqual([expect.objectContaining({ scheme: 'VSI', lastPaidMonth: '2026-03' })]);
    expect(await sync(counter2)).toMatchObject({ rejected: 0 });
    await sync(counter1);
    expect(await centralCount(central, p.id)).toBe('2026-03');
  });
});
