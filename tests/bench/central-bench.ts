// `npm run bench:central`: simulated office devices push 500-operation batches over loopback HTTP
// into real central server processes (the CLI, as deployed) on PostgreSQL, and the figures are
// printed: operations per second and p50/p95/p99 batch latency, for 1 and 2 server processes.
// Goal (issue 4): ≥ 10 000 ops/s and p95 ≤ 1 s for 500-op batches on this machine.
// Devices enroll and sign exactly as an office does: through its HttpCentralTransport.
//
// PostgreSQL comes from DATABASE_URL or TEST_DATABASE_URL; without either the benchmark starts the
// throwaway cluster of `scripts/postgres-test.sh` (Debian's postgresql). Each run makes its own
// database. With no PostgreSQL at all it falls back, saying so, to one process on embedded PGlite
// (which one process alone can open; BENCH_DATABASE=pglite asks for it). BENCH_DEVICES, BENCH_BATCHES, BENCH_WARM_UP_BATCHES, BENCH_PROCESSES (e.g. "1,2,4")
// and BENCH_PERSONS (people already in the national register, e.g. 1000000) scale it; BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers.
// Each batch holds 250 registrations and 250 contributions whose amounts are computed with the
// shared rules, so every operation must come back APPLIED; the run checks that, and that each
// operation has exactly one stored result.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createOffice, issueEnrollmentCode } from '../../src/central/admin';
import { type CentralDatabase, openCentralDatabase } from '../../src/central/db/central-database';
import { generateDeviceKeyPair } from '../../src/main/core/sync/device-key-store';
import { HttpCentralTransport } from '../../src/main/core/sync/http-central-transport';
import { freshPostgresDatabase } from '../integration/fixtures/test-postgres';
import { batchBodies, makeBatches, PER_BATCH } from './central-batches';
import { postgresAdminUrl, root, startCentralServer, stopCentralServer } from './central-server';
import { cpuBetween, type CpuSnapshot, cpuSnapshot } from './process-cpu';
import useRunTempRoot from '../support/temp-root';

// Every central data folder this run makes goes under one folder, removed at exit.
process.on('exit', useRunTempRoot());

const resourcesDir = join(root, 'resources');
const DEVICES = Number(process.env.BENCH_DEVICES ?? 8);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 5);
/**
 * Batches each server process applies, from a device of its own, before the timed part: a
 * central service runs for days, so the figures are its warmed-up (JIT-compiled) rate, not its
 * first seconds'. Much of the ingest runs once per batch, not once per operation, and V8 compiles
 * it optimised only after many calls: one device's batches took 72, 51, then 38 ms of the server's
 * CPU each (averages of batches 1–10, 11–20, 21–30; ADR 0033), so 3 warm-up batches timed the
 * compiling. 20 (10 000 operations) reach the settled rate.
 */
const WARM_UP_BATCHES = Number(process.env.BENCH_WARM_UP_BATCHES ?? 20);
const PROCESSES = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
/** People already registered nationally before the run (the register is never empty in use). */
const EXISTING_PERSONS = Number(process.env.BENCH_PERSONS ?? 0);
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Pushes a device's batches in order, as its office does; each batch's latency and what did not apply. */
async function pushAll(device: { id: string; transport: HttpCentralTransport }, bodies: string[]): Promise<{ latencies: number[]; notApplied: number }> {
  const latencies: number[] = [];
  let notApplied = 0;
  for (const body of bodies) {
    const t0 = performance.now();
    const { results } = await device.transport.pushBatch(body);
    latencies.push(performance.now() - t0);
    notApplied += results.filter((r) => r.status !== 'APPLIED').length;
  }
  return { latencies, notApplied };
}

const cpuLines: string[] = [];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Fills the register with `count` people, in SQL: common family and given names, birth dates
 * spread over 1950–2005, personal IDs that cannot meet the generated ones. None is a near match
 * of a generated registration (their given names start with Z, as no Vietnamese name does), so
 * every operation still applies,
 * but each registration's near-match and personal-ID checks run against a register of this size.
 */
