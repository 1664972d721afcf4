// `npx tsx tests/bench/central-ingest-steps.ts`: the central's ingest of the benchmark's batches
// (central-batches.ts) in this process, on PostgreSQL, without HTTP: what each batch costs the
// server's CPU in its steps before the transaction (the body's SHA-256, JSON.parse and the wire
// schema) and in `applyBatch`, PostgreSQL's CPU beside it, and the bytes this process wrote (on
// loopback, nearly all to PostgreSQL's socket). `bench:central` measures the deployed server over
// HTTP; this driver says where inside it the time goes (ADR 0038). STEPS_PROFILE=<file> also writes
// an inspector CPU profile of the timed batches alone (read it by self time and by caller).
// STEPS_HEAP=<file> writes a sampling heap profile of them (what they allocate, by stack).
// STEPS_WARM_UP (default 20) and STEPS_BATCHES (default 20) scale it.
import { hash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffice, enrollDevice, issueEnrollmentCode } from '../../src/central/admin';
import { loadCentralKey } from '../../src/central/central-signing-key';
import { openCentralDatabase } from '../../src/central/db/central-database';
import { applyBatch } from '../../src/central/ingest/apply-batch';
import { parseWireBatch } from '../../src/central/ingest/wire-batch-check';
import { generateDeviceKeyPair } from '../../src/main/core/sync/device-key-store';
import { freshPostgresDatabase } from '../integration/fixtures/test-postgres';
import { batchBodies, makeBatches, PER_BATCH } from './central-batches';
import { postgresAdminUrl, root } from './central-server';
import { cpuBetween, cpuSnapshot } from './process-cpu';

const WARM_UP = Number(process.env.STEPS_WARM_UP ?? 20);
const TIMED = Number(process.env.STEPS_BATCHES ?? 20);
const PROFILE = process.env.STEPS_PROFILE;
const HEAP = process.env.STEPS_HEAP;

const adminUrl = postgresAdminUrl();
if (!adminUrl) throw new Error('central-ingest-steps needs PostgreSQL (TEST_DATABASE_URL or scripts/postgres-test.sh).');
process.env.TEST_DATABASE_URL = adminUrl;
const postgres = await freshPostgresDatabase();
const dataDir = mkdtempSync(join(tmpdir(), 'fo-central-steps-'));
const database = await openCentralDatabase({ databaseUrl: postgres.url, dataDir, resourcesDir: join(root, 'resources') });
const centralKey = await loadCentralKey(dataDir);
await createOffice(database.db, { code: 'STEPS', name: 'BHXH STEPS', provinceCode: '01' });
const enrolled = await enrollDevice(database.db, {
  code: await issueEnrollmentCode(database.db, 'STEPS'),
  publicKey: generateDeviceKeyPair().publicKey,
  deviceName: 'steps',
});
const device = { id: enrolled.deviceId, officeCode: enrolled.officeCode, provinceCode: enrolled.provinceCode };
const bodies = batchBodies(device.id, makeBatches(0, 'STEPS-1', WARM_UP + TIMED));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const written = () => Number(/wchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
const totals = { before: 0, apply: 0, bytes: 0 };
let session: Session | undefined;
let pgBefore = cpuSnapshot([], postgres.url);
for (const [index, body] of bodies.entries()) {
  const timed = index >= WARM_UP;
  if (index === WARM_UP) {
    pgBefore = cpuSnapshot([], postgres.url);
    if (PROFILE) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    if (HEAP) {
      session ??= new Session();
      session.connect();
      // Every allocation sampled (1 KiB apart on average), kept even once collected: what the ingest allocates, by stack.
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
  }
  const t0 = cpu();
  // What the route does before applyBatch, less HTTP and the signature: the body's hash, JSON.parse, the wire schema.
  const sent = { text: body, sha256: hash('sha256', Buffer.from(body), 'hex') };
  const parsed = parseWireBatch(JSON.parse(body));
  if (!parsed.success) throw parsed.error;
  const batch = parsed.data;
  const t1 = cpu();
  const bytes0 = written();
  const outcome = await applyBatch(database.db, device, batch, { centralKey, now: () => new Date() }, sent);
  const t2 = cpu();
  if (outcome.counts.APPLIED !== PER_BATCH) throw new Error(`batch ${index + 1}: ${JSON.stringify(outcome.counts)}`);
  if (timed) {
    totals.before += t1 - t0;
    totals.apply += t2 - t1;
    totals.bytes += written() - bytes0;
  }
}
const pgAfter = cpuSnapshot([], postgres.url);
if (session && PROFILE) writeFileSync(PROFILE, JSON.stringify((await session.post('Profiler.stop')).profile));
if (session && HEAP) writeFileSync(HEAP, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
session?.disconnect();
const pg = pgBefore && pgAfter ? (cpuBetween(pgBefore, pgAfter).postgres * 1000) / TIMED : NaN;
const per = (ms: number) => (ms / TIMED).toFixed(1);
console.log(
  `per ${PER_BATCH}-op batch (${TIMED} timed after ${WARM_UP}): server ${per(totals.before + totals.apply)} ms (hash + parse + wire schema ${per(totals.before)}, applyBatch ${per(totals.apply)}), ` +
    `PostgreSQL ${pg.toFixed(1)} ms; server ÷ PostgreSQL ${((totals.before + totals.apply) / TIMED / pg).toFixed(2)}; written ${(totals.bytes / TIMED / 1024).toFixed(0)} KiB; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
await database.close();
await postgres.drop();
