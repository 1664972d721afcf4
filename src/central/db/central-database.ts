// Opens the central database: PostgreSQL through `pg` when a URL is given, otherwise embedded
// PGlite in a data folder; runs the migrations; seeds the shipped contribution-rate schedule.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { publishReferenceSchedule } from '../admin';
import { centralMigrations } from './migrations/index';
import { PgliteDialect } from './pglite-dialect';
import type { CentralDb } from './schema';

export interface CentralDatabase {
  db: Kysely<CentralDb>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

// BIGINT comes back as a string by default; our BIGINTs (sequences, đồng) fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export async function openCentralDatabase(options: { databaseUrl?: string | undefined; dataDir: string; resourcesDir: string }): Promise<CentralDatabase> {
  let db: Kysely<CentralDb>;
  let kind: CentralDatabase['kind'];
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // A connection resting in the pool can be cut by the server (a restart, a failover, an
    // administrator): the pool drops it and the next request opens a new one. Without a listener
    // the 'error' event would end the whole process.
    pool.on('error', (error) => console.error(`[central] a pooled database connection was closed by the server (${error.message}); the next request reconnects`));
    db = new Kysely<CentralDb>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    kind = 'postgres';
  } else {
    const dir = join(options.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    const lite = await PGlite.create(dir);
    db = new Kysely<CentralDb>({ dialect: new PgliteDialect(lite), plugins: [new CamelCasePlugin()] });
    kind = 'pglite';
  }
  await migrate(db);
  await seedSchedule(db, join(options.resourcesDir, 'reference', 'contribution-rates.json'));
  return { db, kind, close: () => db.destroy() };
}

async function migrate(db: Kysely<CentralDb>): Promise<void> {
  // Several stateless processes may start together on one PostgreSQL: Kysely's Migrator takes an
  // advisory lock (PostgresAdapter), so they migrate one after another.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => centralMigrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`central migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/** The shipped schedule is published like any later one, so offices also receive it by pull. */
async function seedSchedule(db: Kysely<CentralDb>, file: string): Promise<void> {
  await publishReferenceSchedule(db, JSON.parse(readFileSync(file, 'utf8')));
}
