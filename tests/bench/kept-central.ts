// A seeded central kept between benchmark runs (OFFICE_BENCH_KEEP=<folder>): seeding 5 000 000
// payments takes ten minutes or more, so the office-picture benchmarks seed once and reuse the
// database — a PostgreSQL database named for the seed's size, or a PGlite folder under <folder> —
// and never drop it. A seed that did not finish (a run stopped half-way) is found by its row counts
// and made again from empty. The central runs in its own process on PostgreSQL, in this process on
// PGlite (PGlite is one process's database: the benchmark enrolls devices through it).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { loadCentralKey } from '../../src/central/central-signing-key';
import { type CentralDatabase, openCentralDatabase } from '../../src/central/db/central-database';
import { type Central, resourcesDir, serveCentral, startCentral } from '../integration/sync/central-fixture';
import { postgresAdminUrl, startCentralProcess, startCentralServer, stopCentralServer } from './central-server';
import { type PictureSeed, seedOfficePicture } from './office-picture-seed';

export type KeptCentral = Central & { pid: number; seededSeconds: number | null };

/** True when the database holds exactly this seed (its office's payments and the province's people all there). */
async function holdsSeed(database: CentralDatabase, size: PictureSeed): Promise<boolean> {
  const { rows } = await sql<{ persons: string; payments: string; households: string }>`SELECT
    (SELECT count(*) FROM persons WHERE province_code = '01') AS persons,
    (SELECT count(*) FROM households WHERE office_code = ${size.office}) AS households,
    (SELECT count(*) FROM contributions WHERE office_code = ${size.office}) AS payments`.execute(database.db);
  const r = rows[0]!;
  return Number(r.persons) === size.persons && Number(r.households) === size.households && Number(r.payments) === size.payments;
}

async function seedIfNeeded(database: CentralDatabase, size: PictureSeed): Promise<number | null> {
  if (await holdsSeed(database, size)) return null;
  const t0 = performance.now();
  await seedOfficePicture(database.db, size);
  return (performance.now() - t0) / 1000;
}

const sizeName = (s: PictureSeed) => `${s.persons}_${s.households}_${s.payments}`.toLowerCase();

/** A PostgreSQL database of the admin URL's server, seeded once: the central served by its own process. */
export async function keptPostgresCentral(adminUrl: string, keep: string, size: PictureSeed): Promise<KeptCentral> {
  const name = `fo_bench_picture_${sizeName(size)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name}`);
  let database = await openCentralDatabase({ databaseUrl: url.toString(), dataDir: join(keep, name), resourcesDir });
  if (exists && !(await holdsSeed(database, size))) {
    // Half a seed: start from empty.
    await database.close();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openCentralDatabase({ databaseUrl: url.toString(), dataDir: join(keep, name), resourcesDir });
  }
  await admin.end();
  const dataDir = join(keep, name);
  mkdirSync(dataDir, { recursive: true });
  const seededSeconds = await seedIfNeeded(database, size);
  const server = await startCentralServer(url.toString(), dataDir, (process.env.OFFICE_BENCH_CENTRAL_NODE_ARGS ?? '').split(' ').filter(Boolean));
  return {
    url: server.url,
    database,
    dataDir,
    key: await loadCentralKey(dataDir),
    databaseUrl: url.toString(),
    pid: server.child.pid!,
    seededSeconds,
    close: async () => {
      await stopCentralServer(server);
      await database.close();
    },
  };
}

/** A PGlite folder under `keep`, seeded once: the central served from this process. */
export async function keptPgliteCentral(keep: string, size: PictureSeed): Promise<KeptCentral> {
  const dataDir = join(keep, `pglite_${sizeName(size)}`);
  mkdirSync(dataDir, { recursive: true });
  let database = await openCentralDatabase({ dataDir, resourcesDir });
  if (!(await holdsSeed(database, size)) && Number((await sql<{ n: string }>`SELECT count(*) AS n FROM persons`.execute(database.db)).rows[0]!.n) > 0) {
    await database.close();
    rmSync(join(dataDir, 'pgdata'), { recursive: true, force: true });
    database = await openCentralDatabase({ dataDir, resourcesDir });
  }
  const seededSeconds = await seedIfNeeded(database, size);
  const key = await loadCentralKey(dataDir);
  const server = await serveCentral(database, dataDir, key);
  return {
    url: server.url,
    database,
    dataDir,
    key,
    databaseUrl: null,
    pid: process.pid,
    seededSeconds,
    close: async () => {
      await server.stop();
      await database.close();
    },
  };
}

/**
 * The benchmarks' central: on PostgreSQL (DATABASE_URL, TEST_DATABASE_URL or the test cluster) in its
 * own process, else on PGlite in this process; kept and reused under OFFICE_BENCH_KEEP, else fresh
 * and seeded now. `seeded`: the seed's seconds, null when a kept one was reused.
 */
export async function benchCentral(size: PictureSeed): Promise<{ central: Central & { pid?: number }; seeded: number | null; postgres: boolean }> {
  const adminUrl = postgresAdminUrl();
  const keep = process.env.OFFICE_BENCH_KEEP;
  if (keep) {
    const central = adminUrl ? await keptPostgresCentral(adminUrl, keep, size) : await keptPgliteCentral(keep, size);
    return { central, seeded: central.seededSeconds, postgres: adminUrl !== null };
  }
  const central = adminUrl ? await startCentralProcess(adminUrl) : await startCentral('pglite');
  const t0 = performance.now();
  await seedOfficePicture(central.database.db, size);
  return { central, seeded: (performance.now() - t0) / 1000, postgres: adminUrl !== null };
}
