// File sync, office side: pending work is exported as recorded batches with a signed manifest;
// a truncated, altered or other-device file is refused; exporting again resends the same batches.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfficeCore, type OfficeCore } from '../../src/main/core/office-core';
import { generateDeviceKeyPair } from '../../src/main/core/sync/device-key-store';
import { exportBatchFile, readBatchFile } from '../../src/main/core/sync/file-sync';

const resourcesDir = join(__dirname, '../../resources');
let core: OfficeCore;
let dir: string;

async function ok<T>(method: string, input: unknown, token?: string): Promise<T> {
  const r = await core.invoke(method, input, token);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fo-file-sync-'));
  core = await createOfficeCore({ dataDir: join(dir, 'data'), resourcesDir, syncIntervalMs: 0 });
  const s = await ok<{ token: string }>('office.setup', {
    officeCode: 'TEST01',
    officeName: 'BHXH cơ sở Thử nghiệm',
    provinceCode: '01',
    supervisor: { username: 'sup', fullName: 'Giám Sát', password: 'correct-horse-1' },
  });
  const people = [
    ['Nguyễn Văn An', '1990-01-01', 'male', '001090000001'],
    ['Trần Thị Bình', '1991-02-02', 'female', '001191000002'],
    ['Lê Văn Cường', '1992-03-03', 'male', '001092000003'],
  ] as const;
  for (const [fullName, dateOfBirth, sex, personalId] of people) {
    await ok('participants.register', { fullName, dateOfBirth, sex, personalId, provinceCode: '01', communeCode: '00004', addressLine: 'Thôn Đông' }, s.token);
  }
});

afterEach(async () => {
  await core.close();
});

describe('file sync export', () => {
  it('writes every pending operation into signed, verifiable batches and resends the same bytes', async () => {
    const keys = generateDeviceKeyPair();
    const deviceId = '01a21079-0000-7000-8000-000000000001';
    const db = core.context.db;
    const pending = await db.selectFrom('outbox').select('opId').where('status', '=', 'pending').execute();
    expect(pending.length).toBe(3);
    const first = await exportBatchFile(db, keys, deviceId, dir, new Date().toISOString());
    expect(first.ops).toBe(pending.length);
    const { manifest, bodies } = readBatchFile(first.manifest, keys.publicKey);
    expect(manifest.deviceId).toBe(deviceId);
    const ops = bodies.flatMap((b) => (JSON.parse(b) as { ops: { opId: string }[] }).ops.map((o) => o.opId));
    expect(ops.sort()).toEqual(pending.map((p) => p.opId).sort());

    const again = await exportBatchFile(db, keys, deviceId, dir, new Date().toISOString());
    expect(readBatchFile(again.manifest, keys.publicKey).bodies).toEqual(bodies);
  });

  it('refuses a truncated file, an altered manifest and another device key', async () => {
    const keys = generateDeviceKeyPair();
    const out = await exportBatchFile(core.context.db, keys, '01a21079-0000-7000-8000-000000000002', dir, new Date().toISOString());
    const other = generateDeviceKeyPair();
    expect(() => readBatchFile(out.manifest, other.publicKey)).toThrow(/signature/);

    const manifest = JSON.parse(readFileSync(out.manifest, 'utf8'));
    manifest.batches[0].opCount += 1;
    const altered = join(dir, 'altered.manifest.json');
    writeFileSync(altered, JSON.stringify(manifest));
    expect(() => readBatchFile(altered, keys.publicKey)).toThrow(/signature/);

    const gz = readFileSync(out.file);
    writeFileSync(out.file, gz.subarray(0, gz.length - 10));
    expect(() => readBatchFile(out.manifest, keys.publicKey)).toThrow(/truncated or altered/);
  });
});
