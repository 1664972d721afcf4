// Fraud signals at the central (issue 22 item 5): one row per finding, keyed so that recomputing
// (after each batch, and nightly) updates it rather than adding another; its evidence as found last;
// cleared when the detector no longer finds it, and a reviewer's note when looked into.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE fraud_signals (
      key TEXT PRIMARY KEY, kind TEXT NOT NULL, office_code TEXT NOT NULL, device_id TEXT, staff_id TEXT, evidence JSONB NOT NULL,
      first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL, cleared_at TIMESTAMPTZ, reviewed_at TIMESTAMPTZ, review_note TEXT)`,
    `CREATE INDEX fraud_signals_office ON fraud_signals (office_code, kind) WHERE cleared_at IS NULL`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
