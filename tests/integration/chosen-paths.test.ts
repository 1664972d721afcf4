// Paths a supervisor types, tried as an attacker would (issue 24 items 2 and 4), through the real
// core: a device that never ends (/dev/zero), a named pipe nobody writes to, a folder, a link into
// /dev, a file far larger than its kind, a system file; folders in /dev, /proc, /sys and /etc, or a
// link into them. Each is a typed error in under a second that says what is wrong and never quotes
// the file, and the core answers other callers meanwhile.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readChosenFile } from '../../src/main/core/files/chosen-paths';
import type { OfficeCore } from '../../src/main/core/office-core';
import type { OfficeErrorData } from '../../src/shared/contract/errors';
import { call, failure, type Office, openCore, openOffice, tempDir } from './fixtures/office-fixture';
import { type Central, type Office as SyncedOffice, person, startCentral, startOffice } from './sync/central-fixture';

const scratch = tempDir('field-office-chosen-');
const SECRET = 'root:$y$j9T$SECRET-FIRST-LINE:19000:0:99999:7:::';
const textFile = join(scratch.dir, 'shadow-like.txt');
const fifo = join(scratch.dir, 'named-pipe');
const linkToZero = join(scratch.dir, 'zero-link');
const huge = join(scratch.dir, 'huge.sqlite.age');
const aFolder = join(scratch.dir, 'a-folder');
const linkToEtc = join(scratch.dir, 'etc-link');

beforeAll(async () => {
  writeFileSync(textFile, `${SECRET}\ndaemon:*:19000:0:99999:7:::\n`);
  execFileSync('mkfifo', [fifo]);
  symlinkSync('/dev/zero', linkToZero);
  mkdirSync(aFolder);
  symlinkSync('/etc', linkToEtc);
  // Sparse: 65 GiB of nothing on disk, larger than any store copy may be.
  const handle = await open(huge, 'w');
  await handle.truncate(65 * 1024 ** 3);
  await handle.close();
});

let writers: ChildProcess[] = [];
/**
 * Something that writes to the pipe after `seconds`: without the checks, a core that opened the
 * pipe would hang until then (so the test fails on time instead of never ending).
 */
function writesToPipeAfter(seconds: number): void {
  writers.push(spawn('sh', ['-c', `sleep ${seconds}; echo late > '${fifo}'`], { stdio: 'ignore' }));
}
afterEach(() => {
  for (const w of writers) w.kill('SIGKILL');
  writers = [];
});
afterAll(() => scratch.remove());

/** A call's error, how long it took, and whether the core answered another caller meanwhile. */
async function refusedQuickly(core: OfficeCore, method: string, input: unknown, token?: string): Promise<OfficeErrorData> {
  const started = performance.now();
  const refused = failure(core, method, input, token);
  // Another caller, at the same time: answered while the refusal is worked out.
  const other = await call(core, 'reference.provinces', {});
  expect(other.items.length).toBeGreaterThan(30);
  const error = await refused;
  expect(performance.now() - started).toBeLessThan(1_000);
  // Nothing the file holds is in the answer, in either language or the details.
  expect(JSON.stringify(error)).not.toContain('SECRET');
  expect(JSON.stringify(error)).not.toContain('daemon');
  expect(JSON.stringify(error)).not.toContain('root:');
  return error;
}

describe('store.restore of a chosen file', () => {
  let core: OfficeCore;
  const fresh = tempDir('field-office-fresh-');
  beforeAll(async () => {
    core = await openCore(fresh.dir);
  });
  afterAll(async () => {
    await core.close();
    fresh.remove();
  });
  const restore = (file: string) => refusedQuickly(core, 'store.restore', { file, passphrase: 'x' });

  it('says a text file is not a Field Office copy, without quoting its first line', async () => {
    const error = await restore(textFile);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'file', message: expect.stringMatching(/không phải bản sao của Field Office/) });
    expect(error.details).toBeUndefined();
    if (existsSync('/etc/shadow')) expect((await restore('/etc/shadow')).message).toMatch(/không phải bản sao/);
  });

  it('refuses /dev/zero, a link to it and a named pipe as not regular files', async () => {
    writesToPipeAfter(5);
    for (const file of ['/dev/zero', linkToZero, fifo]) {
      const error = await restore(file);
      expect(error, file).toMatchObject({ code: 'FILE_ERROR', field: 'file' });
      expect(error.messageEn, file).toMatch(/is not a regular file/);
    }
  });

  it('says a folder is a folder, and a 65 GB file is too large to be a copy', async () => {
    expect((await restore(aFolder)).messageEn).toMatch(/is a folder; choose a file/);
    expect((await restore(huge)).messageEn).toMatch(/too large to be a Field Office copy/);
  });

  it('leaves nothing beside the store after any of these', () => {
    expect(readdirSync(fresh.dir).filter((name) => /restor/.test(name))).toEqual([]);
  });
});

