// Migration 0011 takes the name index out of the saving transaction: the people already saved stay
// in the index (the old triggers had put them there), the queue starts empty, and from then on a
// saved or renamed person is noted in the queue with what the index holds for them.
import { afterEach, expect, it } from 'vitest';
import { insertEarlyPerson, type MigratingStore, migratingStore } from './fixtures/migration-kit';

let store: MigratingStore | undefined;
afterEach(async () => {
  await store?.close();
});

it('keeps the people already indexed, starts with an empty queue, and queues who is saved or renamed after', async () => {
  store = migratingStore();
  await store.migrateTo('0010-store-copies');
  insertEarlyPerson(store.sqlite, 'p1', 'Nguyễn Văn Đức', 'nguyen van duc', '001080000001');
  insertEarlyPerson(store.sqlite, 'p2', 'Trần Thị Hoa', 'tran thi hoa', '001180000002');
  await store.migrateTo('0011-queued-name-index');
  const s = store.sqlite;
  expect(s.prepare(`SELECT count(*) FROM name_index_queue`).pluck().get()).toBe(0);
  expect(s.prepare(`SELECT count(*) FROM participants_fts WHERE participants_fts MATCH 'duc OR hoa'`).pluck().get()).toBe(2);
  insertEarlyPerson(s, 'p3', 'Lò Văn Páo', 'lo van pao', '001080000003');
  s.prepare(`UPDATE participants SET full_name = 'Trần Thị Hoà', name_folded = 'tran thi hoa' WHERE id = 'p2'`).run();
  s.prepare(`UPDATE participants SET full_name = 'Nguyễn Văn Đạt', name_folded = 'nguyen van dat' WHERE id = 'p1'`).run();
  const queued = s.prepare(`SELECT p.id, q.indexed_name FROM name_index_queue q JOIN participants p ON p.rowid = q.participant_rowid ORDER BY p.id`).all();
  // p2's folded name did not change: nothing to re-index. p1 is queued with what the index holds, p3 as new.
  expect(queued).toEqual([
    { id: 'p1', indexed_name: 'nguyen van duc' },
    { id: 'p3', indexed_name: null },
  ]);
});
