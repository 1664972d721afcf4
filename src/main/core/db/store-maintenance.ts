// Housekeeping that SQLite would otherwise do inside a user's write: indexing newly saved names
// (db/name-index.ts), merging the name-search index (FTS5 "automerge") and checkpointing the WAL
// ("wal_autocheckpoint"). SQLite runs the last two as part of whichever commit tips it over, so
// one registration in a few hundred paid 5–80 ms for it at a million people (p99 15–23 ms
// against a 3 ms goal; measured in a bare SQLite model of the write: p99 23 ms → 1.3 ms with both
// moved out). Here all three are off the write path and run between calls instead; crisismerge
// stays as the safety net if merging cannot keep up (a bulk import), and the WAL stays the durable
// log meanwhile.
//
// The WAL is also kept where it is cheapest to commit into: shortly after each call that wrote,
// the committed pages are copied into the database file and one tiny commit starts the WAL over
// from its beginning. SQLite restarts the WAL on the first commit after a complete checkpoint and
// fsyncs the new header on its own before the commit's pages; done here, that extra fsync is not
// in a clerk's commit, and the clerk's pages overwrite space the WAL file already has instead of
// growing it (an append that grows a file costs the disk a metadata write on each fsync). In a bare
// SQLite model of a registration at a million people the commit's median fell from 1.45–1.73 ms
// with a growing WAL to 0.96–1.04 ms (ADR 0007).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { indexQueuedNames } from './name-index';

/** Pages of merged index written per step: a few milliseconds of work. */
const MERGE_PAGES = 200;
/** People indexed per step: a few milliseconds at most (one, between a clerk's calls). */
const INDEX_PEOPLE = 2_000;

export interface StoreMaintenance {
  /** Called after every call into the core: if it wrote, the WAL is restarted a moment later. */
  afterCall(): void;
  stop(): void;
}

export function startStoreMaintenance(
  sqlite: BetterSqlite3.Database,
  {
    intervalMs = 5_000,
    settleMs = 20,
    log = console.error as (error: unknown) => void,
    // True while a connection of its own holds the write lock (store-write-gate.ts): nothing here writes then.
    paused = () => false,
  }: { intervalMs?: number; settleMs?: number; log?: (error: unknown) => void; paused?: () => boolean } = {},
): StoreMaintenance {
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('automerge', 0)`).run();
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('crisismerge', 32)`).run();
  sqlite.pragma('wal_autocheckpoint = 0');
  // Rows changed by this connection: a cheap first test, after each call, of whether it wrote.
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
  let seenChanges = totalChanges.get() as number;
  // Frames in the WAL just after the last restart: more means a commit since (an idle merge step
  // counts as a change but writes no page).
  let settledFrames = walFrames(sqlite);
  let settling: NodeJS.Timeout | null = null;
  // Housekeeping runs from timers: a failure (a full disk, say) is logged and tried again later,
  // never thrown into the event loop, and the WAL stays the durable log meanwhile.
  const guarded = (step: () => void) => () => {
    try {
      step();
    } catch (error) {
      log(error);
    }
  };
  // Whoever was saved just before the app last stopped (or crashed) is indexed now.
  guarded(() => {
    while (indexQueuedNames(sqlite, INDEX_PEOPLE) > 0);
  })();
  const settle = guarded(() => {
    settling = null;
    if (!sqlite.open || sqlite.inTransaction || paused()) return;
    // The person just saved goes into the name index (one small segment, merged when a few have
    // gathered), then everything is checkpointed.
    const indexed = indexQueuedNames(sqlite, INDEX_PEOPLE);
    if (indexed > 0) mergeSearchIndexStep(sqlite);
    if (indexed === INDEX_PEOPLE) {
      settling = setTimeout(settle, settleMs);
      settling.unref();
    }
    seenChanges = totalChanges.get() as number;
    if (walFrames(sqlite) === settledFrames) return;
    if (restartWal(sqlite)) settledFrames = walFrames(sqlite);
  });
  const timer = setInterval(
    guarded(() => {
      if (paused()) return;
      mergeSearchIndexStep(sqlite);
      settle();
    }),
    intervalMs,
  );
  timer.unref();
  return {
    afterCall() {
      if (settling || !sqlite.open || totalChanges.get() === seenChanges) return;
      settling = setTimeout(settle, settleMs);
      settling.unref();
    },
    stop() {
      clearInterval(timer);
      if (settling) clearTimeout(settling);
    },
  };
}

function walFrames(sqlite: BetterSqlite3.Database): number {
  return (sqlite.pragma('wal_checkpoint(NOOP)') as { log: number }[])[0]!.log;
}

/** One bounded merge step; skipped while a transaction is open on the connection. */
export function mergeSearchIndexStep(sqlite: BetterSqlite3.Database, pages = MERGE_PAGES): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  sqlite.prepare(`INSERT INTO participants_fts (participants_fts, rank) VALUES ('merge', ?)`).run(pages);
}

/** Copies committed WAL pages into the database file without waiting for readers. */
export function checkpointStep(sqlite: BetterSqlite3.Database): { log: number; checkpointed: number; busy: number } {
  if (!sqlite.open || sqlite.inTransaction) return { log: -1, checkpointed: -1, busy: 1 };
  return (sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number; busy: number }[])[0]!;
}

/**
 * Checkpoints and, when every committed page reached the database file, makes the one-row commit
 * that starts the WAL over. Returns false (and changes nothing) inside a transaction or while a
 * reader still needs the WAL; the next call or the interval tries again.
 */
export function restartWal(sqlite: BetterSqlite3.Database): boolean {
  const result = checkpointStep(sqlite);
  if (result.busy || result.checkpointed !== result.log) return false;
  sqlite.prepare('UPDATE store_maintenance SET wal_restarts = wal_restarts + 1 WHERE id = 1').run();
  return true;
}

/** How many b-tree segments the index is split into (each search reads every one). */
export function searchIndexSegments(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare(`SELECT count(DISTINCT segid) FROM participants_fts_idx`).pluck().get() as number;
}
