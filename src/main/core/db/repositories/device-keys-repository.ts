// The province's device keys as the central publishes them (pull kind `device.key`): kept by key
// id, a later change of the same key (its revocation) replacing the earlier; and this store's own
// retired key after a restored copy. Receipts are checked against them offline
// (services/receipt-verification.ts, ADR 0027).
import type { Kysely, Transaction } from 'kysely';
import type { CentralChange } from '../../../../shared/sync/changes';
import { keyIdOf } from '../../../../shared/verification/receipt-payload';
import type { Database, DeviceKeysTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

type DeviceKeyChange = Extract<CentralChange, { kind: 'device.key' }>['payload'];

export async function keepDeviceKey(trx: Transaction<Database>, key: DeviceKeyChange, at: string): Promise<void> {
  const row = {
    keyId: await keyIdOf(key.publicKey),
    publicKey: key.publicKey,
    deviceId: key.deviceId,
    officeCode: key.officeCode,
    name: key.name,
    enrolledAt: key.enrolledAt,
    revokedAt: key.revokedAt,
    source: 'central' as const,
    updatedAt: at,
  };
  await trx
    .insertInto('deviceKeys')
    .values(row)
    .onConflict((oc) =>
      oc.column('keyId').doUpdateSet({
        deviceId: row.deviceId,
        officeCode: row.officeCode,
        name: row.name,
        enrolledAt: row.enrolledAt,
        revokedAt: row.revokedAt,
        updatedAt: at,
      }),
    )
    .execute();
}

export function findDeviceKey(db: Db, keyId: string): Promise<DeviceKeysTable | undefined> {
  return db.selectFrom('deviceKeys').selectAll().where('keyId', '=', keyId).executeTakeFirst();
}

/** The key a restored copy signed with before it became a new device: kept, never replaced. */
export async function keepRetiredKey(trx: Transaction<Database>, row: DeviceKeysTable): Promise<void> {
  await trx
    .insertInto('deviceKeys')
    .values(row)
    .onConflict((oc) => oc.column('keyId').doNothing())
    .execute();
}
