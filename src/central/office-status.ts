// A device's report of what it has not pushed yet, kept on its row, answered with every device of
// its office as last heard of (src/shared/sync/office-status.ts): the supervisor's office-wide
// day-end shows each device's pending work and when it last synced. Live, not in the feed: it
// changes with every sync and only its latest value matters.
import type { Kysely } from 'kysely';
import type { DeviceStatusReport, OfficeStatusResponse } from '../shared/sync/office-status';
import type { CentralDb } from './db/schema';
import type { AuthenticatedDevice } from './request-auth';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function officeStatus(db: Kysely<CentralDb>, device: AuthenticatedDevice, report: DeviceStatusReport, now: Date): Promise<OfficeStatusResponse> {
  await db
    .updateTable('devices')
    .set({ status: JSON.stringify(report), statusAt: now, lastSeenAt: now })
    .where('id', '=', device.id)
    .execute();
  const office = await db.selectFrom('offices').select(['code', 'name']).where('code', '=', device.officeCode).executeTakeFirstOrThrow();
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'name', 'enrolledAt', 'revokedAt', 'lastSeenAt', 'status', 'statusAt'])
    .where('officeCode', '=', device.officeCode)
    .orderBy('enrolledAt')
    .execute();
  return {
    officeCode: office.code,
    officeName: office.name,
    devices: devices.map((d) => ({
      id: d.id,
      name: d.name,
      enrolledAt: iso(d.enrolledAt)!,
      revokedAt: iso(d.revokedAt),
      lastSeenAt: iso(d.lastSeenAt),
      status: d.status === null ? null : ((typeof d.status === 'string' ? JSON.parse(d.status) : d.status) as DeviceStatusReport),
      statusAt: iso(d.statusAt),
    })),
  };
}
