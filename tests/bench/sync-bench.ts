// Sync benchmark (part of `npm run bench`): a 30-day backlog of 15 000 operations pushed to a real
// central service over loopback and the results applied; then a pull of 100 000 changes.
// Prints the figures; goals: push ≤ 10 s, pull ≤ 10 s. SYNC_BENCH_OPS / SYNC_BENCH_PULL scale it.
// Over the push it also weighs the central against its floor, the work of its database measured in
// the same run (issue 26 item 9, ADR 0030): the CPU of the central's process and of the PostgreSQL
// backends serving its database, per batch, and their ratio (goal ≤ 1), with the load average.
// The central runs as deployed — the CLI in its own process on PostgreSQL (DATABASE_URL,
// TEST_DATABASE_URL or scripts/postgres-test.sh) — so the office's figures are its own, not shared
// with the central's work on one event loop. Without PostgreSQL it says so and runs the central
// in this process on PGlite.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { demoPerson, seededRandom } from '../../src/main/core/demo/demo-people';
import { MAX_OPS } from '../../src/main/core/sync/batch-builder';
import { foldName } from '../../src/shared/domain/name-folding';
import { type Central, startCentral, startOffice } from '../integration/sync/central-fixture';
import { postgresAdminUrl, startCentralProcess } from './central-server';
import { cpuBetween, cpuSnapshot, ratioLine } from './process-cpu';
import useRunTempRoot from '../support/temp-root';

// Every data folder this run makes (central, office) goes under one folder, removed at exit.
process.on('exit', useRunTempRoot());

const OPS = Number(process.env.SYNC_BENCH_OPS ?? 15_000);
const PULL = Number(process.env.SYNC_BENCH_PULL ?? 100_000);

const adminUrl = postgresAdminUrl();
if (!adminUrl)
  console.log(
    'NOTE: no PostgreSQL (DATABASE_URL, TEST_DATABASE_URL, scripts/postgres-test.sh): the central runs in this process on PGlite, sharing its event loop with the office.',
  );
const ownProcess = adminUrl ? await startCentralProcess(adminUrl) : null;
const central: Central = ownProcess ?? (await startCentral('pglite'));
console.log(
  `sync benchmark: central ${adminUrl ? 'in its own process' : 'in this process'} on ${central.database.kind}; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const office = await startOffice(central, 'BENCH');
const communes = ['00004', '00008', '00025'];

// The backlog: registrations written through the real service path would take minutes of clerk
// time; the benchmark measures sync, so it makes them through the service in a tight loop.
const rand = seededRandom(7);
let t0 = performance.now();
for (let i = 0; i < OPS; i++) {
  const p = demoPerson(rand, 100_000 + i);
  const r = await office.core.invoke(
    'participants.register',
    { ...p, provinceCode: '01', communeCode: communes[i % 3], duplicateOverrideReason: 'benchmark backlog' },
    office.token,
  );
  if (!r.ok && r.error.code !== 'DUPLICATE_PERSON') throw new Error(r.error.message);
}
console.log(`backlog of ${OPS} registrations written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const cpuBefore = ownProcess && cpuSnapshot([ownProcess.pid], ownProcess.databaseUrl);
t0 = performance.now();
const summary = await office.call<{ batches: number; applied: number; duplicates: number; held: number; rejected: number }>('sync.pushNow', {});
const pushSeconds = (performance.now() - t0) / 1000;
const cpuAfter = ownProcess && cpuSnapshot([ownProcess.pid], ownProcess.databaseUrl);
console.log(
  `push ${OPS} ops: ${summary.batches} batches, applied ${summary.applied}, held ${summary.held}, rejected ${summary.rejected} — ${pushSeconds.toFixed(2)} s (goal ≤ 10 s), ${(OPS / pushSeconds).toFixed(0)} ops/s`,
);
console.log(
  cpuBefore && cpuAfter
    ? `push: ${ratioLine(cpuBetween(cpuBefore, cpuAfter), summary.batches, MAX_OPS)}`
    : 'push: the central against its database not measured (no PostgreSQL in its own process, or no /proc)',
);

// The pull: PULL changes of this province made "elsewhere", inserted straight into the feed.
const db = central.database.db;
const chunk = 2000;
for (let start = 0; start < PULL; start += chunk) {
  const rows = [];
  for (let i = start; i < Math.min(PULL, start + chunk); i++) {
    const p = demoPerson(rand, 600_000 + i);
    rows.push({
      seq: 1_000_000 + i,
      kind: 'participant',
      provinceCode: '01',
      originDeviceId: null,
      payload: JSON.stringify({
        ...p,
        id: uuidv7(),
        provinceCode: '01',
        communeCode: '00004',
        nameFolded: foldName(p.fullName),
        version: 1,
        officialNumber: null,
      }),
    });
  }
  await db.insertInto('changes').values(rows).execute();
}
await db
  .updateTable('changeCounter')
  .set({ value: 1_000_000 + PULL })
  .where('id', '=', 1)
  .execute();
t0 = performance.now();
const pulled = await office.call<{ pulled: number; error: string | null }>('sync.pushNow', {});
const pullSeconds = (performance.now() - t0) / 1000;
if (pulled.error) console.log(`pull error: ${pulled.error}`);
console.log(`pull ${pulled.pulled} changes applied in ${pullSeconds.toFixed(2)} s (goal ≤ 10 s), ${(pulled.pulled / pullSeconds).toFixed(0)} rows/s`);

await office.core.close();
await central.close();
