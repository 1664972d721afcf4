// Bulk seeding and the name index: people loaded for a benchmark are not queued one by one for
// the name index (db/name-index.ts); the index is built once after the load and then merged the
// way the store's housekeeping leaves it (a few segments), as in an office whose people arrived
// over months. Left as `rebuild` makes it, a million people sit in ~57 segments that every search
// and every indexing step would read — a state no office's store stays in.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { mergeSearchIndexStep } from '../../src/main/core/db/store-maintenance';

/** Drops the queueing trigger for a bulk load; the returned function builds the index and restores it. */
export function loadWithoutNameQueue(sqlite: BetterSqlite3.Database): () => void {
  const trigger = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'participants_name_queued_insert'`).pluck().get() as string;
  sqlite.exec('DROP TRIGGER participants_name_queued_insert');
  return () => {
    sqlite.exec(`INSERT INTO participants_fts (participants_fts) VALUES ('rebuild')`);
    sqlite.exec(trigger);
    const changes = sqlite.prepare('SELECT total_changes()').pluck();
    // A merge step that did no work changes fewer than two rows (FTS5 documentation).
    for (let before = -2; (changes.get() as number) - before >= 2;) {
      before = changes.get() as number;
      mergeSearchIndexStep(sqlite, 2_000);
    }
  };
}
