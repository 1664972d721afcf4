// Sync state on the device: enrollment with the central service, batches recorded before they are
// sent (so a retry resends the same batch), per-operation results, the pull cursor, and the
// sync-issues inbox where rejected, held and conflicting items wait for a supervisor's decision.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      central_url TEXT,
      central_device_id TEXT,
      public_key TEXT,
      central_public_key TEXT,
      enrolled_at TEXT,
      next_batch_no INTEGER NOT NULL DEFAULT 1,
      pull_cursor TEXT,
      last_push_at TEXT,
      last_pull_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT
    )`.execute(db);
  await sql`INSERT INTO sync_state (id) VALUES (1)`.execute(db);

  await sql`
    CREATE TABLE sync_batches (
      batch_no INTEGER PRIMARY KEY,
      body TEXT NOT NULL,
      op_count INTEGER NOT NULL,
      first_seq INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      sent_at TEXT,
      via TEXT,
      applied_at TEXT,
      summary TEXT
    )`.execute(db);

  await sql`
    CREATE TABLE sync_results (
      op_id TEXT PRIMARY KEY,
      batch_no INTEGER NOT NULL,
      status TEXT NOT NULL,
      result TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE sync_issues (
      id TEXT PRIMARY KEY,
      op_id TEXT,
      kind TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      class TEXT NOT NULL,
      code TEXT NOT NULL,
      message TEXT NOT NULL,
      message_en TEXT NOT NULL,
      details TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('open', 'resolved')),
      resolution TEXT,
      resolution_note TEXT,
      resolved_by TEXT,
      resolved_at TEXT,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sync_issues_state ON sync_issues (state, created_at)`.execute(db);
}
