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
import { sql } from 'kysely';
import { HttpCentralTransport } from '../../src/main/core/sync/http-central-transport';
import { type Central, type Office, startCentral, startOffice } from '../integration/sync/central-fixture';
import { postgresAdminUrl, startCentralProcess } from './central-server';
import useRunTempRoot from '../support/temp-root';

process.on('exit', useRunTempRoot());

const PERSONS = Number(process.env.OFFICE_BENCH_PERSONS ?? 1_000_000);
const HOUSEHOLDS = Number(process.env.OFFICE_BENCH_HOUSEHOLDS ?? 200_000);
const PAYMENTS = Number(process.env.OFFICE_BENCH_PAYMENTS ?? 5_000_000);
/** The office's own people: two per household (the rest of the province belongs to other offices). */
const OFFICE_PERSONS = Math.min(PERSONS, 2 * HOUSEHOLDS);
const OFFICE = 'PICB';
const SEED_DEVICE = '01900000-0000-7000-8000-5eed00000001';
const CHUNK = 250_000;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** A UUID-shaped id (36 characters, as the devices' UUIDv7) for row `i` of a kind. */
const idOf = (prefix: string, i: ReturnType<typeof sql>) => sql`format('01900000-0000-7000-${sql.raw(prefix)}-%s', lpad(to_hex(${i}), 12, '0'))`;

async function seed(central: Central): Promise<void> {
  const db = central.database.db;
  // Constants of this run, written into the statements as literals (so PostgreSQL knows their types).
  const [O, D, N] = [sql.lit(OFFICE), sql.lit(SEED_DEVICE), sql.lit(OFFICE_PERSONS)];
  await sql`INSERT INTO offices (code, name, province_code) VALUES (${O}, 'BHXH huyện Ba Vì', '01'), ('PICX', 'BHXH huyện Mê Linh', '01')`.execute(db);
  await sql`INSERT INTO devices (id, office_code, public_key, name, enrolled_at) VALUES (${D}, ${O}, 'seed-key', 'Quầy 1', now())`.execute(db);
  const i = sql`i`;
  let t0 = performance.now();
  for (let from = 1; from <= PERSONS; from += CHUNK) {
    const to = Math.min(PERSONS, from + CHUNK - 1);
    await sql`
      INSERT INTO persons (id, official_number, personal_id, full_name, name_folded, date_of_birth, province_code, office_code, data, version, origin_device_id)
      SELECT ${idOf('8000', i)}, '01' || lpad(i::text, 8, '0'), '0010' || lpad(i::text, 8, '0'),
        (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ'])[1 + i % 6] || ' ' || (ARRAY['Văn','Thị','Đức','Minh'])[1 + (i / 6) % 4] || ' ' || (ARRAY['An','Bình','Cường','Dung','Hải','Lan','Mai','Nga'])[1 + (i / 24) % 8],
        (ARRAY['nguyen','tran','le','pham','hoang','vu'])[1 + i % 6] || ' ' || (ARRAY['van','thi','duc','minh'])[1 + (i / 6) % 4] || ' ' || (ARRAY['an','binh','cuong','dung','hai','lan','mai','nga'])[1 + (i / 24) % 8],
        to_char(date '1950-01-01' + (i % 20000), 'YYYY-MM-DD'), '01', CASE WHEN i <= ${N} THEN ${O} ELSE 'PICX' END,
        jsonb_build_object('sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, 'communeCode', '00004', 'addressLine', 'Thôn Đông, số ' || i,
          'ethnicity', 'Kinh', 'nationality', 'Việt Nam'),
        1, ${D}
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
  }
  console.log(`  seeded ${PERSONS} people in ${seconds(t0)} s (load ${load()})`);
  t0 = performance.now();
  await sql`
    INSERT INTO households (id, head_id, member_ids, data, office_code, version, last_device_id)
    SELECT ${idOf('9000', i)}, ${idOf('8000', sql`2 * i - 1`)}, jsonb_build_array(${idOf('8000', sql`2 * i - 1`)}, ${idOf('8000', sql`2 * i`)}),
      jsonb_build_object('provinceCode', '01', 'communeCode', '00004', 'addressLine', 'Thôn Đông, hộ ' || i, 'coverage', '{}'::jsonb),
      ${O}, 1, ${D}
    FROM generate_series(1, ${HOUSEHOLDS}::int) AS i`.execute(db);
  console.log(`  seeded ${HOUSEHOLDS} households in ${seconds(t0)} s`);
  t0 = performance.now();
  // Each of the office's people pays month after month: payment i is person (i mod N)'s month i / N.
  const base = sql.lit(Number((await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value));
  const month = sql`to_char(date '2020-01-01' + make_interval(months => i / ${N}), 'YYYY-MM')`;
  for (let from = 1; from <= PAYMENTS; from += CHUNK) {
    const to = Math.min(PAYMENTS, from + CHUNK - 1);
    await sql`
      INSERT INTO contributions (id, person_id, scheme, from_month, months, paid_on, total, receipt_id, receipt_series, receipt_number, office_code, device_id, data,
        household_id, method, income_basis, member_position, supported_months, business_date, issued_at, collector_staff_id, collector_name)
      SELECT ${idOf('a000', i)}, ${idOf('8000', sql`1 + i % ${N}`)}, 'VSI', ${month}, 1, '2026-11-20', 330000, ${idOf('b000', i)},
        'PICB01-5EED', i, ${O}, ${D},
        jsonb_build_object('lines', jsonb_build_array(jsonb_build_object('month', ${month}, 'amount', 330000, 'supportAmount', 0))),
        NULL, 'monthly', 1500000, NULL, 0, '2026-11-20', '2026-11-20T02:00:00.000Z', '01900000-0000-7000-c000-000000000001', 'Nguyễn Thị Thu'
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
    // The feed's change for each payment, as the central writes it when it applies one.
    await sql`
      INSERT INTO changes (seq, kind, province_code, office_code, origin_device_id, payload)
      SELECT ${base} + i, 'contribution', NULL, ${O}, ${D}, jsonb_build_object('id', ${idOf('a000', i)},
        'participantId', ${idOf('8000', sql`1 + i % ${N}`)}, 'householdId', NULL, 'scheme', 'VSI', 'method', 'monthly', 'fromMonth', ${month},
        'months', 1, 'incomeBasis', 1500000, 'memberPosition', NULL, 'paidOn', '2026-11-20', 'businessDate', '2026-11-20', 'total', 330000, 'supportedMonths', 0,
        'receipt', jsonb_build_object('id', ${idOf('b000', i)}, 'series', 'PICB01-5EED', 'number', i), 'issuedAt', '2026-11-20T02:00:00.000Z',
        'officeCode', ${O}, 'deviceId', ${D}, 'collectorStaffId', '01900000-0000-7000-c000-000000000001', 'collectorName', 'Nguyễn Thị Thu')
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
  }
  await sql`
    INSERT INTO receipt_voids (receipt_id, data, office_code, device_id)
    SELECT ${idOf('b000', i)}, jsonb_build_object('id', ${idOf('d000', i)}, 'reason', 'Thu nhầm kỳ', 'voidedAt', '2026-11-20T03:00:00.000Z',
      'voidedBy', '01900000-0000-7000-c000-000000000001', 'voidedByName', 'Nguyễn Thị Thu', 'businessDate', '2026-11-20'), ${O}, ${D}
    FROM generate_series(1, ${PAYMENTS}::int, 100) AS i`.execute(db);
  await sql`UPDATE change_counter SET value = (SELECT max(seq) FROM changes) WHERE id = 1`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`  seeded ${PAYMENTS} payments, their ${PAYMENTS} changes and ${Math.ceil(PAYMENTS / 100)} voids in ${seconds(t0)} s (load ${load()})`);
}

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

const adminUrl = postgresAdminUrl();
const central = adminUrl ? await startCentralProcess(adminUrl) : await startCentral('pglite');
console.log(
  `office-picture benchmark: central ${adminUrl ? 'in its own process' : 'in this process'} on ${central.database.kind}; ${cpus().length} CPUs, load ${load()}`,
);
try {
  let t0 = performance.now();
  await seed(central);
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
  // (b) A new device of the office fills its picture; a search is asked every 2 s while it does.
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
  t0 = performance.now();
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
    `picture fill: ${summary.pulled} rows in ${fillSeconds.toFixed(1)} s (goal ≤ 180 s; ${((fillSeconds * 1000) / floor).toFixed(0)}× the CPU floor of ${floor.toFixed(0)} ms measured before and after) — on the device ${held.people} people, ${held.households} households, ${held.payments} payments, ${held.voids} voids; peak RSS ${(peakRss / 1048576).toFixed(0)} MB (goal ≤ 300 MB; ${(rssBefore / 1048576).toFixed(0)} MB before the device opened); search while filling: ${searches.length ? describeTimes(searches).replace('pages', 'searches') : 'none asked'} (load ${load()})`,
  );

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
