// The office feed's pages at full scale (`npm run bench:feed-pages`, issue 20 item 6): a central
// holding a province of 1 000 000 people and an office of 200 000 households and 5 000 000 payments
// (office-picture-seed.ts), on PostgreSQL or PGlite (BENCH_DATABASE=pglite), served by a process of
// its own, answers a device's signed HTTP requests for each kind of page — the change feed
// (2 000 changes asked), and the picture's persons, payments, voids, paid-through and households parts
// (5 000 rows asked; the central answers shorter pages where a part's cap says so) — at
// the first, middle and last key of each (keyset pagination: the cursor names the last key read).
// Prints p50/p95 per page kind with the load average; goal ≤ 200 ms a page.
// OFFICE_BENCH_KEEP=<folder> keeps the seeded database for the next run (kept-central.ts);
// OFFICE_BENCH_PERSONS, _HOUSEHOLDS, _PAYMENTS scale it; FEED_BENCH_ROUNDS: requests per position.
import { cpus } from 'node:os';
import { encode } from '../../src/central/picture-feed';
import type { PicturePart } from '../../src/shared/sync/picture';
import { startOffice } from '../integration/sync/central-fixture';
import useRunTempRoot from '../support/temp-root';
import { type CentralServer, startCentralServer, stopCentralServer } from './central-server';
import { benchCentral } from './kept-central';
import { load, quantile, timedTransport } from './timed-transport';

process.on('exit', useRunTempRoot());

const size = {
  persons: Number(process.env.OFFICE_BENCH_PERSONS ?? 1_000_000),
  households: Number(process.env.OFFICE_BENCH_HOUSEHOLDS ?? 200_000),
  payments: Number(process.env.OFFICE_BENCH_PAYMENTS ?? 5_000_000),
  office: 'PICB',
};
const ROUNDS = Number(process.env.FEED_BENCH_ROUNDS ?? 5);
const FEED_PAGE = 2000;
const PICTURE_PAGE = 5000;

/** The seed's id of row i of a kind (office-picture-seed.ts: `01900000-0000-7000-<prefix>-<i in hex>`). */
const seedId = (prefix: string, i: number) => `01900000-0000-7000-${prefix}-${i.toString(16).padStart(12, '0')}`;

const { central, seeded, postgres } = await benchCentral(size);
console.log(
  `office feed pages: central on ${central.database.kind} (its own process), ${size.persons} people, ${size.households} households, ${size.payments} payments; ${
    seeded === null ? `seed of ${process.env.OFFICE_BENCH_KEEP} reused` : `seeded in ${seeded.toFixed(0)} s`
  }; ${cpus().length} CPUs, load ${load()}`,
);
/** PGlite's central moved to a process of its own once the device is enrolled (null on PostgreSQL, whose central has its own already). */
let own: CentralServer | null = null;
try {
  const device = await startOffice(central, size.office, { deviceName: 'Máy đo trang', supervisorName: 'Trần Thị Giám' });
  const db = central.database.db;
  const since = Number((await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value);
  // The office's changes run from the seed's first to its last (each payment's change).
  const first = Number(
    (await db.selectFrom('changes').select('seq').where('officeCode', '=', size.office).orderBy('seq').limit(1).executeTakeFirstOrThrow()).seq,
  );
  if (!postgres) {
    // PGlite is one process's database, so the device was enrolled through this process; the pages
    // are then asked of the central served from a process of its own, as deployed, so this process's
    // own work (the device's side, its garbage collection) is not counted in the central's time.
    await central.close();
    own = await startCentralServer(null, central.dataDir);
    console.log(`  central on PGlite now served by its own process (load ${load()})`);
  }
  const { transport, times } = await timedTransport(device, own?.url);
  const officePersons = Math.min(size.persons, 2 * size.households);
  /** Each picture part: the seed's key of its row k, and its rows, keyset by that key. */
  const parts: [string, PicturePart, (k: number) => string, number][] = [
    ['persons', 'persons', (k) => seedId('8000', k), size.persons],
    ['payments', 'contributions', (k) => seedId('a000', k), size.payments],
    // Every hundredth payment's receipt is voided (receipt ids b000-1, -101, …).
    ['voids', 'voids', (k) => seedId('b000', 1 + 100 * (k - 1)), Math.ceil(size.payments / 100)],
    ['paid-through', 'paid-through', (k) => seedId('8000', k), officePersons],
    ['households', 'households', (k) => seedId('9000', k), size.households],
  ];
  // The central's process warmed up first (its code compiled on use, PGlite's WebAssembly too): one
  // page of each kind at a quarter of the way, a key no measured page reads, so every measured
  // position's first request still reads its rows for the first time.
  await transport.pullChanges(String(first + Math.floor(size.payments / 4)), FEED_PAGE);
  for (const [, part, keyAt, count] of parts) await transport.pullPicture(encode({ since, part, after: keyAt(Math.floor(count / 4)) }), PICTURE_PAGE);
  const rows: { kind: string; where: string; first: number; p50: number; p95: number; rows: number }[] = [];
  const measure = async (kind: string, where: string, ask: () => Promise<number>) => {
    times.length = 0;
    let got = 0;
    for (let k = 0; k < ROUNDS; k++) got = await ask();
    rows.push({ kind, where, first: times[0]!, p50: quantile(times, 0.5), p95: quantile(times, 0.95), rows: got });
  };
  for (const [where, cursor] of [
    ['first', null],
    ['middle', String(first + Math.floor(size.payments / 2))],
    ['last', String(first + size.payments - FEED_PAGE - 1)],
  ] as const) {
    await measure('feed', where, async () => (await transport.pullChanges(cursor, FEED_PAGE)).changes.length);
  }
  for (const [kind, part, keyAt, count] of parts) {
    for (const [where, at] of [
      ['first', 0],
      ['middle', Math.floor(count / 2)],
      ['last', Math.max(1, count - PICTURE_PAGE)],
    ] as const) {
      const cursor = encode({ since, part, after: at === 0 ? '' : keyAt(at) });
      await measure(kind, where, async () => (await transport.pullPicture(cursor, PICTURE_PAGE)).rows.length);
    }
  }
  for (const r of rows)
    console.log(
      `  ${r.kind.padEnd(12)} ${r.where.padEnd(6)} page of ${r.rows} rows: first ${r.first.toFixed(0)} ms, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms over ${ROUNDS} requests (goal ≤ 200 ms)`,
    );
  const worst = Math.max(...rows.map((r) => r.p95));
  console.log(`  worst p95 ${worst.toFixed(0)} ms — ${worst <= 200 ? 'met' : 'NOT met'} (load ${load()})`);
  await device.core.close();
} finally {
  if (own) await stopCentralServer(own);
  else await central.close();
}
