// File sync, office side: pending work is exported as recorded batches, sealed to the central's
// age recipient, with a signed manifest; exporting again resends the same batches. The central's
// checks of such a file (signature, hashes, seal) are in tests/integration/central/file-import.test.ts.
import { verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfficeCore, type OfficeCore } from '../../src/main/core/office-core';
import { generateDeviceKeyPair } from '../../src/main/core/sync/device-key-store';
import { OfficeError } from '../../src/shared/contract/errors';
import { explainFileError } from '../../src/main/core/files/user-folders';
import { canonicalJson } from '../../src/shared/canonical-json';
import { type BatchManifest, exportBatchFile, importResultFile, rawPublicKeyToObject } from '../../src/main/core/sync/file-sync';

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
  it('writes every pending operation into signed batches sealed to the central, with no name or ID readable on the stick, and resends the same bytes', async () => {
    const keys = generateDeviceKeyPair();
    const identity = await generateX25519Identity();
    const device = { keys, deviceId: '01a21079-0000-7000-8000-000000000001', sealTo: await identityToRecipient(identity) };
    const db = core.context.db;
    const pending = await db.selectFrom('outbox').select('opId').where('status', '=', 'pending').execute();
    expect(pending.length).toBe(3);
    const first = await exportBatchFile(db, device, dir, new Date().toISOString());
    expect(first.ops).toBe(pending.length);
    expect(first.file).toMatch(/\.jsonl\.gz\.age$/);

    const opened = async (manifestFile: string) => {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BatchManifest;
      const { signature, ...unsigned } = manifest;
      expect(verify(null, Buffer.from(canonicalJson(unsigned)), rawPublicKeyToObject(keys.publicKey), Buffer.from(signature!, 'base64'))).toBe(true);
      expect(manifest).toMatchObject({ format: 'field-office/batches@2', deviceId: device.deviceId, sealedTo: device.sealTo });
      const sealed = readFileSync(join(dir, manifest.file));
      const decrypter = new Decrypter();
      decrypter.addIdentity(identity);
      return {
        manifest,
        sealed,
        bodies: gunzipSync(await decrypter.decrypt(sealed))
          .toString('utf8')
          .split('\n')
          .filter(Boolean),
      };
    };
    const { manifest, sealed, bodies } = await opened(first.manifest);
    expect(manifest.batches.map((b) => b.opCount)).toEqual(bodies.map((b) => (JSON.parse(b) as { ops: unknown[] }).ops.length));
    const ops = bodies.flatMap((b) => (JSON.parse(b) as { ops: { opId: string }[] }).ops.map((o) => o.opId));
    expect(ops.sort()).toEqual(pending.map((p) => p.opId).sort());
    expect(bodies.join('\n')).toContain('001090000001');
    // Neither file on the stick shows who was registered: not the ID, not the name, not the ops.
    for (const onStick of [sealed, readFileSync(first.manifest)]) {
      for (const secret of ['001090000001', 'Nguyễn Văn An', 'Nguy', pending[0]!.opId]) expect(onStick.includes(Buffer.from(secret))).toBe(false);
    }

    const again = await exportBatchFile(db, device, dir, new Date().toISOString());
    expect((await opened(again.manifest)).bodies).toEqual(bodies);
  });

  it('refuses an unusable or missing sealing key with a typed error and writes nothing', async () => {
    const device = { keys: generateDeviceKeyPair(), deviceId: '01a21079-0000-7000-8000-000000000002', sealTo: 'age1notakey' };
    const error = await exportBatchFile(core.context.db, device, dir, new Date().toISOString()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as OfficeError).message).toMatch(/Khóa niêm phong/);
    const none = await exportBatchFile(core.context.db, { ...device, sealTo: null }, dir, new Date().toISOString()).catch((e: unknown) => e);
    expect(none).toMatchObject({ code: 'CONFLICT' });
    expect((none as OfficeError).message).toMatch(/đăng ký từ phiên bản cũ/);
    expect(readdirSync(dir)).toEqual(['data']);
    expect(await core.context.db.selectFrom('syncBatches').select('batchNo').execute()).toEqual([]);
  });

  it('refuses a folder that is not there, not whole or not a folder with a typed Vietnamese error, and records nothing', async () => {
    const keys = generateDeviceKeyPair();
    const db = core.context.db;
    const deviceId = '01a21079-0000-7000-8000-000000000003';
    const sealTo = await identityToRecipient(await generateX25519Identity());
    const aFile = join(dir, 'not-a-folder.txt');
    writeFileSync(aFile, 'x');
    const cases: [string, RegExp][] = [
      ['usb', /đường dẫn đầy đủ/],
      [join(dir, 'no-such-stick'), /Không tìm thấy thư mục .*no-such-stick/],
      [aFile, /là một tệp, không phải thư mục/],
    ];
    for (const [directory, message] of cases) {
      const error = await exportBatchFile(db, { keys, deviceId, sealTo }, directory, new Date().toISOString()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OfficeError);
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'directory' });
      expect((error as OfficeError).message).toMatch(message);
    }
    // Nothing recorded: the pending work is still pending and no batch was made.
    expect(await db.selectFrom('syncBatches').select('batchNo').execute()).toEqual([]);
    expect((await db.selectFrom('outbox').select('opId').where('status', '=', 'pending').execute()).length).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['data', 'not-a-folder.txt']);
  });

  it('leaves no half export behind when a write fails, and says which file in Vietnamese', async () => {
    const keys = generateDeviceKeyPair();
    const deviceId = '01a21079-0000-7000-8000-000000000004';
    const sealTo = await identityToRecipient(await generateX25519Identity());
    const out = join(dir, 'stick');
    mkdirSync(out);
    // The manifest cannot be written (a folder sits where its temporary file goes); the data file
    // was written first and must be removed again.
    mkdirSync(join(out, `field-office-${deviceId.slice(-8)}-1-1.manifest.json.partial`));
    const error = await exportBatchFile(core.context.db, { keys, deviceId, sealTo }, out, new Date().toISOString()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_ERROR', field: 'directory' });
    expect((error as OfficeError).message).toMatch(/Không ghi được vào .*stick/);
    expect(readdirSync(out)).toEqual([`field-office-${deviceId.slice(-8)}-1-1.manifest.json.partial`]);
  });

  it('says a result file that is not there is not found, instead of calling it damaged', async () => {
    const missing = join(dir, 'E', 'ket-qua.results.json');
    const error = await importResultFile(core.context.db, missing, 'any-device', null, new Date().toISOString()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_ERROR', field: 'file', details: { code: 'ENOENT' } });
    expect((error as OfficeError).message).toMatch(/Không tìm thấy .*ket-qua\.results\.json/);
  });

  it.each([
    ['ENOSPC', 'write', /đã đầy/],
    ['EROFS', 'write', /khóa ghi hoặc thư mục chỉ đọc/],
    ['EACCES', 'read', /Không có quyền/],
    ['ENOENT', 'write', /Không tìm thấy/],
    ['EISDIR', 'read', /là một thư mục; hãy chọn tệp/],
    ['EISDIR', 'write', /Không ghi được vào/],
    ['EIO', 'read', /Không đọc được/],
  ] as const)('explains %s on %s as FILE_ERROR naming the place', (code, doing, message) => {
    const error = explainFileError(Object.assign(new Error(code), { code }), '/media/usb', 'directory', doing);
    expect(error).toMatchObject({ code: 'FILE_ERROR', field: 'directory', details: { path: '/media/usb', code } });
    expect(error.message).toMatch(message);
    expect(error.message).toContain('/media/usb');
    expect(error.messageEn).toContain('/media/usb');
  });
});
