// Sync benchmark (part of `npm run bench`): a 30-day backlog of 15 000 operations pushed to a real
// central service over loopback and the results applied; then a pull of 100 000 changes.
// Prints the figures; goals: push ≤ 10 s, pull ≤ 10 s. SYNC_BENCH_OPS / SYNC_BENCH_PULL scale it.
import { performance } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { demoPerson, seededRandom } from '../../src/main/core/demo/demo-people';
import { foldName } from '../../src/shared/domain/name-folding';
import { startCentral, startOffice } from '../integration/sync/central-fixture';

const OPS = Number(process.env.SYNC_BENCH_OPS ?? 15_000);
const PULL = Number(process.env.SYNC_BENCH_PULL ?? 100_000);

// On PostgreSQL when one is available (TEST_DATABASE_URL, as `scripts/postgres-test.sh` sets), else PGlite.
const central = await startCentral(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
console.log(`sync benchmark: central on ${central.database.kind}`);
const office = await startOffice(central, 'BENCH');
const communes = ['00004', '00008', '00025'];

// The backlog: registrations written through the real service path would take minutes of clerk
// time; the benchmark measures sync, so it makes them through the service in a tight loop.
const rand = seededRandom(7);
let t0 = performance.now();
for (let i = 0; i < OPS; i++) {
  const p = demoPerson(rand, 100_000 + i);
  const r = await office.core.invoke('participants.register', { ...p, provinceCode: '01', communeCode: communes[i % 3], duplicateOverrideReason: 'benchmark backlog' }, office.token);
  if (!r.ok && r.error.code !== 'DUPLICATE_PERSON') throw new Error(r.error.message);
}
console.log(`backlog of ${OPS} registrations written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

t0 = performance.now();
const summary = await office.call<{ batches: number; applied: number; duplicates: number; held: number; rejected: number }>('sync.pushNow', {});
const pushSeconds = (performance.now() - t0) / 1000;
console.log(`push ${OPS} ops: ${summary.batches} batches, applied ${summary.applied}, held ${summary.held}, rejected ${summary.rejected} — ${pushSeconds.toFixed(2)} s (goal ≤ 10 s), ${(OPS / pushSeconds).toFixed(0)} ops/s`);

// The pull: PULL changes of this province made "elsewhere", inserted straight into the feed.
const db = central.database.db;
const chunk = 2000;
for (let start = 0; start < PULL; start += chunk) {
  const rows = [];
  for (let i = start; i < Math.min(PULL, start + chunk); i++) {
    const p = demoPerson(rand, 600_000 + i);
    rows.push({ seq: 1_000_000 + i, kind: 'participant', provinceCode: '01', originDeviceId: null, payload: JSON.stringify({ ...p, id: uuidv7(), provinceCode: '01', communeCode: '00004', nameFolded: foldName(p.fullName), version: 1, officialNumber: null }) });
  }
  await db.insertInto('changes').values(rows).execute();
}
await db.updateTable('changeCounter').set({ value: 1_000_000 + PULL }).where('id', '=', 1).execute();
t0 = performance.now();
const pulled = await office.call<{ pulled: number; error: string | null }>('sync.pushNow', {});
const pullSeconds = (performance.now() - t0) / 1000;
if (pulled.error) console.log(`pull error: ${pulled.error}`);
console.log(`pull ${pulled.pulled} changes applied in ${pullSeconds.toFixed(2)} s (goal ≤ 10 s), ${(pulled.pulled / pullSeconds).toFixed(0)} rows/s`);

await office.core.close();
await central.close();
