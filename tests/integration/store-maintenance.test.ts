// Store housekeeping runs on the maintenance timer, not inside registrations: with FTS5 automerge
// off, single registrations leave small segments behind and a merge step folds them together (every
// search finds the same people before and after); with WAL autocheckpoint off, the checkpoint step
// copies every committed page into the database file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointStep, mergeSearchIndexStep, searchIndexSegments } from '../../src/main/core/db/store-maintenance';
import { call, openOffice, type Office, personInput } from './fixtures/office-fixture';

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
    for (let i = 0; i < 24; i++) ids.push((await call(office.core, 'participants.register', personInput({ fullName: 'Ksor Thị Blăk', sex: 'female' }), office.tokens.counter)).id);
    const search = async () => (await call(office.core, 'participants.search', { query: 'ksor thi blak' }, office.tokens.counter)).items.map((p: { id: string }) => p.id).sort();
    const before = await search();
    expect(before).toEqual([...ids].sort());
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
});
