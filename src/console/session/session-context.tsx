// Who is signed in to the console, and the idle lock: after `idleTimeoutSeconds` without a key, a
// click or a scroll the page locks — its data is dropped from memory, the session is ended at the
// central, and the password is asked again. A 401 SESSION_EXPIRED from any call locks it the same
// way. While the person works without calling the central (reading a long list), the session is
// kept alive by a light GET of the session at most every third of the idle time.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ok, type SessionInfo, sessionInfo } from '../../shared/console/console-api';
import { consoleCall, isConsoleError, onSessionExpired } from '../api/console-client';

export type SessionState = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; session: SessionInfo; locked: boolean };

interface SessionApi {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  lock(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });
  const lastUse = useRef(Date.now());
  const lastPing = useRef(Date.now());

  useEffect(() => {
    consoleCall('/session', sessionInfo)
      .then((session) => setState({ kind: 'signed-in', session, locked: false }))
      .catch(() => setState({ kind: 'signed-out' }));
  }, []);

  const lock = useCallback(() => {
    setState((s) => (s.kind === 'signed-in' && !s.locked ? { ...s, locked: true } : s));
    client.clear();
    // The central ends it at the same idle time anyway; ending it now leaves nothing open behind a locked screen.
    void consoleCall('/session', ok, { method: 'DELETE' }).catch(() => undefined);
  }, [client]);

  useEffect(() => onSessionExpired(lock), [lock]);

  const signedIn = state.kind === 'signed-in' && !state.locked ? state.session : null;
  useEffect(() => {
    if (!signedIn) return;
    const idleMs = signedIn.idleTimeoutSeconds * 1000;
    lastUse.current = Date.now();
    lastPing.current = Date.now();
    const used = () => {
      lastUse.current = Date.now();
      if (Date.now() - lastPing.current > idleMs / 3) {
        lastPing.current = Date.now();
        void consoleCall('/session', sessionInfo).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, used, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastUse.current >= idleMs) lock();
    }, 1000);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, used, { capture: true });
      window.clearInterval(timer);
    };
  }, [signedIn, lock]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await consoleCall('/session', sessionInfo, { method: 'POST', body: { username, password } });
      client.clear();
      setState({ kind: 'signed-in', session, locked: false });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await consoleCall('/session', ok, { method: 'DELETE' });
    } catch (error) {
      // Already ended (expired, or ended by the lock): signed out all the same.
      if (!isConsoleError(error)) throw error;
    }
    client.clear();
    setState({ kind: 'signed-out' });
  }, [client]);

  const api = useMemo(() => ({ state, signIn, signOut, lock }), [state, signIn, signOut, lock]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in person; only under the signed-in layout. */
export function useSignedIn(): SessionInfo {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('useSignedIn while signed out');
  return state.session;
}

export const isAdministrator = (session: SessionInfo) => session.role === 'administrator';
