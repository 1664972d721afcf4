// A central on PGlite vacuums the picture's tables itself (db/pglite-vacuum.ts, ADR 0043): PGlite
// runs no autovacuum, so without it the visibility map stays empty and the payments and
// paid-through pages fetch every row from the table. With nothing but the central's own timer (no
// VACUUM here), the tables become all-visible, the pages index-only with no row fetched, and again
// after a payment's upsert rewrote a paid-through row. Closing waits for a pass under way. PGlite
// only: on PostgreSQL autovacuum does this (picture-index-only.test.ts checks its settings).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CentralDatabase, openCentralDatabase } from '../../../src/central/db/central-database';
import { partQueries } from '../../../src/central/picture-feed';
import { seedOfficePicture } from '../../bench/office-picture-seed';
import { resourcesDir } from '../sync/central-fixture';
import { scansOf, seedAnotherOffice } from './plan-kit';

const scope = { office: 'PICB', province: '01' };
const size = { persons: 3_000, households: 1_000, payments: 2_000, office: 'PICB' };

describe('the picture’s tables on PGlite', () => {
  let database: CentralDatabase;
  beforeAll(async () => {
    database = await openCentralDatabase({
      dataDir: mkdtempSync(join(tmpdir(), 'fo-central-vacuum-')),
      resourcesDir,
      pgliteVacuum: { firstAfterMs: 200, everyMs: 200 },
    });
    await seedOfficePicture(database.db, size);
    await seedAnotherOffice(database.db, size);
    // The planner's statistics (the central's vacuum keeps only the visibility map).
    await sql`ANALYZE`.execute(database.db);
  }, 120_000);
  afterAll(async () => database?.close());

  /** The page's scans once the central's own vacuum has made them fetch no row from the table (asked every 200 ms, at most 20 s). */
  async function indexOnly(query: Parameters<typeof scansOf>[1]) {
    for (let tries = 0; ; tries++) {
      const scans = await scansOf(database.db, query);
      if (scans.every((scan) => scan['Heap Fetches'] === 0) || tries === 100) return scans;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('is vacuumed by the central itself: the payments and paid-through pages are index-only, no row from the table', async () => {
    expect(database.kind).toBe('pglite');
    expect(await indexOnly(partQueries.contributions(scope, '', 500))).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'contributions_office_page', 'Heap Fetches': 0 }),
    ]);
    expect(await indexOnly(partQueries['paid-through'](scope, '', 500))).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'paid_through_office_page', 'Heap Fetches': 0 }),
    ]);
  });

  it('vacuums again after a payment rewrote a paid-through row', async () => {
    await sql`INSERT INTO paid_through (person_id, office_code, vsi) VALUES ('01900000-0000-7000-8000-000000000002', 'PICB', '2031-01')
      ON CONFLICT (person_id) DO UPDATE SET vsi = greatest(paid_through.vsi, excluded.vsi)`.execute(database.db);
    expect(await indexOnly(partQueries['paid-through'](scope, '', 500))).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'paid_through_office_page', 'Heap Fetches': 0 }),
    ]);
    const { rows } = await sql<{ vsi: string }>`SELECT vsi FROM paid_through WHERE person_id = '01900000-0000-7000-8000-000000000002'`.execute(database.db);
    expect(rows).toEqual([{ vsi: '2031-01' }]);
  });
});
