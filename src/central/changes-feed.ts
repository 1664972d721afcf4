// The pull feed: changes after the device's cursor, made by other devices, in commit order (see
// ingest/apply-batch.ts for why the sequence cannot skip a late commit), for three audiences — the
// device's province (people, review settlements), its office (payments, voids, households,
// enrollments, day closures, handovers: ADR 0026) and everyone (reference data). Each audience is
// read through its own index from the cursor on (keyset pagination, `seq > cursor … LIMIT n`), and
// never further than WINDOW numbers past the cursor, so a page costs about the same whether the
// next rows of this device are near or millions of numbers away (the cursor then moves to the
// window's end and `hasMore` says to ask again). A cursor the server cannot continue from gets
// `reset: true`. The page is built as JSON text around the stored payloads' own text (jsonb::text),
// which are never parsed and re-serialised here.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { CentralChange } from '../shared/sync/changes';
import type { CentralDb } from './db/schema';
import type { AuthenticatedDevice } from './request-auth';

/**
 * Changes a page holds at most, on PostgreSQL as on PGlite (ADR 0040, ADR 0043): a page's time under
 * load grows with the payloads it turns into text and sends (2 000 changes: p95 up to 185 ms at load
 * 10 on PostgreSQL, 100–210 ms on PGlite, whose engine is several times slower), so pages are of at
 * most 1 000 changes. A device reads on while `hasMore`.
 */
export const FEED_MAX_PAGE = 1_000;

/** How far past the cursor one page looks (in feed numbers). */
export const FEED_WINDOW = 200_000;

interface FeedRow {
  seq: string | number;
  kind: string;
  payload: string;
}

/** The page as the JSON text of a `ChangesResponse` (src/shared/sync/changes.ts): at most `asked` changes, and never more than FEED_MAX_PAGE. */
export async function changesFor(db: Kysely<CentralDb>, device: AuthenticatedDevice, cursor: string | null, asked: number): Promise<string> {
  const limit = Math.min(asked, FEED_MAX_PAGE);
  const after = cursor === null || cursor === '' ? 0 : Number(cursor);
  const counter = Number((await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value);
  if (!Number.isSafeInteger(after) || after < 0 || after > counter) {
    return JSON.stringify({ changes: [], nextCursor: null, hasMore: true, reset: true });
  }
  const upTo = Math.min(counter, after + FEED_WINDOW);
  const take = limit + 1;
  const branch = (audience: RawBuilder<unknown>) => sql`(
    SELECT seq, kind, payload::text AS payload FROM changes
    WHERE ${audience} AND seq > ${after} AND seq <= ${upTo} AND origin_device_id IS DISTINCT FROM ${device.id}
    ORDER BY seq LIMIT ${take})`;
  const { rows } = await sql<FeedRow>`
    SELECT seq, kind, payload FROM (
      ${branch(sql`province_code = ${device.provinceCode}`)}
      UNION ALL
      ${branch(sql`office_code = ${device.officeCode} AND province_code IS DISTINCT FROM ${device.provinceCode}`)}
      UNION ALL
      ${branch(sql`province_code IS NULL AND office_code IS NULL`)}
    ) AS page ORDER BY seq LIMIT ${take}`.execute(db);
  const page = rows.slice(0, limit);
  const full = rows.length > limit;
  // A full page ends at its last row; otherwise everything up to the window's end has been read.
  const nextCursor = full ? Number(page[page.length - 1]!.seq) : upTo;
  const changes = page.map((r) => `{"seq":${Number(r.seq)},"kind":${JSON.stringify(r.kind)},"payload":${r.payload}}`).join(',');
  return `{"changes":[${changes}],"nextCursor":${JSON.stringify(String(nextCursor))},"hasMore":${full || upTo < counter}}`;
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
