// Refused console sign-ins, kept per day (UTC+7) and name for a security review (ADR 0044). The
// lockout's own rows are a run's state — an account's count goes back to 0 at each lock and at a
// good sign-in, an unknown name's row is forgotten after 30 quiet days — so without this nothing
// would say, a month later, that someone spent a night guessing at "admin" or at a reviewer's name.
// Each refusal (wrong password, unknown name, locked, disabled) adds one to its day's row; the one
// that locks the name adds a lock. Kept 400 days (a year's review and a month's slack), swept by the
// refusals themselves. A name an attacker makes up is theirs to choose, so a day keeps at most
// NAMES_PER_DAY unknown names by name and sums the rest in one OTHER_NAMES row: the table cannot be
// grown without bound by guessing. Accounts' names are always kept (there are only so many).
import { type Kysely, sql } from 'kysely';
import type { CentralDb } from '../db/schema';
import { daysBefore } from './console-overview';

export const FAILURE_DAYS_KEPT = 400;
export const NAMES_PER_DAY = 100;
/** The row of a day's unknown names past NAMES_PER_DAY. */
export const OTHER_NAMES = '*';

export interface SignInFailureDay {
  day: string;
  username: string;
  known: boolean;
  failures: number;
  locks: number;
  firstAt: string;
  lastAt: string;
}

/** One refused sign-in under `name` (an account's when `known`); `locked`: this refusal locked the name. */
export async function recordSignInFailure(db: Kysely<CentralDb>, name: string, known: boolean, locked: boolean, now: Date): Promise<void> {
  const day = daysBefore(now, 0);
  const lock = locked ? 1 : 0;
  // One statement: the name's row if it has one, a new row while the day has room, else the day's
  // "other names" row (concurrent refusals may pass the cap by a few; never by more than they are).
  await sql`
    INSERT INTO console_sign_in_failure_days AS f (day, username, known, failures, locks, first_at, last_at)
    SELECT ${day}::text,
           CASE WHEN ${known}::boolean
                  OR EXISTS (SELECT 1 FROM console_sign_in_failure_days WHERE day = ${day}::text AND username = ${name}::text)
                  OR (SELECT count(*) FROM console_sign_in_failure_days WHERE day = ${day}::text AND NOT known) < ${NAMES_PER_DAY}
                THEN ${name}::text ELSE ${OTHER_NAMES}::text END,
           ${known}::boolean, 1, ${lock}::integer, ${now}::timestamptz, ${now}::timestamptz
    ON CONFLICT (day, username) DO UPDATE SET
      failures = f.failures + 1,
      locks = f.locks + ${lock},
      last_at = GREATEST(f.last_at, EXCLUDED.last_at)`.execute(db);
  if (Math.random() < 0.01) await forgetOldFailureDays(db, now);
}

/** Days older than FAILURE_DAYS_KEPT are dropped. */
export async function forgetOldFailureDays(db: Kysely<CentralDb>, now: Date): Promise<number> {
  const gone = await db.deleteFrom('consoleSignInFailureDays').where('day', '<', daysBefore(now, FAILURE_DAYS_KEPT)).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** The last `days` days' refused sign-ins, newest day first, the most tried names first. */
export async function listSignInFailures(db: Kysely<CentralDb>, now: Date, days: number): Promise<SignInFailureDay[]> {
  const rows = await db
    .selectFrom('consoleSignInFailureDays')
    .selectAll()
    .where('day', '>', daysBefore(now, days))
    .orderBy('day', 'desc')
    .orderBy('failures', 'desc')
    .orderBy('username')
    .execute();
  return rows.map((r) => ({ ...r, known: Boolean(r.known), firstAt: new Date(r.firstAt).toISOString(), lastAt: new Date(r.lastAt).toISOString() }));
}
