// The audit trail anchored at the central (ADR 0028): how far the audit entries have gone into
// recorded batches, the central's last signed acknowledgement of the chain (JSON: deviceId, seq,
// hash, at, signature), the checkpoint the start-up check resumes from, and the breaks it found —
// each open until a supervisor settles it with a note.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_state ADD COLUMN audit_sent_seq INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE sync_state ADD COLUMN audit_ack TEXT`.execute(db);
  await sql`CREATE TABLE audit_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    checked_at TEXT NOT NULL
  )`.execute(db);
  await sql`INSERT INTO audit_checkpoint (id, seq, hash, checked_at) VALUES (1, 0, ${'0'.repeat(64)}, '')`.execute(db);
  await sql`CREATE TABLE audit_breaks (
    seq INTEGER PRIMARY KEY,
    problem TEXT NOT NULL,
    problem_en TEXT NOT NULL,
    found_at TEXT NOT NULL,
    settled_by TEXT REFERENCES staff (id),
    settled_at TEXT,
    note TEXT
  )`.execute(db);
}
