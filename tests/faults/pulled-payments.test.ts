// Pulled payments under faults (issue 20 item 7): three devices of one office work at once behind
// a proxy that drops replies after the central committed, sends requests twice and refuses some —
// on pushes, pulls, the picture's fill and the office status alike — while a supervisor refunds
// receipts other devices issued, and a third device enrolls mid-way and fills its picture. After
// convergence: each device's own work passes the suite's oracle; every payment the central applied
// for the office is on every device exactly once (its own, or pulled with the central's receipt
// label), a pulled payment is never in a device's outbox nor sent back, and the live money of the
// office is the same to the đồng on every device and at the central.
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/main/core/demo/demo-people';
import { type Office, startCentral, startOffice } from '../integration/sync/central-fixture';
import { type FaultMode, startFaultProxy } from './fault-proxy';
import { expectConverged, expectOnePicture, pushUntilDone } from './oracle';
import { runWorkload } from './workload';

const SCALE = Number(process.env.FAULT_SCALE ?? 1);
const OFFICE = 'FPUL';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A supervisor refunds a receipt another device issued (pulled here, not yet voided), when there is one. */
async function refundOnePulled(device: Office, rand: () => number): Promise<boolean> {
  const open = await device.core.context.db
    .selectFrom('pulledContributions')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'pulledContributions.receiptId')
    .select('pulledContributions.receiptId')
    .where('receiptVoids.id', 'is', null)
    .execute();
  if (open.length === 0) return false;
  await device.call('receipts.void', { id: open[Math.floor(rand() * open.length)]!.receiptId, reason: 'Hoàn trả tại quầy khác (kiểm thử)' });
  return true;
}

describe('pulled payments under faults', () => {
  it('are never doubled, never re-pushed, and every device of the office sums the same as the central', async () => {
    const central = await startCentral();
    cleanups.push(() => central.close());
    const rand = seededRandom(20_2020);
    let calm = false;
    const faulty = ['/v1/batches', '/v1/changes', '/v1/picture', '/v1/office/status'];
    const proxy = await startFaultProxy(central.url, (_method, path): FaultMode => {
      if (calm || !faulty.some((p) => path.startsWith(p))) return 'pass';
      const r = rand();
      return r < 0.2 ? 'drop-reply' : r < 0.35 ? 'duplicate' : r < 0.45 ? 'refuse' : 'pass';
    });
    cleanups.push(() => proxy.close());
    const enroll = async (n: number) => {
      const device = await startOffice(central, OFFICE, {
        centralUrl: proxy.url,
        deviceName: `Quầy ${n}`,
        supervisorName: ['Trần Thị Giám', 'Lê Văn Sát', 'Phạm Thị Viên'][n - 1]!,
      });
      cleanups.push(() => device.core.close());
      return device;
    };
    const devices = [await enroll(1), await enroll(2)];
    let refunds = 0;
    for (let round = 0; round < 3; round++) {
      // The third device joins after the first round: it fills its picture under the same faults.
      if (round === 1) devices.push(await enroll(3));
      for (const [i, device] of devices.entries()) {
        await runWorkload(device, 100 * round + i + 1, 12 * SCALE, 6);
        await device.call('sync.pushNow', {});
        if (i === 0 && (await refundOnePulled(device, rand))) refunds++;
      }
    }
    calm = true;
    for (let pass = 0; pass < 2; pass++) for (const device of devices) await pushUntilDone(device);
    await expectConverged(central, devices);
    const picture = await expectOnePicture(central, OFFICE, devices);

    expect(picture.payments).toBeGreaterThan(10);
    expect(refunds).toBeGreaterThan(0);
    expect(await central.database.db.selectFrom('receiptVoids').select('receiptId').where('officeCode', '=', OFFICE).execute()).not.toHaveLength(0);
    for (const mode of ['drop-reply', 'duplicate', 'refuse'] as const) expect(proxy.counts[mode]).toBeGreaterThan(0);
  }, 400_000);
});
