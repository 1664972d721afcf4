// Contributions and receipts: enrollments in a scheme, contribution records with the breakdown
// and reference version they were computed with, gap-free receipt numbers per series, and voids
// as records of their own (a receipt row is never changed or deleted).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reference_schedules (
      version TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      loaded_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE enrollments (
      id TEXT PRIMARY KEY,
      participant_id TEXT NOT NULL REFERENCES participants (id),
      scheme TEXT NOT NULL CHECK (scheme IN ('VSI', 'HHI')),
      method TEXT NOT NULL,
      income_basis INTEGER,
      from_month TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('active', 'stopped')),
      version INTEGER NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (participant_id, scheme)
    )`.execute(db);

  await sql`
    CREATE TABLE receipt_series (
      series TEXT PRIMARY KEY,
      next_number INTEGER NOT NULL CHECK (next_number >= 1)
    )`.execute(db);

  await sql`
    CREATE TABLE contributions (
      id TEXT PRIMARY KEY,
      participant_id TEXT NOT NULL REFERENCES participants (id),
      household_id TEXT,
      scheme TEXT NOT NULL CHECK (scheme IN ('VSI', 'HHI')),
      method TEXT NOT NULL,
      from_month TEXT NOT NULL,
      to_month TEXT NOT NULL,
      months INTEGER NOT NULL CHECK (months > 0),
      income_basis INTEGER,
      paid_on TEXT NOT NULL,
      total INTEGER NOT NULL CHECK (total >= 0),
      supported_months INTEGER NOT NULL DEFAULT 0,
      lines TEXT NOT NULL,
      reference_version TEXT NOT NULL,
      collector_staff_id TEXT NOT NULL REFERENCES staff (id),
      receipt_id TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX contributions_participant ON contributions (participant_id, scheme, to_month)`.execute(db);

  await sql`
    CREATE TABLE receipts (
      id TEXT PRIMARY KEY,
      series TEXT NOT NULL REFERENCES receipt_series (series),
      number INTEGER NOT NULL,
      contribution_id TEXT NOT NULL UNIQUE REFERENCES contributions (id),
      participant_id TEXT NOT NULL REFERENCES participants (id),
      payer_name TEXT NOT NULL,
      payer_personal_id TEXT NOT NULL,
      payer_address TEXT NOT NULL,
      scheme TEXT NOT NULL,
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL,
      months INTEGER NOT NULL,
      amount INTEGER NOT NULL,
      amount_words TEXT NOT NULL,
      collector_staff_id TEXT NOT NULL,
      collector_name TEXT NOT NULL,
      office_name TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      business_date TEXT NOT NULL,
      UNIQUE (series, number)
    )`.execute(db);
  await sql`CREATE INDEX receipts_day ON receipts (business_date, collector_staff_id)`.execute(db);

  await sql`
    CREATE TABLE receipt_voids (
      id TEXT PRIMARY KEY,
      receipt_id TEXT NOT NULL UNIQUE REFERENCES receipts (id),
      reason TEXT NOT NULL,
      voided_by TEXT NOT NULL REFERENCES staff (id),
      voided_at TEXT NOT NULL,
      business_date TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE receipt_prints (
      id TEXT PRIMARY KEY,
      receipt_id TEXT NOT NULL REFERENCES receipts (id),
      printed_by TEXT,
      printed_at TEXT NOT NULL,
      copy INTEGER NOT NULL
    )`.execute(db);

  // Day-end: a closed business date takes no more receipts on this device until a supervisor
  // reopens it (both audited). Per-collector counts are kept as the supervisor confirmed them.
  await sql`
    CREATE TABLE day_closures (
      business_date TEXT PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('closed', 'reopened')),
      closed_by TEXT NOT NULL REFERENCES staff (id),
      closed_at TEXT NOT NULL,
      summary TEXT NOT NULL,
      reopened_by TEXT,
      reopened_at TEXT,
      reopen_reason TEXT
    )`.execute(db);

  // Receipts and their voids are immutable records: the database itself refuses edits.
  await sql`CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are immutable'); END`.execute(db);
  await sql`CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are never deleted'); END`.execute(db);
  await sql`CREATE TRIGGER receipt_voids_no_update BEFORE UPDATE ON receipt_voids BEGIN SELECT RAISE(ABORT, 'voids are immutable'); END`.execute(db);
  await sql`CREATE TRIGGER receipt_voids_no_delete BEFORE DELETE ON receipt_voids BEGIN SELECT RAISE(ABORT, 'voids are never deleted'); END`.execute(db);
}
