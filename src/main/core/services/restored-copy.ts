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
import { becomeNewDevice, findOffice } from '../db/repositories/office-repository';
import { unbatchAll } from '../db/repositories/outbox-repository';
import { deviceSeries, seriesUsed } from '../db/repositories/receipt-numbers';
import { deleteAll as deleteAllBatches } from '../db/repositories/sync-batches-repository';
import { keepRetiredKey } from '../db/repositories/device-keys-repository';
import { centralAddress, forgetDevice } from '../db/repositories/sync-state-repository';
import { type DeviceKeyStore, generateDeviceKeyPair } from '../sync/device-key-store';
import { keyIdOf } from '../../../shared/verification/receipt-payload';
import { deviceKeys } from './receipt-signing';

/** Makes a restored copy a new device; a live store (no copy mark) is left as it is. */
export async function adoptRestoredCopy(db: Kysely<Database>, keyStore: DeviceKeyStore, at: string): Promise<boolean> {
  const office = await findOffice(db);
  if (!office?.copyTakenAt) return false;
  const copyTakenAt = office.copyTakenAt;
  // The key this store had signed its receipts with stays known here as a retired key, so the
  // receipts it printed still verify on this laptop (and at the central, which pulled nothing new).
  const oldKey = deviceKeys(keyStore);
  const oldKeyId = oldKey ? await keyIdOf(oldKey.publicKey) : null;
  await db.transaction().execute(async (trx) => {
    if (oldKey && oldKeyId) {
      const enrolled = await centralAddress(trx);
      await keepRetiredKey(trx, {
        keyId: oldKeyId,
        publicKey: oldKey.publicKey,
        deviceId: enrolled.centralDeviceId,
        officeCode: office.code,
        name: null,
        enrolledAt: null,
        revokedAt: null,
        source: 'own-retired',
        updatedAt: at,
      });
    }
    // Not a series this office has used, nor the old device's (it may have gone on after the copy).
    const usedSeries = new Set(await seriesUsed(trx));
    usedSeries.add(deviceSeries(office.code, office.deviceId));
    let deviceId = uuidv7();
    while (usedSeries.has(deviceSeries(office.code, deviceId))) deviceId = uuidv7();
    await becomeNewDevice(trx, deviceId);
    await deleteAllBatches(trx);
    await unbatchAll(trx);
    await forgetDevice(trx);
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
