// The WAL copied into the store file by a worker while a picture fills (wal-copied-aside.ts), on a
// real encrypted store file in WAL mode: what the core's connection commits — which never
// checkpoints itself here — is copied by the worker's connection until told to stop, nothing is
// lost, and without a worker (a packaging surprise) nothing runs on the core's thread and the
// housekeeping copies as before.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OfficeDatabase } from '../../src/main/core/db/open-database';
import { WalCopiedAside } from '../../src/main/core/db/wal-copied-aside';
import { tempDir } from './fixtures/office-fixture';

const opened: { store: OfficeDatabase; remove(): void }[] = [];
afterEach(async () => {
  for (const { store, remove } of opened.splice(0)) {
    await store.close();
    remove();
  }
});

async function store() {
  const temp = tempDir('fo-wal-aside-');
  const file = join(temp.dir, 'store.sqlite');
  const key = randomBytes(32);
  const store = await openDatabase(file, { key });
  opened.push({ store, remove: () => temp.remove() });
  // As while the core runs: only the housekeeping (not started here) would checkpoint.
  store.sqlite.pragma('wal_autocheckpoint = 0');
  store.sqlite.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, v BLOB)');
  return { file, key, sqlite: store.sqlite };
}

const wal = (sqlite: OfficeDatabase['sqlite']) => (sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[])[0]!;

describe('the WAL copied aside', () => {
  it('copies what the core commits into the store file from a worker, until told to stop', async () => {
    const { file, key, sqlite } = await store();
    const insert = sqlite.prepare('INSERT INTO t (v) VALUES (?)');
    const commit = () => sqlite.transaction(() => Array.from({ length: 50 }, () => insert.run(randomBytes(1000))))();
    commit();
    expect(wal(sqlite).checkpointed).toBe(0);
    const aside = new WalCopiedAside(file, key);
    aside.start();
    expect(aside.active).toBe(true);
    // The worker copies on its own (this connection never does): wait until it has copied some.
    for (let round = 0; wal(sqlite).checkpointed === 0; round++) {
      commit();
      await new Promise((r) => setTimeout(r, 20));
      expect(round).toBeLessThan(1000);
    }
    await aside.end();
    expect(aside.active).toBe(false);
    expect(aside.copies.runs).toBe(1);
    // Its last copy, once told to stop, took what the last commit wrote.
    const after = wal(sqlite);
    expect(after.checkpointed).toBe(after.log);
    expect(aside.copies.complete).toBeGreaterThanOrEqual(1);
    const copies = aside.copies.copies;
    commit();
    await new Promise((r) => setTimeout(r, 50));
    expect(aside.copies.copies).toBe(copies);
    expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBeGreaterThan(100);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('without a worker, copies nothing on the core’s thread and ends at once', async () => {
    const { file, key, sqlite } = await store();
    sqlite.prepare('INSERT INTO t (v) VALUES (?)').run(randomBytes(1000));
    const aside = new WalCopiedAside(file, key, () => undefined, join(file, 'no-such-driver'));
    aside.start();
    await aside.end();
    expect(aside.active).toBe(false);
    expect(aside.copies).toEqual({ runs: 1, copies: 0, complete: 0 });
    expect(wal(sqlite).checkpointed).toBe(0);
  });
});
