// The providers the office app and the provincial console (src/console) both sit in: antd in the
// language the user chose (its locale and dayjs's follow i18next), antd's App for its messages, and
// TanStack Query with one retry rule — an answer that will not change is never asked again; only
// transport trouble is retried, once. Each app passes what it calls an answer and its own theme.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME } from '../styles/theme';

/** A query client that retries a failed query once, unless `isAnswer` says the server answered (refused, not found…). */
export function appQueryClient(isAnswer: (error: unknown) => boolean, staleTime: number): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: (count, error) => !isAnswer(error) && count < 1, staleTime, refetchOnWindowFocus: false },
    },
  });
}

export function AppProviders(props: { client: QueryClient; theme?: ThemeConfig['token']; children: ReactNode }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'vi');
  return (
    <ConfigProvider locale={en ? enUS : viVN} theme={{ token: props.theme ?? THEME }}>
      <AntApp>
        <QueryClientProvider client={props.client}>{props.children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
