// The session for the whole app: polls `session.current` every 30 s, and listens for any call
// answered with SESSION_LOCKED so the unlock dialog opens over the screen (which stays mounted:
// a half-filled form is never lost to an idle lock).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionState, SessionView } from '../../shared/contract/staff';
import { call, onSessionError } from '../api/client';
import { callKey, useCall, useQueryClient } from '../api/use-call';
import { followCoreClock } from '../components/office-time';

interface SessionContextValue {
  state: SessionState | undefined;
  /** The last active session; kept while locked so the header and screen stay in place. */
  session: SessionView | null;
  locked: boolean;
  setActive(session: SessionView): void;
  signOut(): Promise<void>;
  refresh(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const SESSION_KEY = callKey('session.current', {});

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useCall('session.current', {}, { refetchInterval: 30_000, refetchOnWindowFocus: true });
  const [session, setSession] = useState<SessionView | null>(null);
  const state = query.data;

  useEffect(() => {
    if (state?.state === 'active') followCoreClock(state.session.clock.now);
    if (state?.state === 'active') setSession(state.session);
    if (state?.state === 'signed-out' || state?.state === 'not-set-up') setSession(null);
  }, [state]);

  useEffect(
    () =>
      onSessionError((code) => {
        if (code === 'SESSION_LOCKED') {
          const prev = queryClient.getQueryData<SessionState>(SESSION_KEY);
          const who = prev?.state === 'active' ? prev.session.staff : undefined;
          const locked: SessionState = { state: 'locked', username: who?.username ?? '', fullName: who?.fullName ?? '' };
          queryClient.setQueryData(SESSION_KEY, () => locked);
        }
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }),
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      session,
      locked: state?.state === 'locked',
      setActive(next) {
        followCoreClock(next.clock.now);
        setSession(next);
        const active: SessionState = { state: 'active', session: next };
        queryClient.setQueryData(SESSION_KEY, () => active);
      },
      async signOut() {
        try {
          await call('auth.logout', {});
        } finally {
          setSession(null);
          queryClient.clear();
          const signedOut: SessionState = { state: 'signed-out' };
          queryClient.setQueryData(SESSION_KEY, () => signedOut);
          window.location.hash = '#/';
        }
      },
      refresh() {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      },
    }),
    [state, session, queryClient],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The active session's view; only for components rendered inside the signed-in shell. */
export function useActiveSession(): SessionView {
  const { session } = useSession();
  if (!session) throw new Error('useActiveSession without a session');
  return session;
}
