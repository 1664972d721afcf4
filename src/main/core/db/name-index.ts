// Bringing the name-search index (FTS5, external content) up to date with the people queued in
// `name_index_queue` by the participants triggers (migration 0011). For each queued person: the
// name the index holds, if any, is taken out; the current name, if the person still exists, is put
// in; the queue row goes — all in the caller's transaction, so the index and the queue can only
// move together. Until a person is indexed, searches match their queued name directly
// (participants-repository `findByNameWords`).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * The catch-up as three set statements over the queue's first rows, up to rowid `?` each. The
 * CROSS JOIN keeps the queue (a few rows) as the outer loop: left to the planner, with statistics
 * gathered while the queue was empty, it scanned all the people instead (seconds at a million).
 */
export const NAME_INDEX_STEPS = [
  `INSERT INTO participants_fts (participants_fts, rowid, name_folded)
     SELECT 'delete', participant_rowid, indexed_name FROM name_index_queue WHERE participant_rowid <= ? AND indexed_name IS NOT NULL`,
  `INSERT INTO participants_fts (rowid, name_folded)
     SELECT p.rowid, p.name_folded FROM name_index_queue q CROSS JOIN participants p ON p.rowid = q.participant_rowid WHERE q.participant_rowid <= ?`,
  `DELETE FROM name_index_queue WHERE participant_rowid <= ?`,
] as const;

/** The same catch-up for the whole queue, inside a Kysely transaction (a page of pulled people). */
export async function indexAllQueuedNames(trx: Transaction<Database>): Promise<void> {
  for (const step of NAME_INDEX_STEPS) await trx.executeQuery(CompiledQuery.raw(step, [Number.MAX_SAFE_INTEGER]));
}

/**
 * Indexes up to `limit` queued people in a transaction of its own, oldest first; returns how many.
 * Skipped (0) inside a caller's open transaction: housekeeping never writes into a clerk's work.
 */
export function indexQueuedNames(sqlite: BetterSqlite3.Database, limit = 2_000): number {
  if (!sqlite.open || sqlite.inTransaction) return 0;
  const last = sqlite
    .prepare(`SELECT max(participant_rowid) AS upTo, count(*) AS n FROM (SELECT participant_rowid FROM name_index_queue ORDER BY participant_rowid LIMIT ?)`)
    .get(limit) as { upTo: number | null; n: number };
  if (last.upTo === null) return 0;
  sqlite.transaction(() => {
    for (const step of NAME_INDEX_STEPS) sqlite.prepare(step).run(last.upTo);
  })();
  return last.n;
}

/** How many people wait to be indexed. */
export function queuedNames(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('SELECT count(*) FROM name_index_queue').pluck().get() as number;
}
