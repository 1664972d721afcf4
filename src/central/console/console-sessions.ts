// Console sessions kept in the database (ADR 0032), so any central process behind a load balancer
// serves any request: a random 256-bit token goes to the browser in the cookie, only its SHA-256
// is stored. A session ends after the idle timeout without a request, at its absolute lifetime, at
// sign-out, and when its account is disabled or given a new password.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsoleRole } from '../../shared/console/console-api';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';

export interface SessionPolicy {
  /** Ends a session not used for this long (default 15 minutes). */
  idleTimeoutSeconds: number;
  /** Ends any session this long after sign-in (default 12 hours). */
  lifetimeSeconds: number;
}

export interface ConsoleSession {
  username: string;
  displayName: string;
  role: ConsoleRole;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new session for the account: the token for the cookie. */
export async function startSession(db: Kysely<CentralDb>, username: string, policy: SessionPolicy, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('consoleSessions')
    .values({ tokenHash: hashOf(token), username, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.lifetimeSeconds * 1000) })
    .execute();
  // Now and then, the sessions long over are swept (one statement, any process).
  if (Math.random() < 0.05) await db.deleteFrom('consoleSessions').where('expiresAt', '<', now).execute();
  return token;
}

/** No session cookie at all: the same code as an ended session, so an open page (signed out in another tab) locks itself as it does then. */
export const signedOut = () =>
  new CentralError(401, 'SESSION_EXPIRED', 'Bạn chưa đăng nhập hoặc đã đăng xuất; hãy đăng nhập.', 'You are not signed in, or have signed out; sign in.');
export const sessionExpired = () =>
  new CentralError(401, 'SESSION_EXPIRED', 'Phiên làm việc đã hết hạn; hãy đăng nhập lại.', 'The session has expired; sign in again.');

/** The session's account (its current role), the session touched; 401 SESSION_EXPIRED otherwise. */
export async function useSession(db: Kysely<CentralDb>, token: string | undefined, policy: SessionPolicy, now: Date): Promise<ConsoleSession> {
  if (!token) throw signedOut();
  const tokenHash = hashOf(token);
  const row = await db
    .selectFrom('consoleSessions')
    .innerJoin('consoleStaff', 'consoleStaff.username', 'consoleSessions.username')
    .select([
      'consoleSessions.lastSeenAt',
      'consoleSessions.expiresAt',
      'consoleStaff.username',
      'consoleStaff.displayName',
      'consoleStaff.role',
      'consoleStaff.disabled',
    ])
    .where('consoleSessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) throw sessionExpired();
  const idle = now.getTime() - new Date(row.lastSeenAt).getTime() > policy.idleTimeoutSeconds * 1000;
  if (idle || now.getTime() >= new Date(row.expiresAt).getTime() || row.disabled) {
    await db.deleteFrom('consoleSessions').where('tokenHash', '=', tokenHash).execute();
    throw sessionExpired();
  }
  await db.updateTable('consoleSessions').set({ lastSeenAt: now }).where('tokenHash', '=', tokenHash).execute();
  return { username: row.username, displayName: row.displayName, role: row.role };
}

export async function endSession(db: Kysely<CentralDb>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('consoleSessions').where('tokenHash', '=', hashOf(token)).execute();
}
