// The floor a benchmark figure is read against, measured in the same run and interleaved with the
// work, so a busy machine weighs on both alike. A registration's latency swung 4× with the load
// average (p99 2.14 ms quiet, 9.74 ms at load 3–4) while a bare one-page commit stayed at 0.16–0.18
// ms: what the load inflates is CPU time, not the disk. So each figure is printed as a ratio to a
// floor that does the same disk work with almost no CPU — a bare commit writing as many WAL pages
// as the measured operation (counted from the WAL's frame headers) — and the load average beside it.
import { readFileSync } from 'node:fs';
import type Sqlite from 'better-sqlite3-multiple-ciphers';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * Pages written by the last committed transaction in a WAL file: the frames after the previous
 * commit frame up to the last one (a frame whose header carries the database size is a commit).
 * Frames of an older generation (salts differ from the header's) are not counted.
 */
export function lastCommitPages(walFile: string): number {
  const wal = readFileSync(walFile);
  if (wal.length < WAL_HEADER) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let inTransaction = 0;
  let lastCommitted = 0;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    inTransaction++;
    if (wal.readUInt32BE(at + 4) !== 0) {
      lastCommitted = inTransaction;
      inTransaction = 0;
    }
  }
  return lastCommitted;
}

/**
 * A bare commit that writes `pages` WAL pages and does nothing else: one row per page of its own
 * table (each row fills a leaf page), `pages − 1` of them rewritten, plus the table's root page.
 * Created in the store being measured, so it shares its file, WAL and fsync.
 */
export class CommitFloor {
  private readonly rewrite: Sqlite.Statement;
  private n = 0;

  constructor(
    private readonly sqlite: Sqlite.Database,
    readonly pages: number,
  ) {
    sqlite.exec('DROP TABLE IF EXISTS bench_floor; CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, pad BLOB NOT NULL)');
    const insert = sqlite.prepare('INSERT INTO bench_floor (id, pad) VALUES (?, ?)');
    const leafPayload = Math.floor((sqlite.pragma('page_size', { simple: true }) as number) * 0.9);
    sqlite.transaction(() => {
      for (let id = 1; id <= Math.max(1, pages - 1); id++) insert.run(id, Buffer.alloc(leafPayload, id % 251));
    })();
    this.rewrite = sqlite.prepare('UPDATE bench_floor SET pad = ? WHERE id = ?');
  }

  /** One commit rewriting every row: its pages and the interior page above them. */
  commit(): void {
    this.n++;
    const pad = Buffer.alloc(Math.floor((this.sqlite.pragma('page_size', { simple: true }) as number) * 0.9), this.n % 251);
    this.sqlite.transaction(() => {
      for (let id = 1; id <= Math.max(1, this.pages - 1); id++) this.rewrite.run(pad, id);
    })();
  }

  drop(): void {
    this.sqlite.exec('DROP TABLE bench_floor');
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** p50/p95/p99 of `times` each divided by the same percentile of `floor` (both sorted). */
export function ratios(times: readonly number[], floor: readonly number[]): [number, number, number] {
  return [50, 95, 99].map((p) => percentile(times, p) / percentile(floor, p)) as [number, number, number];
}
