// The provincial console's staff accounts (issue 22 item 6, ADR 0032): name, role, an scrypt hash
// with its salt and parameters, a disabled flag, the failures in a row and the lockout they set,
// the last sign-in. Also what the console adds to what it shows: who reviewed a fraud finding and
// the reviews of its earlier occurrences, and when the central received each payment.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE console_staff (
      username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('reviewer', 'administrator')),
      password_hash TEXT NOT NULL, disabled BOOLEAN NOT NULL DEFAULT false, failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TIMESTAMPTZ, last_sign_in_at TIMESTAMPTZ, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    `ALTER TABLE fraud_signals ADD COLUMN reviewed_by TEXT`,
    `ALTER TABLE fraud_signals ADD COLUMN previous_reviews JSONB NOT NULL DEFAULT '[]'::jsonb`,
    // When the central received a payment: the batch's transaction time for every new row. Rows
    // from before take their audit entry's receipt time, else the start of their payment date (UTC+7).
    `ALTER TABLE contributions ADD COLUMN received_at TIMESTAMPTZ`,
    // One join, not a look-up per row: a province's table holds millions of payments.
    `UPDATE contributions c SET received_at = a.received_at
     FROM (SELECT device_id, entity_id, min(received_at) AS received_at FROM audit_entries
           WHERE action = 'contribution.record' GROUP BY device_id, entity_id) a
     WHERE a.device_id = c.device_id AND a.entity_id = c.id`,
    `UPDATE contributions SET received_at = (paid_on || 'T00:00:00+07:00')::timestamptz WHERE received_at IS NULL`,
    `ALTER TABLE contributions ALTER COLUMN received_at SET DEFAULT now()`,
    `ALTER TABLE contributions ALTER COLUMN received_at SET NOT NULL`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
