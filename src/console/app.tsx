// The console's root: antd (the office app's theme and locale), TanStack Query, the console's own
// i18n and the session, and the gate that picks the screen — loading, sign-in, the lock screen
// (nothing of the data behind it), or the signed-in layout.
import { Spin } from 'antd';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AppProviders, appQueryClient } from '../renderer/components/app-providers';
import { THEME } from '../renderer/styles/theme';
import { ConsoleError } from './api/console-client';
import { consoleI18n } from './i18n/setup';
import { ConsoleLayout } from './layout/console-layout';
import { SessionProvider, useSession } from './session/session-context';
import { LockScreen, SignInPage } from './session/sign-in-page';
import './console.css';

// An answer of the central (refused, not found, expired) will not change on retry; a lost connection may.
const queryClient = appQueryClient((error) => error instanceof ConsoleError && error.status > 0 && error.status < 500, 10_000);

/** The office app's theme, with light status backgrounds under which its dark status texts keep a 4.5:1 contrast. */
const TOKENS = {
  ...THEME,
  colorSuccessBg: '#eef7e8',
  colorSuccessBorder: '#a9d18e',
  colorWarning: '#8f5600',
  colorWarningBg: '#fff7e6',
  colorWarningBorder: '#ffd591',
};

function Gate() {
  const { state } = useSession();
  const { t } = useTranslation();
  if (state.kind === 'loading') {
    return (
      <div className="console-door">
        <Spin />
        <span>{t('app.loading')}</span>
      </div>
    );
  }
  if (state.kind === 'signed-out') return <SignInPage />;
  if (state.locked) return <LockScreen username={state.session.username} displayName={state.session.displayName} />;
  return <ConsoleLayout />;
}

export function ConsoleApp() {
  return (
    <I18nextProvider i18n={consoleI18n}>
      <AppProviders client={queryClient} theme={TOKENS}>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </AppProviders>
    </I18nextProvider>
  );
}
