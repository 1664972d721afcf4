// The convergence oracle of the fault suite: after every office has pushed until nothing is
// pending, every operation has exactly one final result on the device and one on the central
// service (the same status); every operation the central held or rejected is in the device's
// sync-issues inbox; the money the central applied equals, to the đồng, the device's payments
// whose operations it applied (voids included), with the same receipt numbers; and a payment the
// central held (its person held as a possible duplicate) is in the inbox and absent at the central.
// For an office of several devices (expectOnePicture): every payment the central applied for the
// office is on each device exactly once — its own, or pulled with the central's receipt label —
// never in its outbox, and the office's live money is the same on every device as at the central.
import { expect } from 'vitest';
import type { Central, Office } from '../integration/sync/central-fixture';

/** The money of the rows not voided. */
const live = (rows: { total: number | string; voidId: string | null }[]) => rows.filter((r) => r.voidId === null).reduce((s, r) => s + Number(r.total), 0);

export interface Converged {
  ops: number;
  /** The live (not voided) money the central applied, over all offices. */
  total: number;
  held: number;
  rejected: number;
  /** Payments held at the central for want of an accepted person. */
  heldPayments: number;
}

export async function expectConverged(central: Central, offices: Office[]): Promise<Converged> {
  const cdb = central.database.db;
  const sum: Converged = { ops: 0, total: 0, held: 0, rejected: 0, heldPayments: 0 };
  for (const office of offices) {
    const db = office.core.context.db;
    const deviceId = (await db.selectFrom('syncState').select('centralDeviceId').executeTakeFirstOrThrow()).centralDeviceId!;
    const outbox = await db.selectFrom('outbox').select(['opId', 'status', 'kind', 'entityId']).execute();
    expect(outbox.filter((o) => o.status !== 'done')).toEqual([]);
    const results = await db.selectFrom('syncResults').select(['opId', 'status']).execute();
    expect(results.length).toBe(outbox.length);
    expect(new Set(results.map((r) => r.opId))).toEqual(new Set(outbox.map((o) => o.opId)));
    const central = await cdb.selectFrom('ops').select(['opId', 'status']).where('deviceId', '=', deviceId).execute();
    expect(central.length).toBe(outbox.length);
    const centralStatus = new Map(central.map((c) => [c.opId, c.status]));
    for (const r of results) expect(centralStatus.get(r.opId), `op ${r.opId}`).toBe(r.status);

    // Every operation held or refused is in the inbox, for a supervisor to settle.
    const status = new Map(results.map((r) => [r.opId, r.status]));
    const inbox = await db.selectFrom('syncIssues').select(['opId', 'class', 'state']).execute();
    const inboxOps = new Set(inbox.map((i) => i.opId));
    const unsettled = results.filter((r) => r.status === 'HELD' || r.status === 'REJECTED');
    for (const r of unsettled) expect(inboxOps.has(r.opId), `${r.status} op ${r.opId} in the inbox`).toBe(true);

    // Payments: applied ones are the central's money; held ones wait in the inbox and are not there.
    const paymentOps = outbox.filter((o) => o.kind === 'contribution.record');
    const applied = new Set(paymentOps.filter((o) => status.get(o.opId) === 'APPLIED').map((o) => o.entityId));
    const held = paymentOps.filter((o) => status.get(o.opId) === 'HELD');
    const localMoney = (
      await db
        .selectFrom('contributions')
        .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
        .innerJoin('receipts', 'receipts.id', 'contributions.receiptId')
        .select(['contributions.id', 'contributions.total', 'receipts.series', 'receipts.number', 'receiptVoids.id as voidId'])
        .execute()
    ).filter((row) => applied.has(row.id));
    const centralMoney = await cdb
      .selectFrom('contributions')
      .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
      .select(['contributions.id', 'contributions.total', 'contributions.receiptSeries', 'contributions.receiptNumber', 'receiptVoids.receiptId as voidId'])
      .where('contributions.deviceId', '=', deviceId)
      .execute();
    expect(live(centralMoney)).toBe(live(localMoney));
    expect(centralMoney.map((r) => `${r.receiptSeries}/${r.receiptNumber}`).sort()).toEqual(localMoney.map((r) => `${r.series}/${r.number}`).sort());
    const atCentral = new Set(centralMoney.map((r) => r.id));
    for (const payment of held) {
      expect(atCentral.has(payment.entityId), `held payment ${payment.entityId} absent at the central`).toBe(false);
      expect(
        inbox.find((i) => i.opId === payment.opId),
        `held payment ${payment.entityId} in the inbox`,
      ).toMatchObject({ class: 'PERSON_NOT_ACCEPTED' });
    }

    sum.ops += outbox.length;
    sum.total += live(localMoney);
    sum.held += results.filter((r) => r.status === 'HELD').length;
    sum.rejected += results.filter((r) => r.status === 'REJECTED').length;
    sum.heldPayments += held.length;
  }
  return sum;
}

