// The central schema: offices and devices, batches and per-operation results (the exactly-once
// record), the national person register with aliases for duplicates, households, contributions
// with receipts unique per series, voids, day closures, held items and the change feed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE offices (code TEXT PRIMARY KEY, name TEXT NOT NULL, parent_code TEXT, province_code TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE TABLE enrollment_codes (code TEXT PRIMARY KEY, office_code TEXT NOT NULL REFERENCES offices (code), created_at TIMESTAMPTZ NOT NULL DEFAULT now(), used_at TIMESTAMPTZ, device_id TEXT)`,
    `CREATE TABLE devices (
      id TEXT PRIMARY KEY, office_code TEXT NOT NULL REFERENCES offices (code), public_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(), revoked_at TIMESTAMPTZ, next_batch_no INTEGER NOT NULL DEFAULT 1, last_seq BIGINT NOT NULL DEFAULT 0)`,
    `CREATE TABLE batches (
      device_id TEXT NOT NULL REFERENCES devices (id), batch_no INTEGER NOT NULL, body_hash TEXT NOT NULL, response JSONB NOT NULL,
      op_count INTEGER NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (device_id, batch_no))`,
    `CREATE TABLE ops (
      op_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, batch_no INTEGER NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL,
      payload_hash TEXT NOT NULL, status TEXT NOT NULL, result JSONB NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE SEQUENCE official_number_seq`,
    `CREATE TABLE persons (
      id TEXT PRIMARY KEY, official_number TEXT NOT NULL UNIQUE, personal_id TEXT NOT NULL UNIQUE, full_name TEXT NOT NULL,
      name_folded TEXT NOT NULL, date_of_birth TEXT NOT NULL, province_code TEXT NOT NULL, office_code TEXT NOT NULL,
      data JSONB NOT NULL, version INTEGER NOT NULL, origin_device_id TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE INDEX persons_dob_name ON persons (date_of_birth, name_folded)`,
    `CREATE TABLE person_aliases (local_id TEXT PRIMARY KEY, canonical_id TEXT NOT NULL REFERENCES persons (id), device_id TEXT NOT NULL)`,
    `CREATE TABLE households (id TEXT PRIMARY KEY, head_id TEXT NOT NULL, member_ids JSONB NOT NULL, data JSONB NOT NULL, office_code TEXT NOT NULL, version INTEGER NOT NULL)`,
    `CREATE TABLE enrollments (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, scheme TEXT NOT NULL, data JSONB NOT NULL)`,
    `CREATE TABLE contributions (
      id TEXT PRIMARY KEY, person_id TEXT NOT NULL, scheme TEXT NOT NULL, from_month TEXT NOT NULL, months INTEGER NOT NULL,
      paid_on TEXT NOT NULL, total BIGINT NOT NULL, receipt_id TEXT NOT NULL UNIQUE, receipt_series TEXT NOT NULL,
      receipt_number INTEGER NOT NULL, office_code TEXT NOT NULL, device_id TEXT NOT NULL, data JSONB NOT NULL,
      UNIQUE (receipt_series, receipt_number))`,
    `CREATE INDEX contributions_person ON contributions (person_id)`,
    `CREATE TABLE receipt_voids (receipt_id TEXT PRIMARY KEY REFERENCES contributions (receipt_id), data JSONB NOT NULL)`,
    `CREATE TABLE day_closures (device_id TEXT NOT NULL, business_date TEXT NOT NULL, data JSONB NOT NULL, PRIMARY KEY (device_id, business_date))`,
    `CREATE TABLE held_items (op_id TEXT PRIMARY KEY, class TEXT NOT NULL, kind TEXT NOT NULL, payload JSONB NOT NULL, device_id TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'open', created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE TABLE reference_schedules (version TEXT PRIMARY KEY, body JSONB NOT NULL, loaded_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)`,
    `INSERT INTO change_counter (id, value) VALUES (1, 0)`,
    `CREATE TABLE changes (seq BIGINT PRIMARY KEY, kind TEXT NOT NULL, province_code TEXT, origin_device_id TEXT, payload JSONB NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `CREATE INDEX changes_province ON changes (province_code, seq)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
