// Office-picture benchmark (part of `npm run bench`, issue 20 items 4 and 6): a central holding a
// province of 1 000 000 people, an office of 200 000 households and 5 000 000 payments (with their
// 5 000 000 changes in the feed, 1 % voided) — seeded straight into its database in SQL — and then
// (a) a new device of the office enrolls and fills its picture, in a process of its own
//     (fill-device.ts: the office core alone): the time (goal ≤ 3 min), that process's peak RSS
//     (goal ≤ 300 MB), where the fill spent its time by phase and part, and a search answered
//     every 2 s while the picture fills;
// (b) pages of the office's change feed read at the start, the middle and the end of those
//     5 000 000 changes, and by a device of another office that has none of them (its pages skip
//     the window): each page's answer time over loopback HTTP, signed as a device signs — goal
//     ≤ 200 ms a page (every kind of page: `npm run bench:feed-pages`).
// Prints the figures with the load average. OFFICE_BENCH_PERSONS, _HOUSEHOLDS, _PAYMENTS scale it;
// OFFICE_BENCH_KEEP=<folder> keeps the seeded central for the next run (kept-central.ts);
// OFFICE_BENCH_SKIP_FILL measures the pages alone; FILL_DEVICE_TSX=1 runs the device under tsx
// rather than bundled as the core ships; FILL_DEVICE_NODE_ARGS and
// OFFICE_BENCH_CENTRAL_NODE_ARGS pass Node flags (e.g. --cpu-prof) to the device and the central.
// The central runs as deployed, in its own process on PostgreSQL; BENCH_DATABASE=pglite runs it in
// this process on PGlite instead.
import { cpus, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeTimes, load, timedTransport } from './timed-transport';
import { resourcesDir, startOffice } from '../integration/sync/central-fixture';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOffice, issueEnrollmentCode } from '../../src/central/admin';
import { root } from './central-server';
import useRunTempRoot from '../support/temp-root';
import { benchCentral } from './kept-central';

process.on('exit', useRunTempRoot());

const PERSONS = Number(process.env.OFFICE_BENCH_PERSONS ?? 1_000_000);
const HOUSEHOLDS = Number(process.env.OFFICE_BENCH_HOUSEHOLDS ?? 200_000);
const PAYMENTS = Number(process.env.OFFICE_BENCH_PAYMENTS ?? 5_000_000);
const OFFICE = 'PICB';

/**
 * The CPU floor: a fixed piece of pure work (JSON of a payment change, made and read 20 000 times),
 * timed before and after the fill, so the fill's figure can be read against what this busy machine
 * gave a single thread at the time.
 */
function cpuFloor(): number {
  const change = {
    kind: 'contribution',
    payload: { id: '01900000-0000-7000-a000-000000000001', fromMonth: '2026-01', total: 330_000, collectorName: 'Nguyễn Thị Thu' },
  };
  const t0 = performance.now();
  let n = 0;
  for (let k = 0; k < 20_000; k++) n += (JSON.parse(JSON.stringify({ ...change, seq: k })) as { seq: number }).seq;
  if (n < 0) throw new Error('unreachable');
  return performance.now() - t0;
}

/** CPU seconds a process has used so far (user + system, /proc/<pid>/stat), or null if it cannot be read. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface DeviceReport {
  pulled: number;
  error: string | null;
  seconds: number;
  memory: Record<'before' | 'opened' | 'after', { rss: number; peak: number }> & { largest: Record<string, number>; largestDuring: string };
  searches: number[];
  phases: Record<string, number>;
  held: Record<string, number>;
  wal?: { largestMb: number; runs: number; copies: number; complete: number };
}

/**
 * The filling device's script as the core ships (ADR 0041): bundled into one JavaScript file (its
 * packages loaded from node_modules, as electron-vite's main build leaves them), run by plain Node
 * — not through tsx, whose compiler and caches are ~60 MB of the process that the app never holds.
 * FILL_DEVICE_TSX=1 runs the TypeScript through tsx instead.
 */
