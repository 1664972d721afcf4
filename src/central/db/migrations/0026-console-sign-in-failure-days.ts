// Refused console sign-ins kept per day and name (console/sign-in-failures.ts, ADR 0044): the
// lockout rows (console_staff's count, console_unknown_name_failures) are a run's state, reset at
// each lock and forgotten after 30 quiet days; this is what a security review reads back — which
// names were tried, known or not, how often and how many locks, for 400 days.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE console_sign_in_failure_days (
    day TEXT NOT NULL,
    username TEXT NOT NULL,
    known BOOLEAN NOT NULL,
    failures INTEGER NOT NULL,
    locks INTEGER NOT NULL,
    first_at TIMESTAMPTZ NOT NULL,
    last_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (day, username))`.execute(db);
}
