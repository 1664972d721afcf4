// What the picture's plan tests (picture-index-only, pglite-vacuum) share: another office's payments
// and paid-through rows beside the seeded office's, as a central of several offices holds them, and
// the scans of the plan PostgreSQL (or PGlite) runs for a page's query — which index it reads and
// how many rows it fetched from the table.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CentralDb } from '../../../src/central/db/schema';

export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** The scans of the query's plan, run with sequential and bitmap scans off (a test's small table would be read whole). */
export async function scansOf(db: Kysely<CentralDb>, query: RawBuilder<unknown>): Promise<PlanNode[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    const { rows } = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`.execute(trx);
    const plan = rows[0]!['QUERY PLAN'];
    return nodes((typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : plan)[0].Plan).filter((n) => n['Node Type'].includes('Scan'));
  });
}

/**
 * Another office's (PICX) payments between the seeded office's in id order (each seeded id, then
 * 'x': the next key) and paid-through rows for the province's people after the office's own
 * (office-picture-seed.ts: the office registered people 1 to 2 × households, the rest are another's).
 */
export async function seedAnotherOffice(db: Kysely<CentralDb>, size: { payments: number; households: number; persons: number }): Promise<void> {
  const first = sql.lit(2 * size.households);
  await sql`
    INSERT INTO contributions (id, person_id, scheme, from_month, months, paid_on, total, receipt_id, receipt_series, receipt_number, office_code, device_id, data,
      method, supported_months, business_date)
    SELECT format('01900000-0000-7000-a000-%s', lpad(to_hex(i), 12, '0') || 'x'), format('01900000-0000-7000-8000-%s', lpad(to_hex(${first} + i), 12, '0')),
      'VSI', '2026-01', 1, '2026-11-20', 330000, format('01900000-0000-7000-e000-%s', lpad(to_hex(i), 12, '0')), 'PICX01-5EED', i, 'PICX',
      '01900000-0000-7000-8000-5eed00000001', '{}'::jsonb, 'monthly', 0, '2026-11-20'
    FROM generate_series(1, ${size.payments}::int) AS i`.execute(db);
  await sql`INSERT INTO paid_through (person_id, office_code, vsi)
    SELECT format('01900000-0000-7000-8000-%s', lpad(to_hex(${first} + i), 12, '0')), 'PICX', '2026-01' FROM generate_series(1, ${size.persons - 2 * size.households}::int) AS i`.execute(
    db,
  );
}
