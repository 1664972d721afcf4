// The office store is encrypted at rest (ADR 0022): a new store from its first page, an old plain
// one converted once at start with everything in it kept — and a conversion killed (kill -9) at
// any step or any instant leaves a store that opens whole, which the next start finishes.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { isPlainDatabaseFile, openKeyedDatabase } from '../../src/main/core/db/store-cipher';
import { encryptPlainStore, openStoreEitherWay } from '../../src/main/core/db/store-encryption';
import { PlainStoreKey, SealedStoreKey } from '../../src/main/core/db/store-key';
import { createOfficeCore, DATABASE_FILE, PLAIN_STORE_KEY_FILE } from '../../src/main/core/office-core';
import { call, openCore, openOffice, openTestStore, personInput, RESOURCES_DIR, rowCounts, tempDir } from './fixtures/office-fixture';

const KEY = Buffer.alloc(32, 0x5a);

describe('the store encrypted at rest', { timeout: 120_000 }, () => {
  it('is encrypted from its first page: no name or personal ID in the store or its WAL, and only its key opens it', async () => {
    const office = await openOffice();
    try {
      const person = await call(office.core, 'participants.register', personInput({ fullName: 'Phạm Thị Bí Mật' }), office.tokens.counter);
      const store = join(office.dir, DATABASE_FILE);
      for (const file of [store, `${store}-wal`].filter(existsSync)) {
        const bytes = readFileSync(file);
        expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
        expect(bytes.includes(Buffer.from('Bí Mật'))).toBe(false);
        expect(bytes.includes(Buffer.from(person.personalId))).toBe(false);
      }
      expect(isPlainDatabaseFile(store)).toBe(false);
      expect(() => new Sqlite(store).prepare('SELECT count(*) FROM participants').get()).toThrow(/not a database/);
      expect(() => openKeyedDatabase(store, Buffer.alloc(32, 1))).toThrow(expect.objectContaining({ code: 'FILE_ERROR' }));
      const keyed = openTestStore(office.dir, { readonly: true });
      expect(keyed.prepare('SELECT full_name FROM participants WHERE id = ?').pluck().get(person.id)).toBe('Phạm Thị Bí Mật');
      keyed.close();
    } finally {
      await office.close();
    }
  });

  it('keeps the key sealed where the shell seals it, and opens the store with it again', async () => {
    const temp = tempDir();
    const sealer = {
      seal: (text: string) => Buffer.from(text.split('').reverse().join('')),
      open: (blob: Buffer) => blob.toString().split('').reverse().join(''),
    };
    const keys = new SealedStoreKey(join(temp.dir, 'store-key.bin'), sealer);
    const options = { dataDir: temp.dir, resourcesDir: RESOURCES_DIR, storeKeys: keys, syncIntervalMs: 0, log: () => undefined };
    const first = await createOfficeCore(options);
    await first.close();
    const key = keys.load()!;
    expect(readFileSync(join(temp.dir, 'store-key.bin')).toString()).not.toContain(key.toString('hex'));
    expect(existsSync(join(temp.dir, PLAIN_STORE_KEY_FILE))).toBe(false);
    const again = await createOfficeCore(options);
    expect(await again.invoke('session.current', {})).toMatchObject({ ok: true });
    await again.close();
    temp.remove();
  });

  it('refuses an encrypted store whose key is gone, in Vietnamese, and writes no new key', async () => {
    const temp = tempDir();
    await (await openCore(temp.dir)).close();
    rmSync(join(temp.dir, PLAIN_STORE_KEY_FILE));
    const refused = await openCore(temp.dir).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'FILE_ERROR', message: expect.stringContaining('Không mở được dữ liệu văn phòng bằng khóa của máy này') });
    expect(existsSync(join(temp.dir, PLAIN_STORE_KEY_FILE))).toBe(false);
    temp.remove();
  });

  it('encrypts a plain store left by an earlier version once, at start, with everything in it', async () => {
    const office = await openOffice();
    for (let i = 0; i < 25; i++) await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    const before = rowCounts(office.core);
    await office.core.close();
    // What an earlier version left: the same store, plain, and no key.
    const store = join(office.dir, DATABASE_FILE);
    const old = openTestStore(office.dir);
    old.pragma('journal_mode = DELETE');
    old.pragma("rekey = ''");
    old.close();
    rmSync(join(office.dir, PLAIN_STORE_KEY_FILE));
    expect(isPlainDatabaseFile(store)).toBe(true);

    const reopened = await openCore(office.dir);
    try {
      expect(isPlainDatabaseFile(store)).toBe(false);
      expect(rowCounts(reopened)).toEqual(before);
      expect(await call(reopened, 'auth.login', { username: 'counter', password: 'correct-horse-battery' })).toMatchObject({ staff: { role: 'counter' } });
      expect(readdirSync(office.dir).filter((name) => name.includes('.encrypting'))).toEqual([]);
    } finally {
      await reopened.close();
    }
    // Once is once: an encrypted store is left as it is.
    expect(await encryptPlainStore(store, new PlainStoreKey(join(office.dir, PLAIN_STORE_KEY_FILE)).load()!)).toBe(false);
  });

  it('survives kill -9 after every step of the conversion and at random instants: the store opens whole, and the next start finishes', async () => {
    const temp = tempDir();
    const store = join(temp.dir, 'old.sqlite');
    const rows = makePlainStore(store, 120_000);
    const killedAt: string[] = [];
    for (const step of ['checkpointed', 'copied', 'encrypted', 'checked', 'replaced']) {
      killedAt.push(await killConversion(store, { afterStep: step }));
      expectWhole(store, rows);
    }
    // Back to plain for the random instants (the last kill came after the replacing rename).
    if (!isPlainDatabaseFile(store)) decrypt(store);
    for (const delay of [30, 80, 150, 250, 400, 600, 900]) {
      killedAt.push(await killConversion(store, { afterMs: delay }));
      expectWhole(store, rows);
    }
    expect(killedAt.slice(0, 5)).toEqual(['checkpointed', 'copied', 'encrypted', 'checked', 'replaced']);
    if (isPlainDatabaseFile(store)) expect(await encryptPlainStore(store, KEY)).toBe(true);
    expect(isPlainDatabaseFile(store)).toBe(false);
    expectWhole(store, rows);
    expect(readdirSync(temp.dir).sort()).toEqual(['old.sqlite']);
    temp.remove();
  });
});

