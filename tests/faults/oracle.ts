// The convergence oracle of the fault suite: after every office has pushed until nothing is
// pending, every operation has exactly one final result on the device and one on the central
// service (the same status), money sums agree per device, and receipt numbers are unchanged.
import { expect } from 'vitest';
import type { Central, Office } from '../integration/sync/central-fixture';

export async function expectConverged(central: Central, offices: Office[]): Promise<{ ops: number; total: number }> {
  const cdb = central.database.db;
  let ops = 0;
  let total = 0;
  for (const office of offices) {
    const db = office.core.context.db;
    const deviceId = (await db.selectFrom('syncState').select('centralDeviceId').executeTakeFirstOrThrow()).centralDeviceId!;
    const outbox = await db.selectFrom('outbox').select(['opId', 'status']).execute();
    expect(outbox.filter((o) => o.status !== 'done')).toEqual([]);
    const results = await db.selectFrom('syncResults').select(['opId', 'status']).execute();
    expect(results.length).toBe(outbox.length);
    expect(new Set(results.map((r) => r.opId))).toEqual(new Set(outbox.map((o) => o.opId)));
    const central = await cdb.selectFrom('ops').select(['opId', 'status']).where('deviceId', '=', deviceId).execute();
    expect(central.length).toBe(outbox.length);
    const centralStatus = new Map(central.map((c) => [c.opId, c.status]));
    for (const r of results) expect(centralStatus.get(r.opId), `op ${r.opId}`).toBe(r.status);

    const localMoney = await db
      .selectFrom('contributions')
      .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
      .innerJoin('receipts', 'receipts.id', 'contributions.receiptId')
      .select(['contributions.total', 'receipts.series', 'receipts.number', 'receiptVoids.id as voidId'])
      .execute();
    const centralMoney = await cdb
      .selectFrom('contributions')
      .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
      .select(['contributions.total', 'contributions.receiptSeries', 'contributions.receiptNumber', 'receiptVoids.receiptId as voidId'])
      .where('contributions.deviceId', '=', deviceId)
      .execute();
    const live = (rows: { total: number | string; voidId: string | null }[]) => rows.filter((r) => r.voidId === null).reduce((s, r) => s + Number(r.total), 0);
    expect(live(centralMoney)).toBe(live(localMoney));
    expect(centralMoney.map((r) => `${r.receiptSeries}/${r.receiptNumber}`).sort()).toEqual(localMoney.map((r) => `${r.series}/${r.number}`).sort());
    ops += outbox.length;
    total += live(localMoney);
  }
  return { ops, total };
}

/** Pushes until the office has nothing pending and no unanswered batch (bounded attempts). */
export async function pushUntilDone(office: Office, attempts = 40): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    await office.call('sync.pushNow', {});
    const status = await office.call<{ pendingOps: number; unansweredBatches: number }>('sync.status', {});
    if (status.pendingOps === 0 && status.unansweredBatches === 0) return;
  }
  throw new Error('office did not converge');
}
