// A store that opens with `copy_taken_at` set is a copy made by `store.backup`, put back after a
// lost disk or a broken laptop. Since the copy was taken, the old device may have issued more
// receipts and sent more batches, so the copy must not continue either sequence: before anything
// else runs it becomes a new device — a new id (so a receipt series never used in this office), a
// new key, no enrollment (the supervisor enrolls it again with a new code), and its unanswered
// batches dissolved so their operations go up again under the new device. The central answers
// operations it already has with their stored results (it keys them by operation id), so nothing
// is applied twice. The change is audited.
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/schema';
import { appendAudit } from '../db/mutation-log';
import { deviceSeries } from '../db/repositories/receipt-numbers';
import { type DeviceKeyStore, generateDeviceKeyPair } from '../sync/device-key-store';

/** Makes a restored copy a new device; a live store (no copy mark) is left as it is. */
export async function adoptRestoredCopy(db: Kysely<Database>, keyStore: DeviceKeyStore, at: string): Promise<boolean> {
  const office = await db.selectFrom('office').select(['code', 'deviceId', 'copyTakenAt']).executeTakeFirst();
  if (!office?.copyTakenAt) return false;
  const copyTakenAt = office.copyTakenAt;
  await db.transaction().execute(async (trx) => {
    // Not a series this office has used, nor the old device's (it may have gone on after the copy).
    const usedSeries = new Set((await trx.selectFrom('receiptSeries').select('series').execute()).map((r) => r.series));
    usedSeries.add(deviceSeries(office.code, office.deviceId));
    let deviceId = uuidv7();
    while (usedSeries.has(deviceSeries(office.code, deviceId))) deviceId = uuidv7();
    await trx.updateTable('office').set({ deviceId, copyTakenAt: null }).execute();
    await trx.deleteFrom('syncBatches').execute();
    await trx.updateTable('outbox').set({ status: 'pending', batchNo: null }).where('status', '=', 'batched').execute();
    await trx
      .updateTable('syncState')
      .set({ centralDeviceId: null, publicKey: null, enrolledAt: null, nextBatchNo: 1, pullCursor: null, lastError: null })
      .where('id', '=', 1)
      .execute();
    await appendAudit(trx, {
      at,
      staffId: null,
      action: 'store.restored',
      entity: 'office',
      entityId: office.code,
      details: { copyTakenAt, previousDeviceId: office.deviceId, deviceId },
    });
  });
  // The old key may still be enrolled (or revoked) at the central as the old device.
  keyStore.save(generateDeviceKeyPair());
  return true;
}