describe('store.backup into a chosen folder', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice();
  });
  afterAll(() => office.close());
  const backup = (directory: string) => refusedQuickly(office.core, 'store.backup', { directory, passphrase: 'mười ký tự trở lên' }, office.tokens.supervisor);

  it('refuses /dev, /proc, /sys and /etc, and a link into /etc, as system folders, writing nothing there', async () => {
    const before = readdirSync('/etc').filter((name) => name.startsWith('field-office-'));
    for (const directory of ['/dev', '/dev/shm', '/proc', '/sys', '/etc', linkToEtc, join(linkToEtc, 'default')]) {
      if (!existsSync(directory)) continue;
      const error = await backup(directory);
      expect(error, directory).toMatchObject({ code: 'FILE_ERROR', field: 'directory' });
      expect(error.messageEn, directory).toMatch(/is a system folder/);
    }
    expect(readdirSync('/etc').filter((name) => name.startsWith('field-office-'))).toEqual(before);
  });

  it('names the real problem: a file is not a folder, a pipe is not a folder', async () => {
    writesToPipeAfter(5);
    expect((await backup(textFile)).messageEn).toMatch(/is a file, not a folder/);
    expect((await backup(fifo)).messageEn).toMatch(/is not a folder/);
    expect((await backup(join(scratch.dir, 'no-such-stick'))).messageEn).toMatch(/not found/);
  });
});

describe('sync files through chosen paths', () => {
  let central: Central;
  let office: SyncedOffice;
  beforeAll(async () => {
    central = await startCentral('pglite');
    office = await startOffice(central, 'PATHS');
  }, 120_000);
  afterAll(async () => {
    await office?.core.close();
    await central?.close();
  });
  const importResult = (file: string) => refusedQuickly(office.core, 'sync.importResult', { file }, office.token);

  it('refuses /dev/zero, a link to it and a named pipe as result files, in under a second each', async () => {
    writesToPipeAfter(5);
    for (const file of ['/dev/zero', linkToZero, fifo, '/proc/self/status']) {
      const error = await importResult(file);
      expect(error, file).toMatchObject({ code: 'FILE_ERROR', field: 'file' });
      expect(error.messageEn, file).toMatch(/is not a regular file/);
    }
  });

  it('refuses a result file larger than its kind, and one that is not JSON of the right shape, without quoting it', async () => {
    expect((await importResult(huge)).messageEn).toMatch(/too large to be a Field Office result file/);
    expect((await importResult(textFile)).messageEn).toMatch(/damaged or unreadable/);
    const shaped = join(scratch.dir, 'not-results.json');
    writeFileSync(shaped, JSON.stringify({ format: 'field-office/results@1', deviceId: SECRET, batches: [{ batchNo: 'SECRET' }] }));
    expect((await importResult(shaped)).messageEn).toMatch(/Not a Field Office result file/);
    writeFileSync(shaped, 'null');
    expect((await importResult(shaped)).messageEn).toMatch(/Not a Field Office result file/);
  });

  it('exports into no system folder, and never through a link planted under the partial name', async () => {
    await office.call('participants.register', person('Nguyễn Văn An', '1990-05-02', 'male', '001090123456'));
    const error = await refusedQuickly(office.core, 'sync.exportFile', { directory: '/etc' }, office.token);
    expect(error.messageEn).toMatch(/is a system folder/);

    const stick = join(scratch.dir, 'stick');
    mkdirSync(stick);
    const victim = join(scratch.dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    // The names the export will use are predictable: plant links under every partial name it could take.
    const device = (await office.call<{ centralDeviceId: string }>('sync.status', {})).centralDeviceId;
    for (let n = 1; n <= 3; n++) symlinkSync(victim, join(stick, `field-office-${device.slice(-8)}-1-${n}.manifest.json.partial`));
    const exported = await office.call<{ file: string; manifest: string }>('sync.exportFile', { directory: stick });
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(JSON.parse(readFileSync(exported.manifest, 'utf8'))).toMatchObject({ format: 'field-office/batches@2' });
  });
});

describe('readChosenFile', () => {
  it('reads a regular file whole through its handle', async () => {
    expect((await readChosenFile(textFile, 'sync-results')).toString('utf8')).toContain('daemon');
  });

  it('refuses a relative path', async () => {
    await expect(readChosenFile('relative/file.json', 'sync-results')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