/** Every device of the office holds every payment the central applied for it, once, and the same live money. */
export async function expectOnePicture(central: Central, officeCode: string, devices: Office[]): Promise<{ payments: number; total: number }> {
  const cdb = central.database.db;
  const atCentral = await cdb
    .selectFrom('contributions')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
    .select([
      'contributions.id',
      'contributions.total',
      'contributions.deviceId',
      'contributions.receiptSeries',
      'contributions.receiptNumber',
      'receiptVoids.receiptId as voidId',
    ])
    .where('contributions.officeCode', '=', officeCode)
    .execute();
  const centralLabels = new Map(atCentral.map((c) => [c.id, `${c.receiptSeries}/${c.receiptNumber}`]));
  for (const device of devices) {
    const db = device.core.context.db;
    const deviceId = (await db.selectFrom('syncState').select('centralDeviceId').executeTakeFirstOrThrow()).centralDeviceId!;
    const own = await db
      .selectFrom('contributions')
      .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
      .select(['contributions.id', 'contributions.total', 'receiptVoids.id as voidId'])
      .execute();
    const pulled = await db
      .selectFrom('pulledContributions')
      .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'pulledContributions.receiptId')
      .select([
        'pulledContributions.id',
        'pulledContributions.total',
        'pulledContributions.sourceDeviceId',
        'pulledContributions.receiptSeries',
        'pulledContributions.receiptNumber',
        'receiptVoids.id as voidId',
      ])
      .execute();
    // Pulled work is another device's, kept with the central's receipt label, never this device's own.
    const ownIds = new Set(own.map((c) => c.id));
    for (const p of pulled) {
      expect(p.sourceDeviceId, `pulled ${p.id} is another device's`).not.toBe(deviceId);
      expect(ownIds.has(p.id), `pulled ${p.id} is not also this device's own`).toBe(false);
      expect(`${p.receiptSeries}/${p.receiptNumber}`, `pulled ${p.id} keeps its label`).toBe(centralLabels.get(p.id));
    }
    // Never re-pushed: no outbox entry names a pulled payment, and the central holds none of them as this device's.
    const pulledIds = new Set(pulled.map((p) => p.id));
    const outbox = await db.selectFrom('outbox').select(['entityId', 'kind']).execute();
    expect(outbox.filter((o) => pulledIds.has(o.entityId))).toEqual([]);
    expect(atCentral.filter((c) => c.deviceId === deviceId && pulledIds.has(c.id))).toEqual([]);
    // Every payment the central applied for the office is here exactly once.
    const here = new Set([...own.map((c) => c.id), ...pulled.map((p) => p.id)]);
    expect(here.size).toBe(own.length + pulled.length);
    const applied = atCentral.map((c) => c.id);
    expect(
      applied.filter((id) => !here.has(id)),
      'payments of the office missing on a device',
    ).toEqual([]);
    // The money: the office's live payments, as this device knows them, equal the central's.
    const appliedSet = new Set(applied);
    const known = [...own.filter((c) => appliedSet.has(c.id)), ...pulled];
    expect(live(known), `live money on device ${deviceId}`).toBe(live(atCentral));
  }
  return { payments: atCentral.length, total: live(atCentral) };
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
