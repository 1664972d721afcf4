// Sealed copies are plain age passphrase files whose scrypt step runs on Node's thread pool: the
// library's own passphrase support opens ours and ours opens its, a wrong passphrase is a typed
// error, and sealing does not hold the event loop the way the library's synchronous scrypt does.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSealedFile, SCRYPT_WORK_FACTOR, sealFile } from '../../src/main/core/files/sealed-copy';
import { tempDir } from './fixtures/office-fixture';
import { longestStall } from '../support/event-loop';

const PASSPHRASE = 'mật khẩu bản sao 2026';
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('fo-sealed-');
});
afterEach(() => dir.remove());

describe('sealed copies', () => {
  it('are opened by the age library itself, and open what it seals', async () => {
    const plain = join(dir.dir, 'store.sqlite');
    const content = Buffer.from('SQLite format 3\0'.repeat(5_000));
    writeFileSync(plain, content);
    await sealFile(plain, join(dir.dir, 'ours.age'), PASSPHRASE);
    const sealed = readFileSync(join(dir.dir, 'ours.age'));
    expect(sealed.toString('latin1')).toMatch(new RegExp(`^age-encryption.org/v1\\n-> scrypt [A-Za-z0-9+/]{22} ${SCRYPT_WORK_FACTOR}\\n`));
    const theirs = new Decrypter();
    theirs.addPassphrase(PASSPHRASE);
    expect(Buffer.from(await theirs.decrypt(sealed))).toEqual(content);

    const encrypter = new Encrypter();
    encrypter.setPassphrase(PASSPHRASE);
    encrypter.setScryptWorkFactor(SCRYPT_WORK_FACTOR);
    writeFileSync(join(dir.dir, 'theirs.age'), await encrypter.encrypt(content));
    await openSealedFile(join(dir.dir, 'theirs.age'), join(dir.dir, 'opened.sqlite'), PASSPHRASE);
    expect(readFileSync(join(dir.dir, 'opened.sqlite'))).toEqual(content);

    const wrong = await openSealedFile(join(dir.dir, 'ours.age'), join(dir.dir, 'wrong.sqlite'), 'không phải mật khẩu này').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'passphrase' });
  });

  it('keeps the event loop turning while the passphrase is stretched, unlike the synchronous scrypt', async () => {
    const plain = join(dir.dir, 'small.sqlite');
    writeFileSync(plain, 'x');
    // The library's own passphrase sealing, for comparison, measured here on this machine.
    const syncStall = await longestStall(async () => {
      const encrypter = new Encrypter();
      encrypter.setPassphrase(PASSPHRASE);
      encrypter.setScryptWorkFactor(SCRYPT_WORK_FACTOR);
      await encrypter.encrypt(new Uint8Array(1));
    });
    const ourStall = await longestStall(() => sealFile(plain, join(dir.dir, 'small.age'), PASSPHRASE));
    const openStall = await longestStall(() => openSealedFile(join(dir.dir, 'small.age'), join(dir.dir, 'small-opened.sqlite'), PASSPHRASE));
    expect(syncStall).toBeGreaterThan(200);
    expect(ourStall).toBeLessThan(syncStall / 3);
    expect(openStall).toBeLessThan(syncStall / 3);
  });
});
