// Housekeeping that SQLite would otherwise do inside a user's write: merging the name-search
// index (FTS5 "automerge") and checkpointing the WAL ("wal_autocheckpoint"). Each runs as part of
// whichever commit tips it over, so one registration in a few hundred paid 5–80 ms for it at a
// million people (p99 15–23 ms against a 3 ms goal; measured in a bare SQLite model of the write:
// p99 23 ms → 1.3 ms with both moved out). Here both are off on the write path and a timer runs a
// bounded merge step and a passive checkpoint between calls. crisismerge stays as the safety net
// if the timer cannot keep up (a bulk import); the WAL stays the durable log meanwhile.
import type BetterSqlite3 from 'better-sqlite3';

/** Pages of merged index written per step: a few milliseconds of work. */
const MERGE_PAGES = 200;

export function startStoreMaintenance(sqlite: BetterSqlite3.Database, intervalMs = 5_000): () => void {
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('automerge', 0)`).run();
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('crisismerge', 32)`).run();
  sqlite.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(() => {
    mergeSearchIndexStep(sqlite);
    checkpointStep(sqlite);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** One bounded merge step; skipped while a transaction is open on the connection. */
export function mergeSearchIndexStep(sqlite: BetterSqlite3.Database, pages = MERGE_PAGES): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('merge', ?)`).run(pages);
}

/** Copies committed WAL pages into the database file without waiting for readers. */
export function checkpointStep(sqlite: BetterSqlite3.Database): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}

/** How many b-tree segments the index is split into (each search reads every one). */
export function searchIndexSegments(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare(`SELECT count(DISTINCT segid) FROM participants_fts_idx`).pluck().get() as number;
}
