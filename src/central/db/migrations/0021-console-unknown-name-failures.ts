// Failed console sign-ins under names that are no account (console/staff-accounts.ts): counted
// and locked by name as an account's are, so an attacker rotating addresses gets five guesses at
// a name, whether or not it exists, and learns nothing from the answer. No account is made.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE console_unknown_name_failures (
    username TEXT PRIMARY KEY,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    last_failed_at TIMESTAMPTZ NOT NULL)`.execute(db);
  // The sweep of names not tried for a long time reads by this.
  await sql`CREATE INDEX console_unknown_name_failures_last ON console_unknown_name_failures (last_failed_at)`.execute(db);
}
