// The field officer's work (issue 21, ADR 0029):
// * `hamlets`: a commune's hamlets (thôn, ấp, bản, tổ dân phố …) as the supervisor keeps them,
//   one per kind and folded name in a commune; learned from address lines, edited, never deleted
//   (a hamlet no longer used is made inactive, so old records still name it).
// * `participants.hamlet_id`: the hamlet chosen on a person's record (NULL: the one the address
//   line names, if any — domain/hamlets.ts), and an index to read a commune's people by hamlet.
// * `field_assignments`: each field officer's area (communes, or hamlets of them), by username —
//   staff accounts are per device, the username is what an officer signs in with on every device.
// * `visits`: every visit's outcome, to a person or a household, made here or pulled from the
//   office's other devices (`source_device_id`); immutable like receipts.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE hamlets (
      id TEXT PRIMARY KEY,
      commune_code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('thon', 'ap', 'ban', 'to-dan-pho', 'xom', 'khu-pho', 'buon', 'lang', 'khom', 'to')),
      name TEXT NOT NULL,
      name_key TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT
    )`,
    `CREATE UNIQUE INDEX hamlets_name ON hamlets (commune_code, name_key)`,
    `ALTER TABLE participants ADD COLUMN hamlet_id TEXT`,
    `CREATE INDEX participants_commune ON participants (commune_code, hamlet_id)`,
    `CREATE TABLE field_assignments (
      username TEXT PRIMARY KEY,
      areas TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT
    )`,
    `CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      participant_id TEXT,
      household_id TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'promised', 'declined', 'not-home', 'moved', 'deceased', 'wrong-address')),
      promised_on TEXT,
      decline_reason TEXT CHECK (decline_reason IS NULL OR decline_reason IN ('cost', 'insured-elsewhere', 'distrust', 'other')),
      note TEXT,
      receipt_ids TEXT NOT NULL DEFAULT '[]',
      visited_on TEXT NOT NULL,
      visited_at TEXT NOT NULL,
      staff_id TEXT,
      staff_name TEXT NOT NULL,
      staff_username TEXT,
      source_device_id TEXT,
      CHECK ((participant_id IS NULL) <> (household_id IS NULL))
    )`,
    `CREATE INDEX visits_participant ON visits (participant_id, visited_on) WHERE participant_id IS NOT NULL`,
    `CREATE INDEX visits_household ON visits (household_id, visited_on) WHERE household_id IS NOT NULL`,
    `CREATE INDEX visits_day ON visits (visited_on, staff_username)`,
    `CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits BEGIN SELECT RAISE(ABORT, 'visits are immutable'); END`,
    `CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits BEGIN SELECT RAISE(ABORT, 'visits are never deleted'); END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
