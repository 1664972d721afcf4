// The root: providers (antd locale, TanStack Query, session) and the gate that picks the screen —
// first-run setup, login, or the signed-in shell (with the unlock dialog over it when locked).
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { AppProviders, appQueryClient } from './components/app-providers';
import { AppShell } from './components/app-shell';
import { useTextSize } from './components/use-text-size';
import { LoginPage } from './pages/login/login-page';
import { SetupPage } from './pages/setup/setup-page';
import { UnlockModal } from './session/unlock-modal';
import { SessionProvider, useSession } from './session/session-context';
import './styles/app.css';

// A contract error will not fix itself on retry (an internal error may).
const queryClient = appQueryClient((error) => error instanceof ApiError && error.data.code !== 'INTERNAL', 5_000);

function Gate() {
  const { state, session, locked } = useSession();
  const { t } = useTranslation();
  if (!state) {
    return (
      <div className="center-screen">
        <Spin />
        <span>{t('app.loading')}</span>
      </div>
    );
  }
  if (state.state === 'not-set-up') return <SetupPage storeFile={state.storeFile} />;
  if (state.state === 'signed-out') return <LoginPage />;
  return (
    <>
      {session ? <AppShell session={session} /> : <div className="center-screen" />}
      <UnlockModal open={locked} fullName={state.state === 'locked' ? state.fullName : ''} />
    </>
  );
}

export function App() {
  // Ctrl + / Ctrl −: the whole app re-renders at the new scale.
  useTextSize();
  return (
    <AppProviders client={queryClient}>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </AppProviders>
  );
}
