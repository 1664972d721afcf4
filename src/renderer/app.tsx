// The root: providers (antd locale, TanStack Query, session) and the gate that picks the screen —
// first-run setup, login, or the signed-in shell (with the unlock dialog over it when locked).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { AppShell } from './components/app-shell';
import { useTextSize } from './components/use-text-size';
import { LoginPage } from './pages/login/login-page';
import { SetupPage } from './pages/setup/setup-page';
import { UnlockModal } from './session/unlock-modal';
import { SessionProvider, useSession } from './session/session-context';
import './styles/app.css';
import { THEME } from './styles/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A contract error will not fix itself on retry; only transport trouble is retried once.
      retry: (count, error) => !(error instanceof ApiError && error.data.code !== 'INTERNAL') && count < 1,
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
  },
});

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
  const { i18n } = useTranslation();
  // Ctrl + / Ctrl −: the whole app re-renders at the new scale.
  useTextSize();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'vi');
  return (
    <ConfigProvider locale={en ? enUS : viVN} theme={{ token: THEME }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
