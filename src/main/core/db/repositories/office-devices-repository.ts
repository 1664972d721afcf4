// The office's devices as the central last described them (POST /v1/office/status), other devices'
// closed days as pulled, and this device's own pending work for its report: SQL only.
import type { Kysely, Transaction } from 'kysely';
import type { ChangePayload } from '../../../../shared/sync/changes';
import type { DeviceStatusReport, OfficeDevice } from '../../../../shared/sync/office-status';
import type { Database, OfficeDevicesTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Replaces the list with the central's answer (a device revoked stays listed, marked). */
export async function replaceOfficeDevices(db: Db, devices: OfficeDevice[], at: string): Promise<void> {
  await db.deleteFrom('officeDevices').execute();
  for (const d of devices) {
    await db
      .insertInto('officeDevices')
      .values({
        id: d.id,
        name: d.name,
        enrolledAt: d.enrolledAt,
        revokedAt: d.revokedAt,
        lastSeenAt: d.lastSeenAt,
        status: d.status ? JSON.stringify(d.status) : null,
        statusAt: d.statusAt,
        refreshedAt: at,
      })
      .execute();
  }
}

export function listOfficeDevices(db: Db): Promise<OfficeDevicesTable[]> {
  return db.selectFrom('officeDevices').selectAll().orderBy('enrolledAt').execute();
}

/** A device's name as the central knows it ("Quầy 2"), or null when this device has not heard of it. */
export async function deviceName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom('officeDevices').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

/** What this device has not had answered by the central, and the latest day it closed. */
export async function ownStatusReport(db: Db): Promise<DeviceStatusReport> {
  const pending = await db
    .selectFrom('outbox')
    .leftJoin('contributions', (join) => join.onRef('contributions.id', '=', 'outbox.entityId').on('outbox.kind', '=', 'contribution.record'))
    .select((eb) => [
      eb.fn.countAll<number>().as('ops'),
      eb.fn.count<number>('contributions.id').as('receipts'),
      eb.fn.coalesce(eb.fn.sum<number>('contributions.total'), eb.lit(0)).as('total'),
    ])
    .where('outbox.status', '!=', 'done')
    .executeTakeFirstOrThrow();
  const closed = await db
    .selectFrom('dayClosures')
    .select((eb) => eb.fn.max('businessDate').as('day'))
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return {
    pendingOps: Number(pending.ops),
    pendingReceipts: Number(pending.receipts),
    pendingTotal: Number(pending.total),
    lastClosedDay: closed?.day ?? null,
  };
}

export async function upsertPulledDayClosure(db: Db, c: ChangePayload<'day.closed'>): Promise<void> {
  const values = {
    deviceId: c.deviceId,
    businessDate: c.businessDate,
    closedAt: c.closedAt,
    closedByName: c.closedByName,
    collectors: JSON.stringify(c.collectors),
  };
  await db
    .insertInto('pulledDayClosures')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['deviceId', 'businessDate']).doUpdateSet({ closedAt: values.closedAt, closedByName: values.closedByName, collectors: values.collectors }),
    )
    .execute();
}

export function pulledDayClosures(db: Db, day: string) {
  return db.selectFrom('pulledDayClosures').selectAll().where('businessDate', '=', day).execute();
}
