// After the central refused a device's audit entries (an entry rewritten with every hash after it
// recomputed), the device is never anchored again on its own: its later sections start after what
// it last sent. An administrator's settling (reanchorDeviceAudit, `admin audit-reanchor`) moves the
// held chain to the newest head the device signed; the next push is held whole again and the
// device's acknowledgement moves on. The refused heads stay as evidence; nothing to settle is
// refused; a short note is refused and writes nothing. The console does the same for an administrator
// (POST /console/api/devices/:id/audit-reanchor), not for a reviewer.
import { describe, expect, it } from 'vitest';
import { reanchorDeviceAudit } from '../../../src/central/audit/audit-reanchor';
import { addStaff } from '../../../src/central/console/staff-accounts';
import { devicesResponse, reanchorAuditResponse } from '../../../src/shared/console/console-api';
import { consoleCall, signIn } from '../central/console-support';
import { centralBackends } from '../fixtures/test-postgres';
import { auditAnchorWorld, rewriteFrom, work } from './audit-fixture';

describe.each(centralBackends())('settling a device whose audit entries the central refused, on %s', (backend) => {
  const world = auditAnchorWorld(backend, 'RAN', 10);

  const held = async () => {
    const d = await world.central.database.db
      .selectFrom('devices')
      .select(['auditSeq', 'auditHash'])
      .where('id', '=', world.deviceId)
      .executeTakeFirstOrThrow();
    return Number(d.auditSeq);
  };
  const lastLocal = () => world.office.core.database.sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

  it('refuses when nothing was refused, and a note too short, writing nothing', async () => {
    const { central, deviceId } = world;
    await expect(reanchorDeviceAudit(central.database.db, { deviceId, by: 'admin', note: 'Đã xác minh với văn phòng.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(reanchorDeviceAudit(central.database.db, { deviceId, by: 'admin', note: 'ngắn' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      reanchorDeviceAudit(central.database.db, { deviceId: 'no-such-device', by: 'admin', note: 'Đã xác minh với văn phòng.' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await central.database.db.selectFrom('auditReanchors').selectAll().where('deviceId', '=', deviceId).execute()).toEqual([]);
  });

  it('moves the held chain to the newest head the device signed; the next push is held whole again', async () => {
    const { central, office, deviceId } = world;
    const before = await held();
    rewriteFrom(office.core.database.sqlite, 5);
    await work(office, 1, 40);
    await office.call('sync.pushNow', {});
    await work(office, 1, 41);
    await office.call('sync.pushNow', {});
    // Stuck: every section since the rewrite was refused, the central's place has not moved.
    expect(await held()).toBe(before);
    const refused = await central.database.db
      .selectFrom('auditHeads')
      .select(['seq'])
      .where('deviceId', '=', deviceId)
      .where('problem', 'is not', null)
      .execute();
    expect(refused.length).toBeGreaterThanOrEqual(2);
    const newest = Math.max(...refused.map((h) => Number(h.seq)));

    const settled = await reanchorDeviceAudit(central.database.db, { deviceId, by: 'admin', note: 'Máy bị sửa nhật ký; đã lập biên bản số 7.' });
    expect(settled).toMatchObject({ deviceId, fromSeq: before, toSeq: newest });
    expect(await held()).toBe(newest);
    const [row] = await central.database.db.selectFrom('auditReanchors').selectAll().where('deviceId', '=', deviceId).execute();
    expect(row).toMatchObject({ settledBy: 'admin', note: 'Máy bị sửa nhật ký; đã lập biên bản số 7.' });
    expect(Number(row!.fromSeq)).toBe(before);

    // The next push continues from there: held whole, acknowledged at the device's newest entry.
    await work(office, 1, 42);
    await office.call('sync.pushNow', {});
    expect(await held()).toBe(lastLocal());
    expect(await office.call('audit.status', {})).toMatchObject({ anchor: { seq: lastLocal() } });
    // The evidence stays: the refused heads are all still there.
    const after = await central.database.db
      .selectFrom('auditHeads')
      .select(['seq'])
      .where('deviceId', '=', deviceId)
      .where('problem', 'is not', null)
      .execute();
    expect(after.length).toBe(refused.length);
    // Settling again has nothing to do.
    await expect(reanchorDeviceAudit(central.database.db, { deviceId, by: 'admin', note: 'Lần hai, không còn gì.' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('is done from the console by an administrator with a note — not by a reviewer — and the devices page shows the refusal until then', async () => {
    const { central, office, deviceId, offices } = world;
    const password = 'mật-khẩu-dài-1';
    await addStaff(central.database.db, { username: `qt${offices}`, displayName: 'Quản Trị', role: 'administrator', password });
    await addStaff(central.database.db, { username: `xx${offices}`, displayName: 'Xem Xét', role: 'reviewer', password });
    const administrator = await signIn(central, `qt${offices}`, password);
    const reviewer = await signIn(central, `xx${offices}`, password);
    rewriteFrom(office.core.database.sqlite, 4);
    await work(office, 1, 50);
    await office.call('sync.pushNow', {});
    const device = async () =>
      devicesResponse.parse((await consoleCall(central, '/devices', { cookie: reviewer })).json).devices.find((d) => d.id === deviceId)!;
    expect((await device()).auditHead?.problem).toBeTruthy();

    const path = `/devices/${deviceId}/audit-reanchor`;
    const note = 'Đã xác minh với văn phòng; biên bản số 9.';
    expect((await consoleCall(central, path, { method: 'POST', cookie: reviewer, body: { note } })).status).toBe(403);
    expect((await consoleCall(central, path, { method: 'POST', cookie: administrator, body: { note: 'ngắn' } })).status).toBe(400);
    expect(await held()).toBeLessThan(lastLocal());
    const reply = await consoleCall(central, path, { method: 'POST', cookie: administrator, body: { note } });
    expect(reply.status).toBe(200);
    expect(reanchorAuditResponse.parse(reply.json).toSeq).toBe(lastLocal());
    const [row] = await central.database.db.selectFrom('auditReanchors').selectAll().where('deviceId', '=', deviceId).execute();
    expect(row).toMatchObject({ settledBy: `qt${offices}`, note });

    await work(office, 1, 51);
    await office.call('sync.pushNow', {});
    expect(await held()).toBe(lastLocal());
    expect((await device()).auditHead?.problem ?? null).toBeNull();
  });
});
