// Where a benchmark's time went, in CPU seconds rather than wall time (which swings 2–5× with the
// load of a shared machine): the central's server processes, and the PostgreSQL backends serving
// the benchmark's own database — the floor of the work the central asks of its database, measured
// in the same run. Read from Linux's /proc (user + system time of each process); elsewhere null.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A process's CPU seconds so far (user + system), 0 once it is gone. */
export function processCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export interface CpuSnapshot {
  servers: number;
  /** Each backend of the database's CPU seconds, by pid (backends come and go between snapshots). */
  postgres: Map<number, number>;
  /**
   * Each autovacuum worker of the database's CPU seconds, by pid. Not in `postgres`: a worker
   * vacuuming or analysing the tables the ingest fills runs when PostgreSQL decides (a fresh
   * database's tables are analysed a few seconds into a run), so counted in the timed window it
   * would lower the ratio by chance. The benchmark waits for it to finish before the window and
   * says what ran inside it (ADR 0038, third round).
   */
  autovacuum: Map<number, number>;
}

/** The servers' and the database's backends' (and autovacuum workers') CPU now; null without /proc. */
export function cpuSnapshot(serverPids: number[], databaseUrl: string | null): CpuSnapshot | null {
  if (!existsSync('/proc/self/stat')) return null;
  const postgres = new Map<number, number>();
  const autovacuum = new Map<number, number>();
  const database = databaseUrl ? new URL(databaseUrl).pathname.slice(1) : null;
  if (database) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.startsWith('postgres: ')) continue;
      // "postgres: autovacuum worker <database>", padded with NULs where PostgreSQL rewrote its title.
      if (cmdline.startsWith('postgres: autovacuum worker ') && cmdline.replace(/[\0 ]+$/, '').endsWith(` ${database}`))
        autovacuum.set(Number(entry), processCpu(Number(entry)));
      else if (cmdline.includes(` ${database} `)) postgres.set(Number(entry), processCpu(Number(entry)));
    }
  }
  return { servers: serverPids.reduce((sum, pid) => sum + processCpu(pid), 0), postgres, autovacuum };
}

export interface CpuUse {
  servers: number;
  postgres: number;
  /** The database's autovacuum workers alive at the second snapshot (not in `postgres`). */
  autovacuum: number;
}

/** CPU seconds spent between two snapshots. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const spent = (at: Map<number, number>, earlier: Map<number, number>) => {
    let sum = 0;
    for (const [pid, cpu] of at) sum += cpu - (earlier.get(pid) ?? 0);
    return sum;
  };
  return { servers: after.servers - before.servers, postgres: spent(after.postgres, before.postgres), autovacuum: spent(after.autovacuum, before.autovacuum) };
}

/** Issue 26 item 9's goal: the central costs no more CPU than its database's own work. */
export const CENTRAL_TO_DATABASE_GOAL = 1;

/** "central 31.2 ms + PostgreSQL 24.9 ms of CPU per batch of 500 ops: ratio 1.25 (goal ≤ 1.00); load …" */
export function ratioLine(use: CpuUse, batches: number, opsPerBatch: number): string {
  const per = (seconds: number) => ((seconds / batches) * 1000).toFixed(1);
  const ratio = use.postgres > 0 ? (use.servers / use.postgres).toFixed(2) : 'n/a';
  return `central ${per(use.servers)} ms + PostgreSQL ${per(use.postgres)} ms of CPU per batch of ${opsPerBatch} ops: central ÷ PostgreSQL ${ratio} (goal ≤ ${CENTRAL_TO_DATABASE_GOAL.toFixed(2)}); load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}
