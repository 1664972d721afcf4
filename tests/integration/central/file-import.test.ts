// File sync, central side, on a real central (PGlite) and a real enrolled office: the office's
// `sync.exportFile` writes a file only this central can open; importing it applies every batch
// once and answers with a signed result file the office applies. A file with a forged or altered
// manifest, cut off, sealed to another central, or from an older unsealed format is refused with a
// typed Vietnamese reason, and nothing of it is applied.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CentralError } from '../../../src/central/central-error';
import { importBatchFile } from '../../../src/central/file-import';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';

let central: Central;
let office: Office;
let stick: string;

beforeEach(async () => {
  central = await startCentral('pglite');
  office = await startOffice(central, 'HNF');
  stick = join(office.dataDir, 'stick');
  mkdirSync(stick);
  await office.call('participants.register', person('Nguyễn Văn Tệp', '1980-04-05', 'male', '001080004321'));
  await office.call('participants.register', person('Lò Thị Niêm', '1992-07-08', 'female', '011192008765'));
});

afterEach(async () => {
  await office.core.close();
  await central.close();
});

const appliedOps = async () => (await central.database.db.selectFrom('ops').select('opId').execute()).length;

async function refusal(manifest: string): Promise<CentralError> {
  const error = await importBatchFile(central.database.db, manifest, stick, central.key).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CentralError);
  return error as CentralError;
}

/** Re-signs an edited manifest with the device's own key, as only that device could. */
function resign(manifest: Record<string, unknown>): string {
  const { signature: _old, ...unsigned } = manifest;
  const key = createPrivateKey({ key: Buffer.from(office.core.context.sync!.keyStore.load()!.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return JSON.stringify({ ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned)), key).toString('base64') });
}

describe('central import of a sealed batch file', () => {
  it('opens the file sealed to it, applies each operation once and the office applies the signed result', async () => {
    const exported = await office.call<{ manifest: string; file: string; ops: number }>('sync.exportFile', { directory: stick });
    expect(exported.ops).toBe(2);
    expect(readFileSync(exported.file).includes(Buffer.from('001080004321'))).toBe(false);
    const imported = await importBatchFile(central.database.db, exported.manifest, stick, central.key);
    expect(await appliedOps()).toBe(2);
    const persons = await central.database.db.selectFrom('persons').select('personalId').orderBy('personalId').execute();
    expect(persons.map((p) => p.personalId)).toEqual(['001080004321', '011192008765']);
    // Importing the same file again answers from the stored results: nothing applied twice.
    const again = await importBatchFile(central.database.db, exported.manifest, stick, central.key);
    expect(JSON.parse(readFileSync(again.file, 'utf8')).batches).toEqual(JSON.parse(readFileSync(imported.file, 'utf8')).batches);
    expect(await appliedOps()).toBe(2);

    const result = await office.call<{ applied: number; batches: number }>('sync.importResult', { file: imported.file });
    expect(result).toMatchObject({ batches: 1, applied: 2 });
    const officialNumbers = await office.core.context.db.selectFrom('participants').select('officialNumber').execute();
    expect(officialNumbers.every((p) => p.officialNumber)).toBe(true);
  });

  it('refuses a forged, altered, cut-off, foreign-sealed or unsealed file with a typed reason and applies nothing', async () => {
    const exported = await office.call<{ manifest: string; file: string }>('sync.exportFile', { directory: stick });
    const manifest = JSON.parse(readFileSync(exported.manifest, 'utf8'));
    const write = (name: string, text: string) => {
      writeFileSync(join(stick, name), text);
      return join(stick, name);
    };

    // An altered manifest no longer carries the device's signature.
    const altered = write('altered.manifest.json', JSON.stringify({ ...manifest, batches: [{ ...manifest.batches[0], opCount: 9 }] }));
    expect((await refusal(altered)).vi).toMatch(/Chữ ký trên tệp kê khai không đúng/);

    // The sealed file cut short no longer matches the hash in the manifest.
    const sealed = readFileSync(exported.file);
    const cutName = 'cut.jsonl.gz.age';
    writeFileSync(join(stick, cutName), sealed.subarray(0, sealed.length - 20));
    const cut = write('cut.manifest.json', resign({ ...manifest, file: cutName }));
    expect((await refusal(cut)).vi).toMatch(/bị cắt cụt hoặc bị sửa/);

    // Sealed to another central: refused by name before any attempt to open it…
    const otherRecipient = await identityToRecipient(await generateX25519Identity());
    const foreign = write('foreign.manifest.json', resign({ ...manifest, sealedTo: otherRecipient }));
    expect((await refusal(foreign)).vi).toMatch(/niêm phong cho một máy chủ trung tâm khác/);
    // …and, if the manifest claims this central, by the seal itself.
    const encrypter = new Encrypter();
    encrypter.addRecipient(otherRecipient);
    const foreignSealed = Buffer.from(await encrypter.encrypt(new Uint8Array(64)));
    writeFileSync(join(stick, 'foreign.jsonl.gz.age'), foreignSealed);
    const claimed = write(
      'claimed.manifest.json',
      resign({ ...manifest, file: 'foreign.jsonl.gz.age', fileSha256: createHash('sha256').update(foreignSealed).digest('hex') }),
    );
    expect((await refusal(claimed)).vi).toMatch(/Không mở được tệp dữ liệu đã niêm phong/);

    // A file in the old, unsealed format.
    const old = write('old.manifest.json', resign({ ...manifest, format: 'field-office/batches@1' }));
    expect((await refusal(old)).vi).toMatch(/chưa được niêm phong/);

    expect(await appliedOps()).toBe(0);
    expect(await central.database.db.selectFrom('persons').select('id').execute()).toEqual([]);
  });
});
