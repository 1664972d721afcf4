// The office's picture (ADR 0026): what a device pulls of its own office — households, enrollments,
// payments with their receipts and voids, day closures, cash handovers — read by office in pages
// keyed by id, and changes addressed to an office as well as to a province.
// * `changes.office_code`: a change for one office's devices (a payment, a void, a household …);
//   province-wide changes keep `province_code`, nation-wide ones have neither. Each audience is
//   read through its own index in seq order (changes-feed.ts).
// * Payments get the columns the picture and the feed read, so that neither opens `data` (a
//   payment's line breakdown, kilobytes): filled here from `data` for the rows already stored.
// * `contribution_audience`: payments another office took for a person of this office (their
//   registering office), so that office sees them too.
// * Voids, enrollments and households say whose office (and device) they belong to.
// * Devices keep what they last reported (pending work, last closed day) and when they were seen.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `ALTER TABLE changes ADD COLUMN office_code TEXT`,
    `CREATE INDEX changes_office ON changes (office_code, seq) WHERE office_code IS NOT NULL`,
    `CREATE INDEX changes_everyone ON changes (seq) WHERE province_code IS NULL AND office_code IS NULL`,

    `ALTER TABLE devices ADD COLUMN last_seen_at TIMESTAMPTZ, ADD COLUMN status JSONB, ADD COLUMN status_at TIMESTAMPTZ`,

    `ALTER TABLE contributions
       ADD COLUMN household_id TEXT, ADD COLUMN method TEXT, ADD COLUMN income_basis BIGINT, ADD COLUMN member_position INTEGER,
       ADD COLUMN supported_months INTEGER NOT NULL DEFAULT 0, ADD COLUMN business_date TEXT, ADD COLUMN issued_at TEXT,
       ADD COLUMN collector_staff_id TEXT, ADD COLUMN collector_name TEXT`,
    `UPDATE contributions SET
       household_id = data->>'householdId',
       method = data->>'method',
       income_basis = (data->>'incomeBasis')::bigint,
       member_position = (data->>'memberPosition')::integer,
       supported_months = (SELECT count(*) FROM jsonb_array_elements(coalesce(data->'lines', '[]'::jsonb)) AS l WHERE (l->>'supportAmount')::bigint > 0),
       business_date = coalesce(data->'receipt'->>'businessDate', paid_on),
       issued_at = data->'receipt'->>'issuedAt',
       collector_staff_id = data->>'collectorStaffId',
       collector_name = data->>'collectorName'`,
    `CREATE INDEX contributions_office ON contributions (office_code, id)`,

    `CREATE TABLE contribution_audience (
       office_code TEXT NOT NULL, contribution_id TEXT NOT NULL REFERENCES contributions (id), PRIMARY KEY (office_code, contribution_id))`,
    `INSERT INTO contribution_audience (office_code, contribution_id)
       SELECT DISTINCT p.office_code, c.id FROM contributions c JOIN persons p ON p.id = c.person_id WHERE p.office_code <> c.office_code`,

    `ALTER TABLE receipt_voids ADD COLUMN office_code TEXT, ADD COLUMN device_id TEXT`,
    `UPDATE receipt_voids v SET office_code = c.office_code, device_id = c.device_id FROM contributions c WHERE c.receipt_id = v.receipt_id`,
    `CREATE INDEX receipt_voids_office ON receipt_voids (office_code, receipt_id)`,

    `CREATE INDEX persons_province ON persons (province_code, id)`,
    `CREATE INDEX persons_office ON persons (office_code, id)`,

    `ALTER TABLE households ADD COLUMN last_device_id TEXT`,
    `CREATE INDEX households_office ON households (office_code, id)`,

    `ALTER TABLE enrollments ADD COLUMN office_code TEXT`,
    `UPDATE enrollments e SET office_code = p.office_code FROM persons p WHERE p.id = e.person_id`,
    `CREATE INDEX enrollments_office ON enrollments (office_code, id)`,

    `CREATE TABLE cash_handovers (
       id TEXT PRIMARY KEY, office_code TEXT NOT NULL, device_id TEXT NOT NULL, from_device_id TEXT NOT NULL,
       collector_staff_id TEXT NOT NULL, business_dates JSONB NOT NULL, data JSONB NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE INDEX cash_handovers_office ON cash_handovers (office_code, id)`,
    `CREATE INDEX cash_handovers_collector ON cash_handovers (from_device_id, collector_staff_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
