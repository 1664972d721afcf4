// Who may talk to the central service: a one-time enrollment code binds a device key; every later
// request must carry that key's signature over method, path, timestamp and body; a revoked device,
// a tampered request, another device's key or a clock far off are refused and write nothing.
import { describe, expect, it } from 'vitest';
import { issueEnrollmentCode, revokeDevice } from '../../../src/central/admin';
import { centralBackends } from '../fixtures/test-postgres';
import type { Office } from '../fixtures/office-fixture';
import type { Central } from '../sync/central-fixture';
import { batchBody, countRows, enrollDevice, newKeyPair, post, registerAndCollect, takeOps, useCentralAndOffice } from './central-kit';

describe.each(centralBackends())('central device authentication on %s', (backend) => {
  let central: Central;
  let office: Office;
  let n = 0;

  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  const opsCount = () => countRows(central, 'ops');

  async function someOps() {
    n += 1;
    await registerAndCollect(office, {
      fullName: 'Sầm Văn Khánh',
      dateOfBirth: `198${n % 10}-02-1${n % 10}`,
      sex: 'male',
      personalId: `00108${n % 10}${String(500000 + n).padStart(6, '0')}`,
    });
    return takeOps(office);
  }

  it('enrolls a device once per code; the code cannot be used again', async () => {
    const device = await enrollDevice(central, 'AUTH1');
    expect(device.id).toMatch(/^[0-9a-f-]{36}$/);
    const code = await issueEnrollmentCode(central.database.db, 'AUTH1');
    const first = await post(new URL('v1/enroll', central.url).toString(), JSON.stringify({ code, publicKey: newKeyPair().publicKeyRaw, deviceName: 'máy 2' }));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ officeCode: 'AUTH1', provinceCode: '01', centralPublicKey: expect.any(String) });
    const second = await post(
      new URL('v1/enroll', central.url).toString(),
      JSON.stringify({ code, publicKey: newKeyPair().publicKeyRaw, deviceName: 'máy 3' }),
    );
    expect(second.status).toBe(403);
    expect(second.json.error).toMatchObject({ code: 'BAD_ENROLLMENT_CODE', field: 'code' });
  });

  it('refuses a body changed after signing, another device key, a missing signature and a far-off clock', async () => {
    const device = await enrollDevice(central, 'AUTH2');
    const ops = await someOps();
    const body = batchBody(device, ops);
    const before = await opsCount();
    const tampered = await device.request('POST', '/v1/batches', body.replace('Sầm Văn Khánh', 'Sầm Văn Khanh'), { signedBody: body });
    expect(tampered.status).toBe(401);
    expect(tampered.json.error).toMatchObject({ code: 'BAD_SIGNATURE', message: 'Chữ ký của thiết bị không hợp lệ.' });
    const otherKey = await device.request('POST', '/v1/batches', body, { key: newKeyPair().privateKey });
    expect(otherKey.json.error.code).toBe('BAD_SIGNATURE');
    const unsigned = await post(new URL('v1/batches', central.url).toString(), body);
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('UNSIGNED');
    const ahead = await device.request('POST', '/v1/batches', body, { timestamp: new Date(Date.now() + 32 * 24 * 3600_000) });
    expect(ahead.status).toBe(401);
    expect(ahead.json.error.code).toBe('CLOCK_SKEW');
    // Within the allowed drift (an offline laptop 30 days behind) the same batch is accepted.
    const behind = await device.request('POST', '/v1/batches', body, { timestamp: new Date(Date.now() - 30 * 24 * 3600_000) });
    expect(behind.status).toBe(200);
    expect(await opsCount()).toBe(before + ops.length);
  });

  it('refuses a batch that names another device than the one that signed it', async () => {
    const a = await enrollDevice(central, 'AUTH3');
    const b = await enrollDevice(central, 'AUTH3');
    const before = await opsCount();
    const reply = await a.request('POST', '/v1/batches', batchBody(b, await someOps()));
    expect(reply.status).toBe(403);
    expect(reply.json.error.code).toBe('DEVICE_MISMATCH');
    expect(await opsCount()).toBe(before);
  });

  it('refuses every request of a revoked device, including the batch it sent before', async () => {
    const device = await enrollDevice(central, 'AUTH4');
    const body = batchBody(device, await someOps());
    expect((await device.request('POST', '/v1/batches', body)).status).toBe(200);
    await revokeDevice(central.database.db, device.id);
    const before = await opsCount();
    const replay = await device.request('POST', '/v1/batches', body);
    expect(replay.status).toBe(403);
    expect(replay.json.error).toMatchObject({ code: 'DEVICE_REVOKED', message: 'Thiết bị đã bị thu hồi quyền đồng bộ.' });
    const next = await device.request('POST', '/v1/batches', batchBody(device, await someOps(), 2));
    expect(next.json.error.code).toBe('DEVICE_REVOKED');
    const pull = await device.request('GET', '/v1/changes?limit=10');
    expect(pull.json.error.code).toBe('DEVICE_REVOKED');
    expect(await opsCount()).toBe(before);
  });
});