function fillDeviceScript(): string[] {
  const source = join(root, 'tests/bench/fill-device.ts');
  if (process.env.FILL_DEVICE_TSX) return ['--import', 'tsx', source];
  const bundle = join(root, 'node_modules/.cache/fill-bench/fill-device.mjs');
  execFileSync(join(root, 'node_modules/.bin/esbuild'), [source, '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${bundle}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return [bundle];
}

/**
 * A new device of the office fills its picture, in a process of its own (fill-device.ts: the
 * office core alone, so its peak RSS is the core's); a search is asked every 2 s while it does.
 */
async function fillNewDevice(): Promise<void> {
  const floorBefore = cpuFloor();
  await createOffice(central.database.db, { code: OFFICE, name: 'BHXH huyện Ba Vì', provinceCode: '01' });
  const code = await issueEnrollmentCode(central.database.db, OFFICE);
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-fill-device-'));
  // The central's own process (on PostgreSQL): its CPU over the fill. In this process (PGlite): not counted apart.
  const centralPid = central.pid !== undefined && central.pid !== process.pid ? central.pid : null;
  const centralCpu = centralPid === null ? null : cpuSeconds(centralPid);
  const child = spawn(
    process.execPath,
    [...(process.env.FILL_DEVICE_NODE_ARGS ?? '').split(' ').filter(Boolean), ...fillDeviceScript(), central.url, code, OFFICE, dataDir, resourcesDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exitCode = await new Promise<number | null>((done) => child.once('exit', done));
  const floor = (floorBefore + cpuFloor()) / 2;
  const line = out.trim().split('\n').pop() ?? '';
  if (exitCode !== 0 || !line.startsWith('{')) throw new Error(`the filling device failed (${exitCode}): ${out}`);
  const r = JSON.parse(line) as DeviceReport;
  if (r.error) throw new Error(r.error);
  const centralUsed = centralCpu === null || centralPid === null ? null : (cpuSeconds(centralPid) ?? centralCpu) - centralCpu;
  const phases = Object.entries(r.phases)
    .filter(([, ms]) => ms >= 100)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`)
    .join('; ');
  console.log(
    `picture fill: ${r.pulled} rows in ${r.seconds.toFixed(1)} s = ${(r.seconds / 60).toFixed(2)} min (goal ≤ 180 s; ${((r.seconds * 1000) / floor).toFixed(0)}× the CPU floor of ${floor.toFixed(0)} ms measured before and after); ${(r.pulled / r.seconds).toFixed(0)} rows/s — on the device ${r.held.people} people, ${r.held.households} households, ${r.held.payments} payments (${r.held.paymentIndexes} indexes), ${r.held.voids} voids; core's peak RSS ${r.memory.after.peak.toFixed(0)} MB (goal ≤ 300 MB; ${r.memory.opened.rss.toFixed(0)} MB once its store was open); search while filling: ${r.searches.length ? describeTimes(r.searches).replace('pages', 'searches') : 'none asked'}${centralUsed === null ? '' : `; the central's process used ${centralUsed.toFixed(1)} CPU s`} (load ${load()})`,
  );
  console.log(`  where the device's time went: ${phases}`);
  if (r.wal)
    console.log(
      `  the WAL copied into the store file aside: ${r.wal.copies} copies (${r.wal.complete} of all it held) by ${r.wal.runs} worker(s); the WAL file at its largest ${r.wal.largestMb} MB`,
    );
  console.log(
    `  the core's memory at its largest (MB): ${Object.entries(r.memory.largest)
      .map(([k, mb]) => `${k} ${mb}`)
      .join(', ')} (during "${r.memory.largestDuring}"); ${r.memory.before.rss.toFixed(0)} MB before the core opened`,
  );
}

const size = { persons: PERSONS, households: HOUSEHOLDS, payments: PAYMENTS, office: OFFICE };
const { central, seeded, postgres } = await benchCentral(size);
console.log(
  `office-picture benchmark: central ${postgres ? 'in its own process' : 'in this process'} on ${central.database.kind}; ${cpus().length} CPUs, load ${load()}`,
);
try {
  console.log(seeded === null ? `seed of ${process.env.OFFICE_BENCH_KEEP} reused` : `seeded in ${seeded.toFixed(1)} s (load ${load()})`);
  if (!process.env.OFFICE_BENCH_SEED_ONLY) await measure();
} finally {
  await central.close();
}

/** The fill and the feed's pages, on the seeded central. */
async function measure(): Promise<void> {
  if (process.env.OFFICE_BENCH_CENTRAL_SHARE) {
    // The central's share alone: every page of the picture read and timed, nothing applied.
    const probe = await startOffice(central, OFFICE, { deviceName: 'probe', supervisorName: 'Trần Thị Giám' });
    const { transport, times } = await timedTransport(probe);
    let cursor: string | null = null;
    const parts = new Map<string, { pages: number; ms: number; rows: number }>();
    for (;;) {
      const page = await transport.pullPicture(cursor, 5000);
      const p = parts.get(page.part) ?? { pages: 0, ms: 0, rows: 0 };
      parts.set(page.part, { pages: p.pages + 1, ms: p.ms + times[times.length - 1]!, rows: p.rows + page.rows.length });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    for (const [part, p] of parts) console.log(`  central's pages of ${part}: ${p.rows} rows in ${p.pages} pages, ${(p.ms / 1000).toFixed(1)} s`);
    await probe.core.close();
  }
  // (b) A new device of the office fills its picture (OFFICE_BENCH_SKIP_FILL: enrolled only, for the feed's pages alone).
  if (!process.env.OFFICE_BENCH_SKIP_FILL) await fillNewDevice();
  const device = await startOffice(central, OFFICE, { deviceName: 'Máy đo trang', supervisorName: 'Trần Thị Giám' });

  // (a) The feed's pages over the 5 000 000 payments' changes.
  const { transport, times } = await timedTransport(device);
  const pageLimit = 2000;
  for (const start of [0, Math.floor(PAYMENTS / 2), PAYMENTS - 10 * pageLimit]) {
    let cursor: string | null = start === 0 ? null : String(start);
    for (let page = 0; page < 10 && cursor !== null; page++) {
      const result = await transport.pullChanges(cursor, pageLimit);
      cursor = result.hasMore ? result.nextCursor : null;
    }
  }
  console.log(`office feed, 2 000-change pages at the start, middle and end of ${PAYMENTS} changes: ${describeTimes(times)} (goal ≤ 200 ms; load ${load()})`);
  const other = await startOffice(central, 'PICX', { deviceName: 'Quầy Mê Linh', supervisorName: 'Lê Văn Sát' });
  const { transport: otherTransport, times: otherTimes } = await timedTransport(other);
  let cursor: string | null = null;
  for (let page = 0; page < 30; page++) {
    const result = await otherTransport.pullChanges(cursor, pageLimit);
    if (!result.hasMore) break;
    cursor = result.nextCursor;
  }
  console.log(`feed of a device of another office (none of those changes are its own): ${describeTimes(otherTimes)} (goal ≤ 200 ms; load ${load()})`);
  await other.core.close();
  await device.core.close();
}
