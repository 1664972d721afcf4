// Opens the central database: PostgreSQL through `pg` when a URL is given, otherwise embedded
// PGlite in a data folder; runs the migrations; seeds the shipped contribution-rate schedule and administrative units.
// PGlite is one process's database: two processes opening one folder each keep their own copy in
// memory and write over each other (measured: an admin command run beside the server left a folder
// PGlite then hung on opening). So the folder is locked for as long as it is open, and a second
// process is refused with a typed reason instead.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { CentralError } from '../central-error';
import { publishReferenceSchedule } from '../admin';
import { seedAdminUnits } from '../admin-units-publish';
import { centralMigrations } from './migrations/index';
import { PgliteDialect } from './pglite-dialect';
import { PGLITE_VACUUM_DEFAULTS, startPgliteVacuum } from './pglite-vacuum';
import type { CentralDb } from './schema';

export interface CentralDatabase {
  db: Kysely<CentralDb>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

// BIGINT comes back as a string by default; our BIGINTs (sequences, đồng) fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export async function openCentralDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  resourcesDir: string;
  /** On PGlite: when its picture tables are vacuumed (pglite-vacuum.ts); the defaults unless a test says. */
  pgliteVacuum?: typeof PGLITE_VACUUM_DEFAULTS;
}): Promise<CentralDatabase> {
  let db: Kysely<CentralDb>;
  let kind: CentralDatabase['kind'];
  let release: () => Promise<void> = async () => {};
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // A connection resting in the pool can be cut by the server (a restart, a failover, an
    // administrator): the pool drops it and the next request opens a new one. Without a listener
    // the 'error' event would end the whole process.
    pool.on('error', (error) =>
      console.error(`[central] a pooled database connection was closed by the server (${error.message}); the next request reconnects`),
    );
    db = new Kysely<CentralDb>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    kind = 'postgres';
  } else {
    const dir = join(options.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    release = await lockFolder(dir);
    try {
      const lite = await PGlite.create(dir);
      db = new Kysely<CentralDb>({ dialect: new PgliteDialect(lite), plugins: [new CamelCasePlugin()] });
    } catch (error) {
      await release();
      throw error;
    }
    kind = 'pglite';
  }
  try {
    await migrate(db);
    await seedSchedule(db, join(options.resourcesDir, 'reference', 'contribution-rates.json'));
    await seedAdminUnits(db, options.resourcesDir);
  } catch (error) {
    await db.destroy();
    await release();
    throw error;
  }
  // PGlite runs no autovacuum: the central vacuums what the picture reads index-only itself.
  const vacuum = kind === 'pglite' ? startPgliteVacuum(db, options.pgliteVacuum) : null;
  return {
    db,
    kind,
    close: async () => {
      await vacuum?.stop();
      await db.destroy();
      await release();
    },
  };
}

/**
 * Takes the PGlite folder for this process (`pgdata.lock` beside it, touched every 2 s while open).
 * One left by a process that died goes stale 10 s after its last touch (the library's default: a
 * 5 s window let a live holder's touch, delayed on a loaded machine, be taken for a dead one), so a
 * central restarted after a crash waits those seconds and goes on; the second opener of a live
 * folder is refused at once in the same process, after about 12 s from another.
 */
async function lockFolder(dir: string): Promise<() => Promise<void>> {
  // A folder this process holds is refused at once, never by the lock file's age: a process
  // starved of CPU for the stale window (a loaded machine) would otherwise take its own live lock.
  const key = resolve(dir);
  if (foldersHeldHere.has(key)) throw folderInUse(dir);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, {
      stale: 10_000,
      update: 2_000,
      retries: { retries: 12, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
      realpath: false,
      onCompromised: (error) => console.error(`[central] the lock on ${dir} was lost (${error.message}); stop this process before another opens the folder`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw folderInUse(dir);
  }
  foldersHeldHere.add(key);
  return async () => {
    foldersHeldHere.delete(key);
    await release();
  };
}

/** PGlite folders this process has open (resolved paths). */
const foldersHeldHere = new Set<string>();

function folderInUse(dir: string): CentralError {
  return new CentralError(
    409,
    'DATA_IN_USE',
    `Thư mục dữ liệu ${dir} đang được một tiến trình trung tâm khác mở (máy chủ đang chạy?). Với PGlite, hãy dừng máy chủ rồi chạy lệnh quản trị; hoặc dùng PostgreSQL (DATABASE_URL), nơi lệnh quản trị chạy được bất cứ lúc nào.`,
    `The data folder ${dir} is open in another central process (is the server running?). With PGlite, stop the server before admin commands; or use PostgreSQL (DATABASE_URL), where they run at any time.`,
  );
}

async function migrate(db: Kysely<CentralDb>): Promise<void> {
  // Several stateless processes may start together on one PostgreSQL: Kysely's Migrator takes an
  // advisory lock (PostgresAdapter), so they migrate one after another.
  // Numbers are handed out before work lands, so one may land after a higher one (ADR 0035): each
  // runs once, in name order among those not yet run.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => centralMigrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`central migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/** The shipped schedule is published like any later one, so offices also receive it by pull. */
async function seedSchedule(db: Kysely<CentralDb>, file: string): Promise<void> {
  await publishReferenceSchedule(db, JSON.parse(readFileSync(file, 'utf8')));
}
