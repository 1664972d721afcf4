// The first schema: office and device, staff, participants (+ FTS5 over folded names),
// households with ordered members, admin units, outbox and the hash-chained audit log.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE office (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      province_code TEXT NOT NULL,
      device_id TEXT NOT NULL,
      idle_lock_minutes INTEGER NOT NULL DEFAULT 10,
      created_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      full_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('supervisor', 'counter', 'field')),
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE participants (
      id TEXT PRIMARY KEY,
      full_name TEXT NOT NULL,
      name_folded TEXT NOT NULL,
      date_of_birth TEXT NOT NULL,
      sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
      ethnicity TEXT NOT NULL,
      nationality TEXT NOT NULL,
      personal_id TEXT NOT NULL UNIQUE,
      si_number TEXT,
      phone TEXT,
      province_code TEXT NOT NULL,
      commune_code TEXT NOT NULL,
      address_line TEXT NOT NULL,
      support_category TEXT NOT NULL,
      household_id TEXT,
      official_number TEXT,
      canonical_id TEXT,
      version INTEGER NOT NULL,
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX participants_name_folded ON participants (name_folded)`.execute(db);
  await sql`CREATE INDEX participants_dob_name ON participants (date_of_birth, name_folded)`.execute(db);
  await sql`CREATE INDEX participants_si_number ON participants (si_number) WHERE si_number IS NOT NULL`.execute(db);
  await sql`CREATE INDEX participants_phone ON participants (phone) WHERE phone IS NOT NULL`.execute(db);

  // External-content FTS5 over the folded name; triggers keep it in step inside each transaction.
  await sql`
    CREATE VIRTUAL TABLE participants_fts USING fts5(
      name_folded, content='participants', content_rowid='rowid', prefix='1 2 3', tokenize='unicode61'
    )`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_insert AFTER INSERT ON participants BEGIN
      INSERT INTO participants_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
    END`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_delete AFTER DELETE ON participants BEGIN
      INSERT INTO participants_fts (participants_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
    END`.execute(db);
  await sql`
    CREATE TRIGGER participants_fts_update AFTER UPDATE OF name_folded ON participants BEGIN
      INSERT INTO participants_fts (participants_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
      INSERT INTO participants_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
    END`.execute(db);

  await sql`
    CREATE TABLE households (
      id TEXT PRIMARY KEY,
      head_participant_id TEXT NOT NULL REFERENCES participants (id),
      province_code TEXT NOT NULL,
      commune_code TEXT NOT NULL,
      address_line TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE household_members (
      household_id TEXT NOT NULL REFERENCES households (id),
      participant_id TEXT NOT NULL UNIQUE REFERENCES participants (id),
      position INTEGER NOT NULL,
      PRIMARY KEY (household_id, participant_id),
      UNIQUE (household_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE admin_provinces (code TEXT PRIMARY KEY, name TEXT NOT NULL, full_name TEXT NOT NULL)`.execute(db);
  await sql`
    CREATE TABLE admin_communes (
      code TEXT PRIMARY KEY,
      province_code TEXT NOT NULL REFERENCES admin_provinces (code),
      name TEXT NOT NULL,
      full_name TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX admin_communes_province ON admin_communes (province_code, name)`.execute(db);
  await sql`
    CREATE TABLE reference_versions (kind TEXT PRIMARY KEY, version TEXT NOT NULL, loaded_at TEXT NOT NULL)`.execute(db);

  await sql`
    CREATE TABLE outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      op_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'batched', 'done')),
      batch_no INTEGER
    )`.execute(db);
  await sql`CREATE INDEX outbox_pending ON outbox (status, seq)`.execute(db);
  await sql`CREATE INDEX outbox_entity ON outbox (entity_id)`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      staff_id TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      details TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity_id)`.execute(db);
}
