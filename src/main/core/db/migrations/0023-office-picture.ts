// The office's picture on each device (ADR 0026): what the office's other devices did, pulled from
// the central and kept apart from this device's own work.
// * `pulled_contributions`: payments other devices took (of this office, or another office's for a
//   person of this office), with their receipt label, source device and collector — never
//   renumbered, never in this device's outbox (no receipt row, no series here), immutable like
//   receipts. Indexed as the device's own payments are (paid periods, a device's day, a household).
// * `receipt_voids` rebuilt: a void may now be of a pulled receipt (a supervisor here refunds
//   another device's receipt: no receipts row to reference) or made elsewhere (another device
//   refunded this device's receipt: its staff are not on this device), so the receipt and staff
//   references go, and the names and the device that made the void (`source_device_id`, NULL for
//   this device) are kept. One table keeps every void, so "voided" means the same everywhere.
// * `office_devices`: the office's devices as the central last told (name, pending work, last seen).
// * `pulled_day_closures`: other devices' closed days. `cash_handovers` (+ one row per handed-over
//   day, unique: the same cash is never recorded twice on a device): cash a collector handed to
//   the office, recorded here or pulled.
// * `households.base_device_id`: the device that wrote the version of the list this device holds
//   (NULL: this device), sent as the base of the next change (ADR 0026).
// * `sync_state`: where the picture's first fill stands (a kill -9 resumes from its cursor).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE pulled_contributions (
      id TEXT PRIMARY KEY,
      participant_id TEXT NOT NULL,
      household_id TEXT,
      scheme TEXT NOT NULL CHECK (scheme IN ('VSI', 'HHI')),
      method TEXT NOT NULL,
      from_month TEXT NOT NULL,
      to_month TEXT NOT NULL,
      months INTEGER NOT NULL CHECK (months > 0),
      income_basis INTEGER,
      member_position INTEGER,
      paid_on TEXT NOT NULL,
      business_date TEXT NOT NULL,
      total INTEGER NOT NULL,
      supported_months INTEGER NOT NULL,
      receipt_id TEXT NOT NULL UNIQUE,
      receipt_series TEXT NOT NULL,
      receipt_number INTEGER NOT NULL,
      issued_at TEXT,
      office_code TEXT NOT NULL,
      source_device_id TEXT NOT NULL,
      collector_staff_id TEXT,
      collector_name TEXT,
      UNIQUE (receipt_series, receipt_number)
    )`,
    `CREATE INDEX pulled_contributions_paid_periods ON pulled_contributions (participant_id, scheme, from_month, to_month, supported_months, receipt_id)`,
    `CREATE INDEX pulled_contributions_day ON pulled_contributions (source_device_id, business_date, collector_staff_id)`,
    `CREATE INDEX pulled_contributions_household ON pulled_contributions (household_id) WHERE household_id IS NOT NULL`,
    `CREATE TRIGGER pulled_contributions_no_update BEFORE UPDATE ON pulled_contributions BEGIN SELECT RAISE(ABORT, 'pulled payments are immutable'); END`,
    `CREATE TRIGGER pulled_contributions_no_delete BEFORE DELETE ON pulled_contributions BEGIN SELECT RAISE(ABORT, 'pulled payments are never deleted'); END`,

    `CREATE TABLE receipt_voids_all (
      id TEXT PRIMARY KEY,
      receipt_id TEXT NOT NULL UNIQUE,
      reason TEXT NOT NULL,
      voided_by TEXT,
      voided_at TEXT NOT NULL,
      business_date TEXT NOT NULL,
      refund_paid_by TEXT,
      refund_voucher_series TEXT,
      refund_voucher_number INTEGER,
      voided_by_name TEXT,
      refund_paid_by_name TEXT,
      refund_amount INTEGER,
      refund_voucher TEXT,
      source_device_id TEXT
    )`,
    `INSERT INTO receipt_voids_all (id, receipt_id, reason, voided_by, voided_at, business_date, refund_paid_by, refund_voucher_series, refund_voucher_number)
       SELECT id, receipt_id, reason, voided_by, voided_at, business_date, refund_paid_by, refund_voucher_series, refund_voucher_number FROM receipt_voids`,
    `DROP TABLE receipt_voids`,
    `ALTER TABLE receipt_voids_all RENAME TO receipt_voids`,
    `CREATE INDEX receipt_voids_refunds ON receipt_voids (business_date) WHERE refund_paid_by IS NOT NULL`,
    `CREATE UNIQUE INDEX receipt_voids_voucher ON receipt_voids (refund_voucher_series, refund_voucher_number) WHERE refund_voucher_number IS NOT NULL`,
    `CREATE INDEX receipt_voids_source ON receipt_voids (source_device_id, business_date) WHERE source_device_id IS NOT NULL`,
    `CREATE TRIGGER receipt_voids_no_update BEFORE UPDATE ON receipt_voids BEGIN SELECT RAISE(ABORT, 'voids are immutable'); END`,
    `CREATE TRIGGER receipt_voids_no_delete BEFORE DELETE ON receipt_voids BEGIN SELECT RAISE(ABORT, 'voids are never deleted'); END`,

    `CREATE TABLE office_devices (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      enrolled_at TEXT,
      revoked_at TEXT,
      last_seen_at TEXT,
      status TEXT,
      status_at TEXT,
      refreshed_at TEXT NOT NULL
    )`,
    `CREATE TABLE pulled_day_closures (
      device_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      closed_at TEXT NOT NULL,
      closed_by_name TEXT,
      collectors TEXT NOT NULL,
      PRIMARY KEY (device_id, business_date)
    )`,
    `CREATE TABLE cash_handovers (
      id TEXT PRIMARY KEY,
      from_device_id TEXT NOT NULL,
      collector_staff_id TEXT NOT NULL,
      collector_name TEXT NOT NULL,
      business_dates TEXT NOT NULL,
      receipt_count INTEGER NOT NULL,
      expected INTEGER NOT NULL,
      cash_counted INTEGER NOT NULL CHECK (cash_counted >= 0),
      note TEXT,
      received_by TEXT,
      received_by_name TEXT NOT NULL,
      received_at TEXT NOT NULL,
      received_on TEXT NOT NULL,
      source_device_id TEXT
    )`,
    `CREATE INDEX cash_handovers_received ON cash_handovers (received_on)`,
    `CREATE TABLE cash_handover_days (
      from_device_id TEXT NOT NULL,
      collector_staff_id TEXT NOT NULL,
      business_date TEXT NOT NULL,
      handover_id TEXT NOT NULL REFERENCES cash_handovers (id),
      PRIMARY KEY (from_device_id, collector_staff_id, business_date)
    )`,
    `CREATE TRIGGER cash_handovers_no_update BEFORE UPDATE ON cash_handovers BEGIN SELECT RAISE(ABORT, 'handovers are immutable'); END`,

    `ALTER TABLE households ADD COLUMN base_device_id TEXT`,

    `ALTER TABLE sync_state ADD COLUMN picture_state TEXT NOT NULL DEFAULT 'none' CHECK (picture_state IN ('none', 'filling', 'done'))`,
    `ALTER TABLE sync_state ADD COLUMN picture_cursor TEXT`,
    `ALTER TABLE sync_state ADD COLUMN picture_progress TEXT`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
