// Signed-in sessions, held in memory by the core: a restart signs everyone out, which is what an
// office PC should do. A session idle longer than the office's limit is locked, not ended: the
// same person unlocks it with their password and loses no unsaved form.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/contract/primitives';

export interface Session {
  token: string;
  staffId: string;
  role: Role;
  lastActiveMs: number;
  locked: boolean;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  /** The password check under way for each account, the next one queued behind it. */
  private readonly attempts = new Map<string, Promise<unknown>>();
  /** Sign-ins with names that are no account since the last one audited, and when that was. */
  private unknownNames = { count: 0, auditedAtMs: Number.NEGATIVE_INFINITY };

  /**
   * Counts a sign-in with a name that is no account; returns how many there were since the last
   * one audited when it is time to audit again (at most once per `everyMs`), else null.
   */
  countUnknownName(nowMs: number, everyMs: number): number | null {
    this.unknownNames.count += 1;
    if (nowMs - this.unknownNames.auditedAtMs < everyMs) return null;
    const count = this.unknownNames.count;
    this.unknownNames = { count: 0, auditedAtMs: nowMs };
    return count;
  }

  create(staffId: string, role: Role, nowMs: number): Session {
    const session: Session = { token: randomBytes(32).toString('base64url'), staffId, role, lastActiveMs: nowMs, locked: false };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Finds the session and applies the idle lock; does not mark activity. */
  peek(token: string | undefined, nowMs: number, idleLockMinutes: number): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (!session.locked && nowMs - session.lastActiveMs > idleLockMinutes * 60_000) session.locked = true;
    return session;
  }

  touch(session: Session, nowMs: number): void {
    session.lastActiveMs = nowMs;
  }

  unlock(session: Session, nowMs: number): void {
    session.locked = false;
    session.lastActiveMs = nowMs;
  }

  end(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /**
   * Runs one account's password checks one after another: a guess waits for the one before it to
   * be counted, so a hundred sent at once meet the lockout after the fifth instead of each costing
   * a memory-hard hash first. Other accounts are not held up.
   */
  async oneAttemptAtATime<T>(staffId: string, work: () => Promise<T>): Promise<T> {
    const before = this.attempts.get(staffId) ?? Promise.resolve();
    const mine = before.then(work, work);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.attempts.set(staffId, settled);
    try {
      return await mine;
    } finally {
      if (this.attempts.get(staffId) === settled) this.attempts.delete(staffId);
    }
  }

  /** Ends every session of a staff member, e.g. when a supervisor deactivates the account. */
  endAllFor(staffId: string): void {
    for (const [token, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(token);
  }
}
