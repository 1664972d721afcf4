// Migration 0019 moves each person's support category onto the facts it stands for: poor and
// near-poor become a certificate (number and dates unknown), student and farming household their
// flags; "ethnic minority" and "island" — which the ethnicity and the commune now say by
// themselves — stay declared, for the quote to check against the facts; "other" is nothing.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../src/main/core/db/migrations/index';
import { tempDir } from './fixtures/office-fixture';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

it('moves each support category onto its fact, and keeps what no fact can say as declared', async () => {
  const temp = tempDir('field-office-0019-');
  cleanups.push(temp.remove);
  const sqlite = new BetterSqlite3(join(temp.dir, 'office.sqlite'));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  cleanups.push(() => db.destroy());
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  expect((await migrator.migrateTo('0018-legacy-communes')).error).toBeUndefined();
  const insert = sqlite.prepare(
    `INSERT INTO participants (id, full_name, name_folded, date_of_birth, sex, ethnicity, nationality, personal_id, province_code, commune_code, address_line, support_category, version, created_at, updated_at)
     VALUES (?, ?, ?, '1980-01-01', 'male', ?, 'Việt Nam', ?, '01', '00004', 'Thôn 1', ?, 1, '2026-03-02T02:00:00Z', '2026-03-02T02:00:00Z')`,
  );
  const people = [
    ['p-poor', 'poor', 'Kinh'],
    ['p-near', 'near-poor', 'Kinh'],
    ['p-tay', 'ethnic-minority', 'Tày'],
    ['p-kinh-em', 'ethnic-minority', 'Kinh'],
    ['p-island', 'island', 'Kinh'],
    ['p-student', 'student', 'Kinh'],
    ['p-agri', 'agri-average', 'Kinh'],
    ['p-other', 'other', 'Kinh'],
  ] as const;
  people.forEach(([id, category, ethnicity], i) => insert.run(id, `Người ${i}`, `nguoi ${i}`, ethnicity, `00118000000${i}`, category));

  const result = await migrator.migrateTo('0019-support-facts');
  expect(result.error).toBeUndefined();
  const rows = sqlite
    .prepare(
      `SELECT id, poverty_kind, poverty_certificate_no, poverty_valid_to, student, agri_average, declared_support_category, legacy_address FROM participants ORDER BY rowid`,
    )
    .all();
  expect(rows).toEqual([
    {
      id: 'p-poor',
      poverty_kind: 'poor',
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'other',
      legacy_address: null,
    },
    {
      id: 'p-near',
      poverty_kind: 'near-poor',
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'other',
      legacy_address: null,
    },
    {
      id: 'p-tay',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'ethnic-minority',
      legacy_address: null,
    },
    {
      id: 'p-kinh-em',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'ethnic-minority',
      legacy_address: null,
    },
    {
      id: 'p-island',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'island',
      legacy_address: null,
    },
    {
      id: 'p-student',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 1,
      agri_average: 0,
      declared_support_category: 'other',
      legacy_address: null,
    },
    {
      id: 'p-agri',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 1,
      declared_support_category: 'other',
      legacy_address: null,
    },
    {
      id: 'p-other',
      poverty_kind: null,
      poverty_certificate_no: null,
      poverty_valid_to: null,
      student: 0,
      agri_average: 0,
      declared_support_category: 'other',
      legacy_address: null,
    },
  ]);
  expect(() => sqlite.prepare(`UPDATE participants SET poverty_kind = 'rich' WHERE id = 'p-other'`).run()).toThrow(/CHECK/);
});
