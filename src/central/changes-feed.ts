// The pull feed: changes after the device's cursor, for its province (plus nation-wide reference
// data), made by other devices, in commit order (see ingest/apply-batch.ts for why the sequence
// cannot skip a late commit). A cursor the server cannot continue from gets `reset: true`.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CentralChange, ChangesResponse } from '../shared/sync/changes';
import type { CentralDb } from './db/schema';
import type { AuthenticatedDevice } from './request-auth';

export async function changesFor(db: Kysely<CentralDb>, device: AuthenticatedDevice, cursor: string | null, limit: number): Promise<ChangesResponse> {
  const after = cursor === null || cursor === '' ? 0 : Number(cursor);
  const counter = await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  if (!Number.isSafeInteger(after) || after < 0 || after > Number(counter.value)) {
    return { changes: [], nextCursor: null, hasMore: true, reset: true };
  }
  const rows = await db
    .selectFrom('changes')
    .select(['seq', 'kind', 'payload'])
    .where('seq', '>', after)
    .where((eb) => eb.or([eb('provinceCode', '=', device.provinceCode), eb('provinceCode', 'is', null)]))
    .where((eb) => eb.or([eb('originDeviceId', '!=', device.id), eb('originDeviceId', 'is', null)]))
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.length > 0 ? Number(page[page.length - 1]!.seq) : after;
  return {
    changes: page.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    })),
    // With no more rows for this device, jump to the counter so filtered-out changes are not rescanned.
    nextCursor: String(rows.length > limit ? last : Math.max(last, Number(counter.value))),
    hasMore: rows.length > limit,
  };
}

/**
 * Queues a change of the central's own (not from a device's batch) in the caller's transaction:
 * the next number of the counter, taken under its row's lock, so it commits in order.
 * `provinceCode` null sends it to every office.
 */
export async function queueCentralChange(trx: Transaction<CentralDb>, change: CentralChange, provinceCode: string | null): Promise<void> {
  const counter = await trx
    .updateTable('changeCounter')
    .set({ value: sql`value + 1` })
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('changes')
    .values({ seq: Number(counter.value), kind: change.kind, provinceCode, originDeviceId: null, payload: JSON.stringify(change.payload) })
    .execute();
}

/** A device's key as the feed carries it to the offices of its province (enrolled, or revoked since). */
export async function queueDeviceKey(trx: Transaction<CentralDb>, deviceId: string): Promise<void> {
  const device = await trx
    .selectFrom('devices')
    .innerJoin('offices', 'offices.code', 'devices.officeCode')
    .select(['devices.id', 'devices.officeCode', 'devices.publicKey', 'devices.name', 'devices.enrolledAt', 'devices.revokedAt', 'offices.provinceCode'])
    .where('devices.id', '=', deviceId)
    .executeTakeFirstOrThrow();
  await queueCentralChange(
    trx,
    {
      kind: 'device.key',
      payload: {
        deviceId: device.id,
        officeCode: device.officeCode,
        publicKey: device.publicKey,
        name: device.name,
        enrolledAt: new Date(device.enrolledAt).toISOString(),
        revokedAt: device.revokedAt ? new Date(device.revokedAt).toISOString() : null,
      },
    },
    device.provinceCode,
  );
}