async function seedPersons(database: CentralDatabase, count: number): Promise<number> {
  if (count <= 0) return 0;
  const started = performance.now();
  const families = ['nguyen', 'nguyen', 'nguyen', 'tran', 'le', 'pham', 'hoang', 'vu', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong'];
  const middles = ['van', 'thi', 'huu', 'minh', 'thanh', 'ngoc', 'duc', 'quoc'];
  const givens = [
    'anh',
    'hung',
    'lan',
    'huong',
    'dung',
    'tuan',
    'hoa',
    'mai',
    'nam',
    'linh',
    'hai',
    'thu',
    'long',
    'ha',
    'trang',
    'son',
    'phuong',
    'cuong',
    'hien',
    'thao',
  ];
  const list = (words: string[]) => `ARRAY[${words.map((w) => `'${w}'`).join(',')}]`;
  for (let from = 1; from <= count; from += 100_000) {
    const to = Math.min(count, from + 99_999);
    await sql`
      INSERT INTO persons (id, official_number, personal_id, full_name, name_folded, date_of_birth, province_code, office_code, data, version, origin_device_id)
      SELECT 'seed-' || g, '99' || lpad(g::text, 10, '0'), '9' || lpad(g::text, 11, '0'), n, n,
             to_char(date '1950-01-01' + ((g * 7919) % 20089)::int, 'YYYY-MM-DD'), '01', 'SEED', jsonb_build_object('fullName', n), 1, 'seed'
      FROM (SELECT g, (${sql.raw(list(families))})[1 + g % ${families.length}] || ' ' || (${sql.raw(list(middles))})[1 + (g / 7) % ${middles.length}] || ' ' ||
                      (${sql.raw(list(givens))})[1 + (g / 11) % ${givens.length}] AS n
            FROM generate_series(${from}::bigint, ${to}::bigint) AS g) AS s`.execute(database.db);
  }
  await sql`ANALYZE persons`.execute(database.db);
  console.log(`(seeded ${count.toLocaleString('en')} people into the register in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return count;
}

interface BenchDevice {
  officeCode: string;
  code: string;
  keys: ReturnType<typeof generateDeviceKeyPair>;
}

/** The offices and their one-time enrollment codes, made with the central's admin functions. */
async function createOffices(db: CentralDatabase['db'], count: number): Promise<BenchDevice[]> {
  const devices: BenchDevice[] = [];
  for (let d = 0; d < count; d++) {
    const officeCode = `BENCH${d}`;
    await createOffice(db, { code: officeCode, name: `BHXH ${officeCode}`, provinceCode: '01' });
    devices.push({ officeCode, code: await issueEnrollmentCode(db, officeCode), keys: generateDeviceKeyPair() });
  }
  return devices;
}

/** Enrolls each device as an office does, and returns the transport it then pushes with. */
async function enroll(device: BenchDevice, centralUrl: string): Promise<{ id: string; transport: HttpCentralTransport }> {
  const clock = () => new Date();
  const anonymous = new HttpCentralTransport({ baseUrl: centralUrl, deviceId: null, keys: null, clock });
  const { deviceId } = await anonymous.enroll({ centralUrl, code: device.code, publicKey: device.keys.publicKey, deviceName: `bench ${device.officeCode}` });
  return { id: deviceId, transport: new HttpCentralTransport({ baseUrl: centralUrl, deviceId, keys: device.keys, clock }) };
}

/** Backend: a fresh PostgreSQL database, or (no PostgreSQL) a PGlite folder one server opens. */
interface Backend {
  label: string;
  databaseUrl: string | null;
  dataDir: string;
  open(): Promise<CentralDatabase>;
  drop(): Promise<void>;
}

async function freshBackend(adminUrl: string | null): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-central-bench-'));
  if (!adminUrl) {
    return { label: 'PGlite', databaseUrl: null, dataDir, open: () => openCentralDatabase({ dataDir, resourcesDir }), drop: async () => undefined };
  }
  process.env.TEST_DATABASE_URL = adminUrl;
  const postgres = await freshPostgresDatabase();
  return {
    label: 'PostgreSQL',
    databaseUrl: postgres.url,
    dataDir,
    open: () => openCentralDatabase({ databaseUrl: postgres.url, dataDir, resourcesDir }),
    drop: () => postgres.drop(),
  };
}

async function countStoredOps(database: CentralDatabase): Promise<number> {
  return Number(
    (
      await database.db
        .selectFrom('ops')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

async function run(adminUrl: string | null, processes: number): Promise<void> {
  const backend = await freshBackend(adminUrl);
  // PGlite is one process's: the admin work happens before the server opens the folder, the count after.
  let admin = await backend.open();
  const seeded = await seedPersons(admin, EXISTING_PERSONS);
  // Device d's people have serials d × 100 000 + …, six digits of a personal ID: ten devices at most.
  if (DEVICES + processes > 10) throw new Error('BENCH_DEVICES plus the number of server processes must be at most 10.');
  const planned = await createOffices(admin.db, DEVICES + processes);
  if (!backend.databaseUrl) await admin.close();
  const servers = await Promise.all(Array.from({ length: processes }, () => startCentralServer(backend.databaseUrl, backend.dataDir, SERVER_NODE_ARGS)));
  const devices = [];
  for (const device of planned) devices.push(await enroll(device, servers[devices.length % servers.length]!.url));
  const series = (d: number) => `BENCH${d}-${randomUUID().slice(0, 4).toUpperCase()}`;
  // The last `processes` devices warm the servers up, one each (device i goes to server i mod n).
  const warmUp = devices
    .slice(DEVICES)
    .map((device, i) => ({ device, bodies: batchBodies(device.id, makeBatches(DEVICES + i, series(DEVICES + i), WARM_UP_BATCHES)) }));
  // The timed batches are made before the warm-up, not between it and the timed part: making them
  // takes seconds (10 s on a loaded machine), and a server idle for longer than its pool's idle
  // timeout (pg's 10 s) closes its database connections, so the timed part opened new ones — a
  // connect and a new PostgreSQL backend in both figures, which no server in steady service pays.
  const work = devices.slice(0, DEVICES).map((device, d) => ({ device, bodies: batchBodies(device.id, makeBatches(d, series(d), BATCHES)) }));
  let notApplied = (await Promise.all(warmUp.map(({ device, bodies }) => pushAll(device, bodies)))).reduce((sum, o) => sum + o.notApplied, 0);
  // The warm-up's last work (its office's fraud-signal run, once the office is quiet: ADR 0038)
  // done before the timed part, so that neither the servers' nor PostgreSQL's figure counts it.
  // Longer than the pool's idle timeout (10 s), the timed part would open new connections: said.
  const quietAfter = await settled(
    servers.map((s) => s.child.pid!),
    backend.databaseUrl,
  );
  const latencies: number[] = [];
  const cpuBefore = runCpu(
    servers.map((s) => s.child.pid!),
    backend.databaseUrl,
  );
  const started = performance.now();
  await Promise.all(
    work.map(async ({ device, bodies }) => {
      const outcome = await pushAll(device, bodies);
      latencies.push(...outcome.latencies);
      notApplied += outcome.notApplied;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = runCpu(
    servers.map((s) => s.child.pid!),
    backend.databaseUrl,
  );
  // The fraud-signal runs the timed batches set off start once their offices are quiet (coalesced,
  // ADR 0038), so after the timed window: measured apart, and printed beside the ingest's figures.
  await settled(
    servers.map((s) => s.child.pid!),
    backend.databaseUrl,
  );
  const cpuSettled = runCpu(
    servers.map((s) => s.child.pid!),
    backend.databaseUrl,
  );
  const total = DEVICES * BATCHES * PER_BATCH;
  const warmUpOps = processes * WARM_UP_BATCHES * PER_BATCH;
  await Promise.all(servers.map(stopCentralServer));
  if (!backend.databaseUrl) admin = await backend.open();
  const stored = await countStoredOps(admin);
  latencies.sort((a, b) => a - b);
  const ok = stored === total + warmUpOps && notApplied === 0 ? 'yes' : `NO (${stored - warmUpOps} stored, ${notApplied} not applied)`;
  console.log(
    `| ${backend.label.padEnd(10)} | ${String(processes).padStart(9)} | ${seeded.toLocaleString('en').padStart(9)} | ${String(DEVICES).padStart(7)} | ${String(total).padStart(6)} | ${(total / seconds).toFixed(0).padStart(6)} | ${percentile(latencies, 50).toFixed(0).padStart(6)} | ${percentile(latencies, 95).toFixed(0).padStart(6)} | ${percentile(latencies, 99).toFixed(0).padStart(6)} | ${ok} |`,
  );
  cpuLines.push(cpuLine(backend.label, processes, seconds, total, cpuBefore, cpuAfter) + `; timed after ${quietAfter.toFixed(1)} s of waiting for quiet`);
  cpuLines.push(signalsLine(total, cpuBefore, cpuAfter, cpuSettled));
  await admin.close();
  await backend.drop();
}

/**
 * Resolves once the servers and the database have used less than 10 ms of CPU in each 300 ms for
 * 1.5 s in a row, and no autovacuum worker is at the database's tables (at most 30 s): longer than
 * the quiet second after which an office's fraud-signal run starts (ADR 0038), so a run still
 * waiting is not taken for the end.
 */
async function settled(serverPids: number[], databaseUrl: string | null): Promise<number> {
  const started = performance.now();
  const sum = (m: Map<number, number>) => [...m.values()].reduce((total, s) => total + s, 0);
  const busy = () => {
    const at = cpuSnapshot(serverPids, databaseUrl);
    return at ? { cpu: at.servers + sum(at.postgres) + sum(at.autovacuum), vacuuming: at.autovacuum.size > 0 } : { cpu: 0, vacuuming: false };
  };
  const until = performance.now() + 30_000;
  let before = busy().cpu;
  let quietSince = performance.now();
  while (performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { cpu: now, vacuuming } = busy();
    if (now - before >= 0.01 || vacuuming) quietSince = performance.now();
    else if (performance.now() - quietSince >= 1_500) return (performance.now() - started) / 1000;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

/** What the fraud-signal runs set off by the timed batches cost, after the timed window, and the ratio with them counted. */
function signalsLine(ops: number, before: RunCpu | null, after: RunCpu | null, settledAt: RunCpu | null): string {
  if (!before || !after || !settledAt) return 'fraud signals after the window: not measured (no /proc)';
  const run = cpuBetween(after.at, settledAt.at);
  const all = cpuBetween(before.at, settledAt.at);
  const perThousand = (cpu: number) => ((cpu / ops) * 1000).toFixed(3);
  const ratio = all.postgres > 0 ? `; with them servers ÷ PostgreSQL ${(all.servers / all.postgres).toFixed(2)}` : '';
  return `fraud-signal runs after the window (coalesced per office): CPU s servers ${run.servers.toFixed(2)}, PostgreSQL ${run.postgres.toFixed(2)}; per 1 000 ops ${perThousand(run.servers)} + ${perThousand(run.postgres)} s${ratio}`;
}

// Where the time went: the servers' and PostgreSQL's CPU (process-cpu.ts) and this load generator's.
interface RunCpu {
  at: CpuSnapshot;
  generator: number;
}

function runCpu(serverPids: number[], databaseUrl: string | null): RunCpu | null {
  const at = cpuSnapshot(serverPids, databaseUrl);
  const usage = process.cpuUsage();
  return at && { at, generator: (usage.user + usage.system) / 1e6 };
}

function cpuLine(label: string, processes: number, seconds: number, ops: number, before: RunCpu | null, after: RunCpu | null): string {
  if (!before || !after) return `${label} × ${processes}: CPU use not measured (no /proc)`;
  const { servers, postgres, autovacuum } = cpuBetween(before.at, after.at);
  const generator = after.generator - before.generator;
  const perThousand = (cpu: number) => ((cpu / ops) * 1000).toFixed(3);
  // Issue 26: the central costs no more than its database — server CPU per op ≤ PostgreSQL's.
  const ratio = label === 'PostgreSQL' && postgres > 0 ? `; servers ÷ PostgreSQL ${(servers / postgres).toFixed(2)} (goal ≤ 1.00)` : '';
  return `${label} × ${processes}: in ${seconds.toFixed(1)} s wall, CPU s: servers ${servers.toFixed(2)}, PostgreSQL ${postgres.toFixed(2)}${label === 'PostgreSQL' ? '' : ' (in the server)'}, load generator ${generator.toFixed(1)}; per 1 000 ops: ${perThousand(servers)} + ${perThousand(postgres)} + ${perThousand(generator)} s${ratio}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}${autovacuum > 0 ? `; autovacuum at the database in the window ${autovacuum.toFixed(2)} s (not counted)` : ''}`;
}

const adminUrl = postgresAdminUrl();
if (!adminUrl)
  console.log(
    'NOTE: no PostgreSQL (DATABASE_URL, TEST_DATABASE_URL, scripts/postgres-test.sh): measuring one process on embedded PGlite, which is not the deployment target.',
  );
const processCounts = adminUrl ? PROCESSES : [1];
console.log(
  `central benchmark: ${DEVICES} devices × ${BATCHES} batches × ${PER_BATCH} ops over loopback HTTP, timed after ${WARM_UP_BATCHES} warm-up batches per server; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('| database   | processes | register  | devices |    ops |  ops/s | p50 ms | p95 ms | p99 ms | each op once, all applied |');
console.log('| ---------- | --------: | --------: | ------: | -----: | -----: | -----: | -----: | -----: | ------------------------- |');
for (const processes of processCounts) await run(adminUrl, processes);
console.log('goal: ≥ 10 000 ops/s and p95 ≤ 1000 ms');
for (const line of cpuLines) console.log(line);
