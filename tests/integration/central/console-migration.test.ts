// Central migration 0009 on a database that already holds payments (ADR 0032): each payment's
// receive time is taken from its audit entry's, else midnight (UTC+7) of its payment date; new rows
// get the time of the batch that brings them.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { centralMigrations } from '../../../src/central/db/migrations/index';
import { PgliteDialect } from '../../../src/central/db/pglite-dialect';

describe('central migration 0009 on existing payments', () => {
  it('backfills received_at from the audit entries, else the payment date, and defaults new rows to now', async () => {
    const db = new Kysely<unknown>({ dialect: new PgliteDialect(await PGlite.create()) });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => centralMigrations } });
      expect((await migrator.migrateTo('0008-field-records')).error).toBeUndefined();
      await sql`INSERT INTO offices (code, name, province_code) VALUES ('OLD1', 'BHXH cũ', '01')`.execute(db);
      await sql`INSERT INTO devices (id, office_code, public_key, key_id, name) VALUES ('dev-1', 'OLD1', 'pk', 'kid', 'Máy cũ')`.execute(db);
      const payment = (id: string, number: number) =>
        sql`INSERT INTO contributions (id, person_id, scheme, from_month, months, paid_on, total, receipt_id, receipt_series, receipt_number, office_code, device_id, data)
            VALUES (${id}, 'p-1', 'VSI', '2026-01', 1, '2026-03-10', 440000, ${`r-${id}`}, 'AA26', ${number}, 'OLD1', 'dev-1', '{}')`.execute(db);
      await payment('with-audit', 1);
      await payment('without-audit', 2);
      for (const [seq, at] of [
        [1, '2026-03-11T02:00:00Z'],
        [2, '2026-03-12T02:00:00Z'],
      ] as const)
        await sql`INSERT INTO audit_entries (device_id, seq, at, action, entity, entity_id, details, prev_hash, hash, batch_no, received_at)
                  VALUES ('dev-1', ${seq}, '2026-03-10T08:00:00+07:00', 'contribution.record', 'contribution', 'with-audit', '{}', 'x', 'y', 1, ${at})`.execute(
          db,
        );

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await sql<{ id: string; received_at: Date }>`SELECT id, received_at FROM contributions ORDER BY id`.execute(db);
      expect(rows.rows.map((r) => [r.id, new Date(r.received_at).toISOString()])).toEqual([
        ['with-audit', '2026-03-11T02:00:00.000Z'], // the first time the central received its entry
        ['without-audit', '2026-03-09T17:00:00.000Z'], // 2026-03-10 00:00 at UTC+7
      ]);
      const before = Date.now();
      await payment('new', 3);
      const fresh = await sql<{ received_at: Date }>`SELECT received_at FROM contributions WHERE id = 'new'`.execute(db);
      expect(new Date(fresh.rows[0]!.received_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    } finally {
      await db.destroy();
    }
  });
});
