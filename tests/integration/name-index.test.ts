// The name index catches up between calls (db/name-index.ts): a person saved or renamed a moment
// ago is found by the same searches as everyone else, before and after housekeeping indexes them;
// a crash before that loses nothing; pulled people are indexed with their page; and the queue's
// matcher agrees with FTS5 itself on which names a query finds.
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexQueuedNames, NAME_INDEX_STEPS, queuedNames } from '../../src/main/core/db/name-index';
import { nameHasWords } from '../../src/shared/domain/name-folding';
import { call, type Office, openCore, openOffice, personInput } from './fixtures/office-fixture';

const ftsIsWhole = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('integrity-check', 1)`).run();
const indexedRowids = (sqlite: BetterSqlite3.Database, match: string) =>
  sqlite.prepare(`SELECT rowid FROM participants_fts WHERE participants_fts MATCH ?`).pluck().all(match);

describe('name index catch-up', () => {
  let office: Office;
  beforeEach(async () => {
    office = await openOffice();
  });
  afterEach(async () => {
    await office.close();
  });
  const search = async (query: string) =>
    (await call(office.core, 'participants.search', { query }, office.tokens.counter)).items.map((p: { fullName: string }) => p.fullName);

  it('finds a person the moment they are saved, and the same way once housekeeping has indexed them', async () => {
    const sqlite = office.core.database.sqlite;
    await call(office.core, 'participants.register', personInput({ fullName: 'Hà Thị Quỳnh', sex: 'female' }), office.tokens.counter);
    // Saved, not yet indexed: the registration wrote one queue row and no index segment.
    expect(queuedNames(sqlite)).toBe(1);
    expect(indexedRowids(sqlite, 'quynh')).toEqual([]);
    for (const query of ['thi quynh', 'quynh ha', 'quy', 'ha thi q']) expect(await search(query)).toEqual(['Hà Thị Quỳnh']);
    expect(await search('quynh lan')).toEqual([]);
    expect(indexQueuedNames(sqlite)).toBe(1);
    expect(queuedNames(sqlite)).toBe(0);
    expect(indexedRowids(sqlite, 'quynh')).toHaveLength(1);
    for (const query of ['thi quynh', 'quynh ha', 'quy', 'ha thi q']) expect(await search(query)).toEqual(['Hà Thị Quỳnh']);
    ftsIsWhole(sqlite);
  });

  it('finds a renamed person by the new name only, before and after indexing, however often renamed', async () => {
    const sqlite = office.core.database.sqlite;
    let person = await call(office.core, 'participants.register', personInput({ fullName: 'Hoàng Văn Thụ', sex: 'male' }), office.tokens.counter);
    indexQueuedNames(sqlite);
    for (const fullName of ['Hoàng Văn Thọ', 'Hoàng Văn Thịnh']) {
      person = await call(office.core, 'participants.update', { id: person.id, expectedVersion: person.version, fullName }, office.tokens.counter);
    }
    // The index still holds the first name; the queue remembers it, so it can be taken out.
    expect(sqlite.prepare('SELECT indexed_name FROM name_index_queue').pluck().all()).toEqual(['hoang van thu']);
    expect(await search('hoang van thu')).toEqual([]);
    expect(await search('van tho')).toEqual([]);
    expect(await search('van thinh')).toEqual(['Hoàng Văn Thịnh']);
    indexQueuedNames(sqlite);
    expect(await search('hoang van thu')).toEqual([]);
    expect(await search('van thinh')).toEqual(['Hoàng Văn Thịnh']);
    expect(indexedRowids(sqlite, 'thu')).toEqual([]);
    ftsIsWhole(sqlite);
  });

  it('merges queued and indexed people into one list in name order, within the limit', async () => {
    const sqlite = office.core.database.sqlite;
    for (const fullName of ['Vi Thị Xuân', 'Vi Văn Xuân']) await call(office.core, 'participants.register', personInput({ fullName }), office.tokens.counter);
    indexQueuedNames(sqlite);
    for (const fullName of ['Vi Hồng Xuân', 'Vi Thị Xuân Mai'])
      await call(office.core, 'participants.register', personInput({ fullName }), office.tokens.counter);
    expect(queuedNames(sqlite)).toBe(2);
    const found = await call(office.core, 'participants.search', { query: 'xuan vi', limit: 3 }, office.tokens.counter);
    expect(found.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Vi Hồng Xuân', 'Vi Thị Xuân', 'Vi Thị Xuân Mai']);
  });

  it('reads the queue, not all the people, to index it — even with statistics gathered while the queue was empty', async () => {
    const sqlite = office.core.database.sqlite;
    for (let i = 0; i < 30; i++) await call(office.core, 'participants.register', personInput(), office.tokens.counter);
    indexQueuedNames(sqlite);
    sqlite.exec('ANALYZE');
    for (const step of NAME_INDEX_STEPS) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${step}`).all(Number.MAX_SAFE_INTEGER) as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' | ')).not.toMatch(/(SCAN|SEARCH) p\b.*\|/);
      expect(plan[0]).toMatch(/name_index_queue|\bq\b/);
    }
  });

  it('indexes shortly after a call that saved someone, with no further call', async () => {
    await call(office.core, 'participants.register', personInput({ fullName: 'Mạc Thị Bưởi', sex: 'female' }), office.tokens.counter);
    expect(queuedNames(office.core.database.sqlite)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(queuedNames(office.core.database.sqlite)).toBe(0);
    expect(indexedRowids(office.core.database.sqlite, 'buoi')).toHaveLength(1);
  });
});

describe('name index after a stop', () => {
  it('indexes whoever was saved just before the app stopped when the store opens again', async () => {
    const office = await openOffice();
    await call(office.core, 'participants.register', personInput({ fullName: 'Triệu Thị Trinh', sex: 'female' }), office.tokens.counter);
    // Closed at once: housekeeping never ran (as after a crash).
    await office.core.close();
    const reopened = await openCore(office.dir);
    try {
      expect(queuedNames(reopened.database.sqlite)).toBe(0);
      expect(indexedRowids(reopened.database.sqlite, 'trinh')).toHaveLength(1);
    } finally {
      await reopened.close();
      rmSync(office.dir, { recursive: true, force: true });
    }
  });
});

describe('queued-name matcher', () => {
  it('finds exactly the names FTS5 finds for the same words', () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.exec(`CREATE VIRTUAL TABLE names USING fts5(name, prefix='1 2 3 4 5 6 7', tokenize='unicode61')`);
    const syllable = fc.constantFrom('an', 'anh', 'nguyen', 'ng', 'thi', 'thinh', 'van', 'vu', 'h', 'hoa', 'hoang', 'o', 'y', 'ksor', 'blak', 'a1');
    const name = fc.array(syllable, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
    const query = fc.array(
      fc.oneof(
        syllable,
        syllable.map((s) => s.slice(0, 1 + (s.length >> 1))),
      ),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), query, (names, words) => {
        sqlite.exec('DELETE FROM names');
        const insert = sqlite.prepare('INSERT INTO names (rowid, name) VALUES (?, ?)');
        names.forEach((n, i) => insert.run(i + 1, n));
        const match = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
        const byIndex = sqlite.prepare('SELECT rowid FROM names WHERE names MATCH ? ORDER BY rowid').pluck().all(match) as number[];
        const byMatcher = names.flatMap((n, i) => (nameHasWords(n, words) ? [i + 1] : []));
        expect(byMatcher).toEqual(byIndex);
      }),
      { numRuns: 500 },
    );
    sqlite.close();
  });
});
