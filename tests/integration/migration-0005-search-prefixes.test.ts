// Migration 0005 rebuilds the name-search index with prefix indexes: the people already in the
// store are found by a half-typed last word afterwards, as before, and a person saved after it is
// indexed by the new triggers.
import { afterEach, expect, it } from 'vitest';
import { insertEarlyPerson, type MigratingStore, migratingStore } from './fixtures/migration-kit';

let store: MigratingStore | undefined;
afterEach(async () => {
  await store?.close();
});

const matches = (s: MigratingStore, query: string) =>
  s.sqlite
    .prepare(`SELECT p.id FROM participants_fts f JOIN participants p ON p.rowid = f.rowid WHERE participants_fts MATCH ? ORDER BY p.id`)
    .pluck()
    .all(query);

it('keeps everyone already saved findable, by whole and half-typed words, and indexes who comes after', async () => {
  store = migratingStore();
  await store.migrateTo('0004-sync');
  insertEarlyPerson(store.sqlite, 'p1', 'Nguyễn Văn Đức', 'nguyen van duc', '001080000001');
  insertEarlyPerson(store.sqlite, 'p2', 'Nghiêm Thị Nghiêng', 'nghiem thi nghieng', '001180000002');
  await store.migrateTo('0005-search-prefixes');
  expect(matches(store, 'duc')).toEqual(['p1']);
  expect(matches(store, 'nghie*')).toEqual(['p2']);
  expect(matches(store, 'ng*')).toEqual(['p1', 'p2']);
  // The prefix lengths the migration declares (1–7 letters: `nghieng`).
  const sql = store.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'participants_fts'`).pluck().get() as string;
  expect(sql).toContain("prefix='1 2 3 4 5 6 7'");
  insertEarlyPerson(store.sqlite, 'p3', 'Lò Văn Páo', 'lo van pao', '001080000003');
  expect(matches(store, 'pa*')).toEqual(['p3']);
});
