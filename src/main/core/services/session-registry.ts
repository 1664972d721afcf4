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

  /** Ends every session of a staff member, e.g. when a supervisor deactivates the account. */
  endAllFor(staffId: string): void {
    for (const [token, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(token);
  }
}
