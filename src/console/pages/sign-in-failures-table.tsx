// The refused sign-ins of the last 30 days on the staff page (administrator; ADR 0044): per day
// and name, whether the name is an account, how many refusals and locks, the last one. The lockout
// forgets a name; this is what an administrator reads to see who was being guessed at, and since
// when. Older days (kept 400) are read with `admin staff failures --days N`.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignInFailureRow } from '../../shared/console/console-api';
import { useSignInFailures } from '../api/console-queries';
import { formatDate, formatInstant } from '../format';

export function SignInFailuresTable({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const failures = useSignInFailures(enabled);
  return (
    <section data-testid="sign-in-failures">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {t('failures.title', { days: failures.data?.days ?? 30 })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('failures.intro')} <code>npm run central -- admin staff failures --days 400</code>
      </Typography.Paragraph>
      <Table<SignInFailureRow>
        size="small"
        rowKey={(f) => `${f.day}:${f.username}`}
        loading={failures.isLoading}
        dataSource={failures.data?.failures ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('failures.none') }}
        onRow={() => ({ 'data-testid': 'failure-row' }) as never}
        columns={[
          { title: t('failures.day'), dataIndex: 'day', className: 'nowrap', render: (v: string) => formatDate(v) },
          {
            title: t('failures.username'),
            key: 'username',
            render: (_, f) => (f.username === '*' ? <em>{t('failures.others')}</em> : <code>{f.username}</code>),
          },
          {
            title: t('failures.known'),
            dataIndex: 'known',
            render: (known: boolean) => (known ? <Tag color="warning">{t('failures.known')}</Tag> : <Tag>{t('failures.unknown')}</Tag>),
          },
          { title: t('failures.failures'), dataIndex: 'failures', align: 'right' },
          { title: t('failures.locks'), dataIndex: 'locks', align: 'right' },
          { title: t('failures.last'), dataIndex: 'lastAt', render: (v: string) => formatInstant(v) },
        ]}
      />
    </section>
  );
}
