// The numbered migrations: from an empty file every table, index, FTS table and trigger exists;
// reopening is a no-op; and for each migration, rows written at that schema survive the
// migrations after it. A new migration must add its rows to `seeds` (fixtures/migration-seeds.ts;
// the test says so); one that
// moves data has a test of its own besides, `migration-NNNN-*.test.ts` (0005, 0011, 0014, 0019).
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Migrator } from 'kysely';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/main/core/db/migrations/index';
import { openDatabase } from '../../src/main/core/db/open-database';
import { at, seeds } from './fixtures/migration-seeds';
import { openWithMigrator } from './fixtures/migration-kit';
import { tempDir } from './fixtures/office-fixture';

const migrationNames = Object.keys(migrations).sort();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function newFile(): string {
  const temp = tempDir('field-office-migrations-');
  cleanups.push(temp.remove);
  return join(temp.dir, 'office.sqlite');
}

function openRaw(file: string) {
  const opened = openWithMigrator(file);
  cleanups.push(() => opened.db.destroy());
  return opened;
}

/** Migrates an open file up to and including the named migration, failing loudly on error. */
async function migrateTo(migrator: Migrator, name: string): Promise<void> {
  const { error, results } = name === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

function schemaObjects(sqlite: BetterSqlite3.Database): { type: string; name: string }[] {
  return sqlite.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string }[];
}

describe('migrations', () => {
  it('creates every table, index, FTS table and trigger on an empty file', async () => {
    const file = newFile();
    const database = await openDatabase(file);
    cleanups.push(() => database.close());
    const names = schemaObjects(database.sqlite);
    const byType = (type: string) => names.filter((o) => o.type === type).map((o) => o.name);
    expect(byType('table')).toEqual(
      expect.arrayContaining([
        'office',
        'staff',
        'participants',
        'participants_fts',
        'households',
        'household_members',
        'admin_provinces',
        'admin_communes',
        'reference_versions',
        'outbox',
        'audit_log',
        'schema_migrations',
        'reference_schedules',
        'enrollments',
        'receipt_series',
        'contributions',
        'receipts',
        'receipt_voids',
        'receipt_prints',
        'day_closures',
        'sync_state',
        'sync_batches',
        'sync_results',
        'sync_issues',
        'store_maintenance',
        'form_drafts',
        'name_index_queue',
      ]),
    );
    expect(byType('index')).toEqual(
      expect.arrayContaining([
        'participants_name_folded',
        'participants_dob_name',
        'participants_si_number',
        'participants_phone',
        'participants_canonical',
        'admin_communes_province',
        'outbox_pending',
        'outbox_entity',
        'audit_log_entity',
        'contributions_paid_periods',
        'receipts_day',
        'sync_issues_state',
        'sync_batches_answered',
        'receipt_voids_refunds',
      ]),
    );
    expect(byType('trigger')).toEqual(
      expect.arrayContaining([
        'participants_name_queued_insert',
        'participants_name_queued_update',
        'participants_name_queued_delete',
        'receipts_no_update',
        'receipts_no_delete',
        'receipt_voids_no_update',
        'receipt_voids_no_delete',
      ]),
    );
    const fts = database.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'participants_fts'`).pluck().get() as string;
    expect(fts).toMatch(/USING fts5/i);
    expect(fts).toContain(`prefix='1 2 3 4 5 6 7'`);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = database.sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all();
    expect(applied).toEqual(migrationNames);
  });

  it('treats reopening an up-to-date file as a no-op that keeps the schema and the data', async () => {
    const file = newFile();
    const first = await openDatabase(file);
    const before = schemaObjects(first.sqlite);
    first.sqlite.prepare(`INSERT INTO reference_versions (kind, version, loaded_at) VALUES ('probe', '1', ?)`).run(at);
    const appliedAt = first.sqlite.prepare(`SELECT name, timestamp FROM schema_migrations ORDER BY name`).all();
    await first.close();
    const second = await openDatabase(file);
    cleanups.push(() => second.close());
    expect(schemaObjects(second.sqlite)).toEqual(before);
    expect(second.sqlite.prepare(`SELECT name, timestamp FROM schema_migrations ORDER BY name`).all()).toEqual(appliedAt);
    expect(second.sqlite.prepare(`SELECT version FROM reference_versions WHERE kind = 'probe'`).pluck().get()).toBe('1');
  });

  it('has rows to test for every migration, so a new migration cannot skip its survival test', () => {
    expect(Object.keys(seeds).sort()).toEqual(migrationNames);
  });

  for (const [index, name] of migrationNames.entries()) {
    it(`keeps rows written at migration ${name} through every later migration`, async () => {
      const file = newFile();
      const { sqlite, migrator } = openRaw(file);
      await migrateTo(migrator, name);
      expect(sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all()).toEqual(migrationNames.slice(0, index + 1));
      for (const earlier of migrationNames.slice(0, index + 1)) seeds[earlier]!.write(sqlite);
      await migrateTo(migrator, 'latest');
      expect(sqlite.prepare(`SELECT name FROM schema_migrations ORDER BY name`).pluck().all()).toEqual(migrationNames);
      for (const earlier of migrationNames.slice(0, index + 1)) seeds[earlier]!.check(sqlite);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  }
});