/** A plain WAL store of `count` rows like a people table (with its index), part of it still in the WAL. */
function makePlainStore(file: string, count: number): { count: number; total: number } {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, full_name TEXT, personal_id TEXT, paid INTEGER); CREATE INDEX people_name ON people (full_name)');
  const insert = db.prepare('INSERT INTO people (full_name, personal_id, paid) VALUES (?, ?, ?)');
  let total = 0;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(`Nguyễn Văn ${i.toString(36)} ${'x'.repeat(60)}`, String(1e11 + i), i % 1000);
      total += i % 1000;
    }
  })();
  db.close();
  return { count, total };
}

function expectWhole(store: string, rows: { count: number; total: number }): void {
  const db = openStoreEitherWay(store, KEY, { readonly: true });
  try {
    expect(db.prepare('SELECT count(*) AS n, sum(paid) AS total FROM people').get()).toEqual({ n: rows.count, total: rows.total });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

function decrypt(store: string): void {
  const db = openKeyedDatabase(store, KEY);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
}

/** Starts the conversion in a child process and kills it (SIGKILL) after a step or a delay; says when. */
async function killConversion(store: string, when: { afterStep?: string; afterMs?: number }): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures/convert-store-child.ts'), store, KEY.toString('hex'), when.afterStep ? '--pause' : '--no-pause'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let seen = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (when.afterStep && seen.split('\n').includes(when.afterStep)) resolve();
      if (when.afterMs !== undefined && seen.includes('checkpointed') && !seen.includes('replaced')) setTimeout(resolve, when.afterMs);
    });
    void exited.then(resolve);
  });
  child.kill('SIGKILL');
  await exited;
  return seen.trim().split('\n').pop() ?? '';
}
