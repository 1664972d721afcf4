// The check of a store copy (backup and restore) runs SQLite's quick check in a worker thread, so
// the app keeps answering — and its progress bar moving — while half a gigabyte is read. Real
// SQLite files: a good one, a damaged one, one that is not a database; and the same answer on this
// thread when the worker cannot load the driver.
import { openSync, readFileSync, statSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCopyFile, runStoreTask } from '../../src/main/core/db/copy-check';
import { longestStall } from '../support/event-loop';
import { tempDir } from './fixtures/office-fixture';

const folder = tempDir('field-office-copy-check-');
afterAll(() => folder.remove());

/** A file with the two tables a copy is counted by, `people` rows (each ~120 bytes, indexed). */
function makeStore(name: string, people: number): string {
  const file = join(folder.dir, name);
  const db = new Sqlite(file);
  db.exec(
    'CREATE TABLE participants (id INTEGER PRIMARY KEY, name TEXT, personal_id TEXT); CREATE INDEX participants_name ON participants (name); CREATE TABLE receipts (id INTEGER PRIMARY KEY, amount INTEGER)',
  );
  db.close();
  addPeople(file, 0, people);
  return file;
}

/** Appends people `from` … `from + people − 1` (and a receipt for every third) to a store made by makeStore. */
function addPeople(file: string, from: number, people: number): void {
  const db = new Sqlite(file);
  const person = db.prepare('INSERT INTO participants (name, personal_id) VALUES (?, ?)');
  const receipt = db.prepare('INSERT INTO receipts (amount) VALUES (?)');
  db.transaction(() => {
    for (let i = from; i < from + people; i++) {
      person.run(`Nguyễn Văn ${i.toString(36)} ${'x'.repeat(80)}`, String(1e11 + i));
      if (i % 3 === 0) receipt.run(374_000);
    }
  })();
  db.close();
}

/** How long the quick check of `file` stalls this thread. */
function checkOnThisThread(file: string): number {
  const started = performance.now();
  const db = new Sqlite(file, { readonly: true });
  expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  db.close();
  return performance.now() - started;
}

describe('copy check', { timeout: 120_000 }, () => {
  let large: string;
  beforeAll(() => {
    large = makeStore('large.sqlite', 300_000);
  });

  it('counts the people and receipts of a good copy', async () => {
    expect(await checkCopyFile(makeStore('small.sqlite', 10))).toEqual({ verdict: 'ok', participants: 10, receipts: 4 });
    expect(await checkCopyFile(large)).toEqual({ verdict: 'ok', participants: 300_000, receipts: 100_000 });
  });

  it('keeps the event loop turning while the copy is read, unlike the check on this thread', async () => {
    // The same check here first, as the reference: the whole of it is one stall. On a quick machine
    // the file is grown until that stall is long enough to tell a turning loop from a stalled one.
    let onThisThread = checkOnThisThread(large);
    for (let people = 300_000; onThisThread <= 50 && people < 2_400_000; people += 300_000) {
      addPeople(large, people, 300_000);
      onThisThread = checkOnThisThread(large);
    }
    expect(onThisThread).toBeGreaterThan(50);

    const longest = await longestStall(() => checkCopyFile(large));
    expect(longest).toBeLessThan(onThisThread / 2);
  });

  it('reports the problems of a damaged copy, and refuses a file that is not a database', async () => {
    const damaged = makeStore('damaged.sqlite', 20_000);
    // Garbage over a run of pages in the middle of the file (the tables' and the index's b-trees).
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const outcome = await checkCopyFile(damaged).then(
      (check) => check.verdict,
      (error: Error) => error.message,
    );
    expect(outcome).not.toBe('ok');
    expect(outcome).toMatch(/malformed|corrupt|Tree|Page|page|index|row/);

    const text = join(folder.dir, 'notes.sqlite');
    writeFileSync(text, 'Biên bản giao nhận — không phải cơ sở dữ liệu. '.repeat(100));
    await expect(checkCopyFile(text)).rejects.toThrow(/file is not a database/);
    await expect(checkCopyFile(join(folder.dir, 'missing.sqlite'))).rejects.toThrow(/unable to open database file/);
  });

  it('checks an encrypted copy with its key, and refuses it without the key or with another', async () => {
    const file = makeStore('encrypted.sqlite', 40);
    const key = Buffer.alloc(32, 9);
    await runStoreTask('rekey', { file, keyHex: null, newKeyHex: key.toString('hex') });
    expect(readFileSync(file).includes(Buffer.from('Nguyễn Văn'))).toBe(false);
    expect(await checkCopyFile(file, { key })).toEqual({ verdict: 'ok', participants: 40, receipts: 14 });
    await expect(checkCopyFile(file)).rejects.toThrow(/file is not a database/);
    await expect(checkCopyFile(file, { key: Buffer.alloc(32, 1) })).rejects.toThrow(/file is not a database/);
    // And on this thread, when no worker can run.
    expect(await checkCopyFile(file, { key, driver: join(folder.dir, 'no-such-driver.js') })).toEqual({ verdict: 'ok', participants: 40, receipts: 14 });
  });

  it('gives the same answer on this thread when the worker cannot load the driver, or ends before answering', async () => {
    const file = makeStore('fallback.sqlite', 30);
    expect(await checkCopyFile(file, { driver: join(folder.dir, 'no-such-driver.js') })).toEqual({ verdict: 'ok', participants: 30, receipts: 10 });
    const ending = join(folder.dir, 'ending-driver.cjs');
    writeFileSync(ending, 'process.exit(3);\n');
    expect(await checkCopyFile(file, { driver: ending })).toEqual({ verdict: 'ok', participants: 30, receipts: 10 });
    // A file that cannot be opened is refused the same way on this thread.
    await expect(checkCopyFile(join(folder.dir, 'missing.sqlite'), { driver: ending })).rejects.toThrow(/unable to open database file/);
  });
});
