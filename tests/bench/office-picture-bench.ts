// Office-picture benchmark (part of `npm run bench`, issue 20 items 4 and 6): a central holding a
// province of 1 000 000 people, an office of 200 000 households and 5 000 000 payments (with their
// 5 000 000 changes in the feed, 1 % voided) — seeded straight into its database in SQL — and then
// (a) pages of the office's change feed read at the start, the middle and the end of those
//     5 000 000 changes, and by a device of another office that has none of them (its pages skip
//     the window): each page's answer time over loopback HTTP, signed as a device signs — goal
//     ≤ 200 ms a page;
// (b) a new device of the office enrolls and fills its picture: the time (goal ≤ 3 min), the
//     process's peak RSS (goal ≤ 300 MB; the office core runs in this process), and a search
//     answered while the picture fills.
// Prints the figures with the load average. OFFICE_BENCH_PERSONS, _HOUSEHOLDS, _PAYMENTS scale it.
// The central runs as deployed, in its own process on PostgreSQL; BENCH_DATABASE=pglite runs it in
// this process on PGlite instead (the RSS then includes the central's).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { HttpCentralTransport } from '../../src/main/core/sync/http-central-transport';
import { type Office, startCentral, startOffice } from '../integration/sync/central-fixture';
import { postgresAdminUrl, startCentralProcess } from './central-server';
import useRunTempRoot from '../support/temp-root';
import { seedOfficePicture } from './office-picture-seed';

process.on('exit', useRunTempRoot());

const PERSONS = Number(process.env.OFFICE_BENCH_PERSONS ?? 1_000_000);
const HOUSEHOLDS = Number(process.env.OFFICE_BENCH_HOUSEHOLDS ?? 200_000);
const PAYMENTS = Number(process.env.OFFICE_BENCH_PAYMENTS ?? 5_000_000);
const OFFICE = 'PICB';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

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

/** A device's own signed transport that times each page's answer (request to last byte, before the device parses it). */
async function timedTransport(office: Office) {
  const state = await office.core.context.db.selectFrom('syncState').select(['centralDeviceId', 'centralUrl']).executeTakeFirstOrThrow();
  const times: number[] = [];
  const transport = new HttpCentralTransport({
    baseUrl: state.centralUrl!,
    deviceId: state.centralDeviceId!,
    keys: office.core.context.sync!.keyStore.load(),
    clock: () => new Date(),
    fetchImpl: async (input, init) => {
      const t0 = performance.now();
      const response = await fetch(input, init);
      const text = await response.text();
      times.push(performance.now() - t0);
      return new Response(text, { status: response.status, headers: response.headers });
    },
  });
  return { transport, times };
}

function describeTimes(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${sorted[sorted.length - 1]!.toFixed(0)} ms over ${times.length} pages`;
}

/** A new device of the office fills its picture; a search is asked every 2 s while it does. */
async function fillNewDevice(): Promise<Office> {
  const floorBefore = cpuFloor();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const device = await startOffice(central, OFFICE, { deviceName: 'Máy cán bộ thu mới', supervisorName: 'Trần Thị Giám' });
  const searches: number[] = [];
  let filling = true;
  const searching = (async () => {
    while (filling) {
      await new Promise((r) => setTimeout(r, 2000));
      const s0 = performance.now();
      await device.call('participants.search', { query: 'nguyen van an' });
      searches.push(performance.now() - s0);
    }
  })();
  const t0 = performance.now();
  const summary = await device.call<{ pulled: number; error: string | null }>('sync.pushNow', {});
  const fillSeconds = (performance.now() - t0) / 1000;
  filling = false;
  await searching;
  clearInterval(sampler);
  const floor = (floorBefore + cpuFloor()) / 2;
  if (summary.error) throw new Error(summary.error);
  const db = device.core.context.db;
  const count = async (table: 'participants' | 'households' | 'pulledContributions' | 'receiptVoids') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const held = {
    people: await count('participants'),
    households: await count('households'),
    payments: await count('pulledContributions'),
    voids: await count('receiptVoids'),
  };
  console.log(
    `picture fill: ${summary.pulled} rows in ${fillSeconds.toFixed(1)} s (goal ≤ 180 s; ${((fillSeconds * 1000) / floor).toFixed(0)}× the CPU floor of ${floor.toFixed(0)} ms measured before and after) — on the device ${held.people} people, ${held.households} households, ${held.payments} payments, ${held.voids} voids; ${(summary.pulled / fillSeconds).toFixed(0)} rows/s; peak RSS ${(peakRss / 1048576).toFixed(0)} MB (goal ≤ 300 MB; ${(rssBefore / 1048576).toFixed(0)} MB before the device opened); search while filling: ${searches.length ? describeTimes(searches).replace('pages', 'searches') : 'none asked'} (load ${load()})`,
  );
  return device;
}

const adminUrl = postgresAdminUrl();
const central = adminUrl ? await startCentralProcess(adminUrl) : await startCentral('pglite');
console.log(
  `office-picture benchmark: central ${adminUrl ? 'in its own process' : 'in this process'} on ${central.database.kind}; ${cpus().length} CPUs, load ${load()}`,
);
try {
  const t0 = performance.now();
  await seedOfficePicture(central.database.db, { persons: PERSONS, households: HOUSEHOLDS, payments: PAYMENTS, office: OFFICE });
  console.log(`seeded in ${seconds(t0)} s`);

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
  const device = process.env.OFFICE_BENCH_SKIP_FILL
    ? await startOffice(central, OFFICE, { deviceName: 'Máy cán bộ thu mới', supervisorName: 'Trần Thị Giám' })
    : await fillNewDevice();

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
} finally {
  await central.close();
}
