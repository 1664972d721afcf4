// Each person's paid-through month per scheme as the central counts it (issue 20 item 1, ADR 0035):
// the last month of their recorded payments whose receipts are not voided, at any office (a lump
// sum for missing months pays no calendar month: ADR 0036) — kept up
// to date on every payment and void, so the office's picture reads it by (office, person) without
// opening a person's payments (a probe per person cost seconds a page at millions of payments).
// `office_code` is the office that registered the person (whose picture carries the figure).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE paid_through (person_id TEXT PRIMARY KEY, office_code TEXT NOT NULL, vsi TEXT, hhi TEXT)`.execute(db);
  await sql`CREATE INDEX paid_through_office ON paid_through (office_code, person_id)`.execute(db);
  await sql`
    INSERT INTO paid_through (person_id, office_code, vsi, hhi)
    SELECT c.person_id, min(p.office_code),
      to_char(max(to_date(c.from_month, 'YYYY-MM') + make_interval(months => c.months - 1)) FILTER (WHERE c.scheme = 'VSI'), 'YYYY-MM'),
      to_char(max(to_date(c.from_month, 'YYYY-MM') + make_interval(months => c.months - 1)) FILTER (WHERE c.scheme = 'HHI'), 'YYYY-MM')
    FROM contributions c JOIN persons p ON p.id = c.person_id
    WHERE NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id)
      AND coalesce(c.method, 'monthly') <> 'lump-sum-shortfall'
    GROUP BY c.person_id`.execute(db);
}
