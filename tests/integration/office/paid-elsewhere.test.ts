// Payments another office took for a person of this office (issue 20 items 1 and 3): a person
// registered at office A pays at office B (they moved, or paid where they work). Office A's
// devices hear of it by the feed, a new device of A finds it in its picture, both show it with the
// office that took it and refuse its months; B's void frees them again on A. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { type Device, pay, someone, startDevice, sync } from './office-kit';

type Listed = {
  items: {
    receiptLabel: string;
    voided: boolean;
    takenOn: { thisDevice: boolean; officeCode: string; deviceName: string | null; collectorName: string | null };
  }[];
};

const question = (participantId: string, fromMonth: string) => ({ participantId, scheme: 'VSI', fromMonth, months: 1, incomeBasis: 1_500_000 });

describe.each(centralBackends())('payments another office took, on %s', (backend) => {
  let central: Central;
  let home: Device;
  let away: Device;
  beforeAll(async () => {
    central = await startCentral(backend);
    home = await startDevice(central, 'PEA', 'Quầy 1 Ba Đình', { supervisorName: 'Trần Thị Giám' });
    away = await startDevice(central, 'PEB', 'Quầy 1 Đống Đa', { supervisorName: 'Lê Văn Sát' });
  }, 180_000);
  afterAll(async () => {
    for (const d of [home, away]) await d?.core.close();
    await central?.close();
  });

  it('reach the person’s own office, by the feed and in a new device’s picture, and their months are refused there', async () => {
    const p = await home.call<{ id: string }>('participants.register', someone('Bế Văn Sơn'));
    await sync(home);
    await sync(away); // office B knows the province's people
    const { receipt } = await pay(away.call, p.id, '2026-03', 3);
    expect(await sync(away)).toMatchObject({ rejected: 0, held: 0 });

    await sync(home);
    const listed = await home.call<Listed>('contributions.listForParticipant', { participantId: p.id });
    expect(listed.items).toEqual([
      expect.objectContaining({ receiptLabel: receipt.label, voided: false, takenOn: expect.objectContaining({ thisDevice: false, officeCode: 'PEB' }) }),
    ]);
    const refused = await home.core.invoke('contributions.quote', question(p.id, '2026-04'), home.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'fromMonth' } });
    if (!refused.ok) expect(refused.error.message).toContain(receipt.label);
    // Nothing of it is office A's own: no receipt, nothing queued to send.
    expect(await home.core.context.db.selectFrom('receipts').select('id').execute()).toEqual([]);
    expect(await sync(home)).toMatchObject({ batches: 0 });

    // A new device of office A fills its picture: the payment is there too, and refused the same way.
    const fresh = await startDevice(central, 'PEA', 'Máy cán bộ thu', { supervisorName: 'Ngô Thị Lan' });
    try {
      await sync(fresh);
      const onFresh = await fresh.call<Listed>('contributions.listForParticipant', { participantId: p.id });
      expect(onFresh.items.map((i) => [i.receiptLabel, i.takenOn.officeCode])).toEqual([[receipt.label, 'PEB']]);
      expect(await fresh.core.invoke('contributions.quote', question(p.id, '2026-05'), fresh.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      // Office B voids it: the months are free again on office A's devices.
      await away.call('receipts.void', { id: receipt.id, reason: 'Thu nhầm người' });
      await sync(away);
      await sync(home);
      await sync(fresh);
      for (const device of [home, fresh]) {
        const after = await device.call<Listed>('contributions.listForParticipant', { participantId: p.id });
        expect(after.items).toEqual([expect.objectContaining({ receiptLabel: receipt.label, voided: true })]);
        expect(await device.core.invoke('contributions.quote', question(p.id, '2026-04'), device.token)).toMatchObject({ ok: true });
      }
    } finally {
      await fresh.core.close();
    }
  });
});
