// The picture's payments pages read from one index alone (issue 20 item 6, ADR 0043). A page of an
// office's payments is read in id order through (office_code, id); with only those two columns
// indexed, each row was then fetched from the table, where one office's payments lie among every
// other office's of the province (rows arrive in the order devices sync, not in id order): a cold
// 5 000-row page read ~6 000 table pages (70–97 ms on this machine's disk, far more on a busy one).
// The index now carries every column the page's row is built from (INCLUDE), so the page is an
// index-only scan reading ~220 index pages, whatever the table's order — as long as the table's
// visibility map is current: payments are only ever inserted, and autovacuum vacuums a table after
// inserts (PostgreSQL ≥ 13); this table is vacuumed after 1 % of its rows are new (default 20 %),
// so at most the newest 1 % are read from the table too. The included columns are bounded by the
// batch's schema (ids ≤ 64, series and times ≤ 40, the collector's name ≤ 200 characters), far
// under a B-tree entry's limit (~2 700 bytes). It replaces `contributions_office` (migration 0005),
// the same key, so each payment still writes one entry for it. Building it holds writes to the
// table for the build's length (measured in ADR 0043); reads go on.
import { type Kysely, sql } from 'kysely';

/** The columns a picture's payment row is built from besides the key (picture-feed.ts, contributionTuple). */
const PICTURE_PAYMENT_COLUMNS = [
  'person_id',
  'household_id',
  'scheme',
  'method',
  'from_month',
  'months',
  'income_basis',
  'member_position',
  'paid_on',
  'business_date',
  'total',
  'supported_months',
  'receipt_id',
  'receipt_series',
  'receipt_number',
  'issued_at',
  'device_id',
  'collector_staff_id',
  'collector_name',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX contributions_office_page ON contributions (office_code, id) INCLUDE (${sql.raw(PICTURE_PAYMENT_COLUMNS.join(', '))})`.execute(db);
  await sql`DROP INDEX contributions_office`.execute(db);
  await sql`ALTER TABLE contributions SET (autovacuum_vacuum_insert_scale_factor = 0.01)`.execute(db);
}
