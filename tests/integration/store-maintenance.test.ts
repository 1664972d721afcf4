// Store housekeeping runs on the maintenance timer, not inside registrations: with FTS5 automerge
// off, single registrations leave small segments behind and a merge step folds them together (every
// search finds the same people before and after); with WAL autocheckpoint off, the checkpoint step
// copies every committed page into the database file; shortly after a call that wrote, the WAL is
// checkpointed and started over, so a clerk's commit neither grows the WAL file nor pays the
// restart's extra fsync, and an idle store is not written to at all.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, WAL_SIZE_LIMIT } from '../../src/main/core/db/open-database';
import { indexQueuedNames } from '../../src/main/core/db/name-index';
import { checkpointStep, mergeSearchIndexStep, restartWal, searchIndexSegments, startStoreMaintenance } from '../../src/main/core/db/store-maintenance';
import { call, openOffice, type Office, personInput, tempDir } from './fixtures/office-fixture';

describe('search index maintenance', () => {
  let office: Office;
  beforeEach(async () => {
    office = await openOffice();
  });
  afterEach(async () => {
    await office.close();
  });

  it('leaves merging to the maintenance step and finds the same people after it', async () => {
    const sqlite = office.core.database.sqlite;
    const config = sqlite.prepare(`SELECT v FROM participants_fts_config WHERE k = 'automerge'`).pluck().get();
    expect(config).toBe(0);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++)
      ids.push(
        (
          await call(
            office.core,
            'participants.register',
            personInput({ fullName: 'Ksor Thị Blăk', sex: 'female', duplicateOverrideReason: 'Người khác, cùng họ tên' }),
            office.tokens.counter,
          )
        ).id,
      );
    const search = async () =>
      (await call(office.core, 'participants.search', { query: 'ksor thi blak' }, office.tokens.counter)).items.map((p: { id: string }) => p.id).sort();
    const before = await search();
    expect(before).toEqual([...ids].sort());
    // Indexed one at a time, as housekeeping does between a clerk's calls: one small segment each.
    while (indexQueuedNames(sqlite, 1) > 0);
    expect(await search()).toEqual(before);
    const segments = searchIndexSegments(sqlite);
    expect(segments).toBeGreaterThanOrEqual(20);
    for (let step = 0; step < 10; step++) mergeSearchIndexStep(sqlite);
    expect(searchIndexSegments(sqlite)).toBeLessThan(segments / 4);
    expect(await search()).toEqual(before);
    expect(() => sqlite.prepare(`INSERT INTO participants_fts (participants_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it('checkpoints the WAL on the maintenance step, not on commit', async () => {
    const sqlite = office.core.database.sqlite;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    for (let i = 0; i < 10; i++) await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    const [pending] = sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(pending!.log).toBeGreaterThan(pending!.checkpointed);
    checkpointStep(sqlite);
    const [after] = sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(after!.checkpointed).toBe(after!.log);
  });

  it('does not merge inside an open transaction', async () => {
    const sqlite = office.core.database.sqlite;
    for (let i = 0; i < 6; i++) await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    const segments = searchIndexSegments(sqlite);
    sqlite.exec('BEGIN');
    mergeSearchIndexStep(sqlite);
    sqlite.exec('ROLLBACK');
    expect(searchIndexSegments(sqlite)).toBe(segments);
  });

  const settled = () => new Promise((resolve) => setTimeout(resolve, 80));
  const wal = (sqlite: Office['core']['database']['sqlite']) => (sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[])[0]!;
  const restarts = (sqlite: Office['core']['database']['sqlite']) => sqlite.prepare('SELECT wal_restarts FROM store_maintenance').pluck().get() as number;

  it('starts the WAL over shortly after a call that wrote, so later commits overwrite it in place', async () => {
    const sqlite = office.core.database.sqlite;
    const walFile = join(office.dir, 'field-office.sqlite-wal');
    await settled();
    const before = restarts(sqlite);
    const sizes: number[] = [];
    for (let i = 0; i < 12; i++) {
      await call(office.core, 'participants.register', personInput(), office.tokens.counter);
      const written = wal(sqlite).log;
      await settled();
      // Everything committed reached the database file, and the WAL holds only the restart's commit.
      expect(wal(sqlite).log).toBeLessThan(written);
      expect(wal(sqlite).log).toBeLessThanOrEqual(3);
      sizes.push(statSync(walFile).size);
    }
    expect(restarts(sqlite)).toBe(before + 12);
    // The file holds about one registration's pages (more when one splits a leaf), not twelve.
    expect(sizes.at(-1)!).toBeLessThan(2 * sizes[0]!);
    // Every registration is still there, in the table and in the name index.
    expect(sqlite.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(12);
    expect(sqlite.prepare(`SELECT count(*) FROM participants_fts WHERE participants_fts MATCH 'pham'`).pluck().get()).toBe(12);
  });

  it('cuts the WAL file back to its limit when it starts over after a large write (a new device fills its picture)', async () => {
    const sqlite = office.core.database.sqlite;
    const walFile = join(office.dir, 'field-office.sqlite-wal');
    sqlite.exec('CREATE TABLE ballast (b BLOB)');
    const insert = sqlite.prepare('INSERT INTO ballast (b) VALUES (randomblob(1048576))');
    sqlite.transaction(() => {
      for (let i = 0; i < 80; i++) insert.run();
    })();
    expect(statSync(walFile).size).toBeGreaterThan(WAL_SIZE_LIMIT);
    expect(restartWal(sqlite)).toBe(true);
    expect(statSync(walFile).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
    expect(sqlite.prepare('SELECT count(*) FROM ballast').pluck().get()).toBe(80);
  });

  it('leaves an idle store alone: reads and quiet intervals write nothing', async () => {
    const sqlite = office.core.database.sqlite;
    await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    await settled();
    const [frames, count] = [wal(sqlite).log, restarts(sqlite)];
    for (let i = 0; i < 5; i++) await call(office.core, 'participants.search', { query: 'nguyen' }, office.tokens.counter);
    mergeSearchIndexStep(sqlite);
    await settled();
    expect([wal(sqlite).log, restarts(sqlite)]).toEqual([frames, count]);
  });

  it('does not checkpoint or restart inside an open transaction', async () => {
    const sqlite = office.core.database.sqlite;
    await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    const count = restarts(sqlite);
    sqlite.exec('BEGIN');
    expect(restartWal(sqlite)).toBe(false);
    sqlite.exec('ROLLBACK');
    expect(restarts(sqlite)).toBe(count);
    expect(restartWal(sqlite)).toBe(true);
    expect(restarts(sqlite)).toBe(count + 1);
  });

  it('logs a failed housekeeping step and goes on, instead of throwing from its timer', async () => {
    const temp = tempDir('field-office-maintenance-');
    const database = await openDatabase(join(temp.dir, 'store.sqlite'));
    const logged: unknown[] = [];
    const maintenance = startStoreMaintenance(database.sqlite, { settleMs: 5, log: (e) => logged.push(e) });
    try {
      database.sqlite.exec('DROP TABLE store_maintenance'); // the restart's commit will fail
      database.sqlite.prepare(`INSERT INTO reference_versions (kind, version, loaded_at) VALUES ('probe', '1', 'now')`).run();
      maintenance.afterCall();
      await settled();
      expect(String(logged[0])).toMatch(/store_maintenance/);
      // The write itself is safe: it was checkpointed into the database file before the failure.
      expect(database.sqlite.prepare(`SELECT version FROM reference_versions WHERE kind = 'probe'`).pluck().get()).toBe('1');
    } finally {
      maintenance.stop();
      await database.close();
      temp.remove();
    }
  });
});
