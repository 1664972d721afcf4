// Opens the office's SQLite file: keyed first (encrypted at rest, ADR 0022; tools and tests may
// open a plain one), then WAL (cut back to 64 MB when it starts over), foreign keys,
// synchronous=FULL (money is committed here), and runs the pending migrations inside a
// transaction before anything else touches it.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type SqliteDatabase } from 'kysely';
import { migrations } from './migrations/index';
import { openKeyedDatabase } from './store-cipher';
import type { Database } from './schema';

export interface OfficeDatabase {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** The WAL file's size once it starts over, in bytes (SQLite's journal_size_limit). */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

export async function openDatabase(file: string, { key = null }: { key?: Buffer | null } = {}): Promise<OfficeDatabase> {
  const sqlite = openKeyedDatabase(file, key);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // When the WAL starts over, its file is cut back to this size: a new device's fill grows it to
  // about a gigabyte, which would otherwise stay on a field laptop's disk for good.
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  await migrateToLatest(db);
  return {
    db,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

/**
 * The database as Kysely sees it, with prepared statements kept by their SQL text: Kysely prepares
 * every query it runs, and preparing one costs more than running most of the office's point
 * queries (it was a fifth of a `contributions.record`). The office runs a few dozen distinct
 * statements; the least recently used beyond the limit are dropped.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement && !statement.busy) {
        statements.delete(sql);
        statements.set(sql, statement);
        return statement;
      }
      statement = sqlite.prepare(sql);
      // One being iterated (a streamed query) stays with its reader; the new one takes its place.
      statements.delete(sql);
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Numbers are handed out before work lands, so one may land after a higher one (ADR 0035).
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
