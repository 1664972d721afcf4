// What every console page has: its title (the page's h1), its tools on the right, the error of its
// data in words, and its content.
import { Alert, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';

export function PageFrame({
  title,
  extra,
  error,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  error?: unknown;
  children: ReactNode;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {error ? <Alert type="error" showIcon role="alert" title={errorText(t, error, i18n.language)} style={{ marginBottom: 12 }} /> : null}
      {children}
    </section>
  );
}

/** Table rows that open something on a click or on Enter (keyboard-first). */
export function openableRow(open: () => void, label: string) {
  return {
    onClick: open,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter') open();
    },
    tabIndex: 0,
    role: 'link',
    'aria-label': label,
    style: { cursor: 'pointer' },
  };
}
