// The picture's payments and paid-through pages are read from their index alone (central migrations
// 0023 and 0024, ADR 0043): each page's query, as the central runs it, is an index-only scan of the
// covering index with no row fetched from the table once the table is vacuumed — so its cost does
// not depend on where the office's rows lie in a table shared with other offices. Two offices'
// payments are stored interleaved in id order, as devices of several offices make them. If a
// column is added to a page's row without adding it to the index, the plan fetches rows again and
// this test fails. The tables' autovacuum settings (what keeps the visibility map current in
// production) are checked too. On PGlite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageQuery, partQueries } from '../../../src/central/picture-feed';
import { seedOfficePicture } from '../../bench/office-picture-seed';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { scansOf, seedAnotherOffice } from './plan-kit';

const size = { persons: 3_000, households: 1_000, payments: 2_000, office: 'PICB' };
const scope = { office: 'PICB', province: '01' };

describe.each(centralBackends())('the picture’s payments and paid-through pages from their index alone on %s', (backend) => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral(backend);
    const db = central.database.db;
    await seedOfficePicture(db, size);
    await seedAnotherOffice(db, size);
    await sql`VACUUM ANALYZE contributions`.execute(db);
    await sql`VACUUM ANALYZE paid_through`.execute(db);
  }, 120_000);
  afterAll(async () => central?.close());

  it('reads a page of the office’s payments by an index-only scan of contributions_office_page, no row from the table', async () => {
    const scans = await scansOf(central.database.db, partQueries.contributions(scope, '01900000-0000-7000-a000-000000000100', 500));
    expect(scans).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'contributions_office_page', 'Heap Fetches': 0, 'Actual Rows': 500 }),
    ]);
  });

  it('reads the page as the central asks for it (joined into one row, ADR 0045) by the same index-only scan', async () => {
    const scans = await scansOf(central.database.db, pageQuery(partQueries.contributions(scope, '01900000-0000-7000-a000-000000000100', 500)));
    expect(scans).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'contributions_office_page', 'Heap Fetches': 0, 'Actual Rows': 500 }),
    ]);
  });

  it('reads a page of paid-through months by an index-only scan of paid_through_office_page, no row from the table', async () => {
    const scans = await scansOf(central.database.db, partQueries['paid-through'](scope, '', 500));
    expect(scans).toEqual([
      expect.objectContaining({ 'Node Type': 'Index Only Scan', 'Index Name': 'paid_through_office_page', 'Heap Fetches': 0, 'Actual Rows': 500 }),
    ]);
  });

  it('the pages’ rows are the office’s own, in key order, as before the indexes', async () => {
    const db = central.database.db;
    const { rows } = await partQueries.contributions(scope, '', 5000).execute(db);
    expect(rows).toHaveLength(size.payments);
    expect(rows.map((r) => r.key)).toEqual(rows.map((r) => r.key).sort());
    expect(JSON.parse(rows[0]!.row)).toEqual([
      '01900000-0000-7000-a000-000000000001',
      '01900000-0000-7000-8000-000000000002',
      null,
      'VSI',
      'monthly',
      '2020-01',
      1,
      1500000,
      null,
      '2026-11-20',
      '2026-11-20',
      330000,
      0,
      '01900000-0000-7000-b000-000000000001',
      'PICB01-5EED',
      1,
      '2026-11-20T02:00:00.000Z',
      'PICB',
      '01900000-0000-7000-8000-5eed00000001',
      '01900000-0000-7000-c000-000000000001',
      'Nguyễn Thị Thu',
    ]);
    // The office's paying people are 1–2 000 (the other office's 2 001–3 000), less the 20 whose one
    // payment the seed voided.
    const paid = await partQueries['paid-through'](scope, '', 5000).execute(db);
    expect(paid.rows).toHaveLength(1980);
    expect(paid.rows.at(-1)!.key).toBe('01900000-0000-7000-8000-0000000007d0');
  });

  it('vacuums the payments after 1 % new rows and paid-through after 1 000 changed rows (what keeps the pages index-only)', async () => {
    const { rows } = await sql<{ relname: string; reloptions: string[] }>`
      SELECT relname, reloptions FROM pg_class WHERE relname IN ('contributions', 'paid_through') ORDER BY relname`.execute(central.database.db);
    expect(rows).toEqual([
      { relname: 'contributions', reloptions: ['autovacuum_vacuum_insert_scale_factor=0.01'] },
      {
        relname: 'paid_through',
        reloptions: ['autovacuum_vacuum_scale_factor=0', 'autovacuum_vacuum_threshold=1000', 'autovacuum_vacuum_insert_scale_factor=0.01'],
      },
    ]);
  });
});
