// The store's write gate (ADR 0041) on a real SQLite file in WAL mode, with a second connection
// holding the write lock as the index build does: the core's connection reads meanwhile, a write
// begun after the lock was taken waits for it and runs again, one begun before it hears BUSY (it
// may have written part of its work), and the core's connection never waits on its thread.
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { OfficeError } from '../../src/shared/contract/errors';
import { indexesBuiltAside, StoreWriteGate } from '../../src/main/core/db/store-write-gate';
import { tempDir } from './fixtures/office-fixture';

const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function store() {
  const temp = tempDir('fo-write-gate-');
  temps.push(temp);
  const file = join(temp.dir, 'store.sqlite');
  const core = new Sqlite(file);
  core.pragma('journal_mode = WAL');
  core.pragma('busy_timeout = 5000');
  core.exec('CREATE TABLE t (n INTEGER)');
  core.exec('INSERT INTO t VALUES (1)');
  return { file, core };
}

describe('the store write gate', () => {
  it('lets reads through while the lock is held elsewhere, reruns a later write after it, and answers BUSY to an earlier one', async () => {
    const { file, core } = store();
    const gate = new StoreWriteGate(core);
    const count = () => core.prepare('SELECT count(*) FROM t').pluck().get() as number;
    const write = () => core.prepare('INSERT INTO t VALUES (2)').run();
    let letGo!: () => void;
    const letGoNow = new Promise<void>((resolve) => (letGo = resolve));
    let locked!: () => void;
    const lockedNow = new Promise<void>((resolve) => (locked = resolve));
    // A call begun before the lock is taken, whose write comes after.
    let proceed!: () => void;
    const early = gate.call(async () => {
      await new Promise<void>((resolve) => (proceed = resolve));
      write();
    });
    const aside = gate.holdWhile(async (tell) => {
      const other = new Sqlite(file);
      other.exec('BEGIN IMMEDIATE');
      other.exec('INSERT INTO t VALUES (3)');
      tell();
      locked();
      await letGoNow;
      other.exec('COMMIT');
      other.close();
    });
    await lockedNow;
    expect(gate.locked).toBe(true);
    // Reads go on; a write is refused at once (no wait on this thread: busy_timeout is 0).
    expect(count()).toBe(1);
    expect(core.pragma('busy_timeout', { simple: true })).toBe(0);
    proceed();
    await expect(early).rejects.toSatisfy((e: unknown) => e instanceof OfficeError && e.code === 'BUSY');
    // A call begun now waits, then runs again once the lock is let go.
    let attempts = 0;
    let done = false;
    const later = gate.call(async () => (attempts++, write())).finally(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(attempts).toBe(1);
    letGo();
    await aside;
    await later;
    expect(attempts).toBe(2);
    expect(count()).toBe(3);
    expect(gate.held).toBe(false);
    expect(core.pragma('busy_timeout', { simple: true })).toBe(5000);
    core.close();
  });

  it('answers BUSY when the work holds the lock longer than the wait', async () => {
    const { file, core } = store();
    const gate = new StoreWriteGate(core);
    gate.waitMs = 30;
    let letGo!: () => void;
    let locked!: () => void;
    const lockedNow = new Promise<void>((resolve) => (locked = resolve));
    const aside = gate.holdWhile(async (tell) => {
      const other = new Sqlite(file);
      other.exec('BEGIN IMMEDIATE');
      tell();
      locked();
      await new Promise<void>((resolve) => (letGo = resolve));
      other.exec('ROLLBACK');
      other.close();
    });
    await lockedNow;
    await expect(gate.call(async () => core.prepare('INSERT INTO t VALUES (2)').run())).rejects.toSatisfy(
      (e: unknown) => e instanceof OfficeError && e.code === 'BUSY',
    );
    letGo();
    await aside;
    expect(core.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    core.close();
  });

  it('lets the lock go once the indexes are committed, and copies their pages into the file after', async () => {
    const { file, core } = store();
    core.pragma('wal_autocheckpoint = 0');
    core.transaction(() => {
      for (let n = 0; n < 5000; n++) core.prepare('INSERT INTO t VALUES (?)').run(n);
    })();
    const gate = new StoreWriteGate(core);
    // Slot 0 set: no hold once locked; slot 1 not: the worker waits after its commit, before the copy.
    gate.testHold = new Int32Array(new SharedArrayBuffer(8));
    gate.testHold[0] = 1;
    await indexesBuiltAside(gate, file, null)(null, ['CREATE INDEX IF NOT EXISTS t_n ON t (n)']);
    // Done while the worker is still held: the index is there, and the core writes again.
    expect(gate.held).toBe(false);
    expect(core.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 't_n'`).pluck().get()).toBe(1);
    core.prepare('INSERT INTO t VALUES (-1)').run();
    const wal = () => (core.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[])[0]!;
    expect(wal().checkpointed).toBe(0);
    Atomics.store(gate.testHold, 1, 1);
    Atomics.notify(gate.testHold, 1);
    await gate.afterwards;
    // The worker copied the index's pages (and what the core wrote before its copy) into the file.
    expect(wal().checkpointed).toBeGreaterThan(0);
    expect(core.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
