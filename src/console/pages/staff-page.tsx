// Staff (administrator): the console's accounts, their role, whether disabled or locked after
// failed sign-ins, and their last sign-in. Accounts are made and changed with the CLI
// (`npm run central -- admin staff add`), which the page says.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../../shared/console/console-api';
import { useStaff } from '../api/console-queries';
import { formatInstant } from '../format';
import { isAdministrator, useSignedIn } from '../session/session-context';
import { PageFrame } from './page-frame';

export function StaffPage() {
  const { t } = useTranslation();
  const admin = isAdministrator(useSignedIn());
  const staff = useStaff(admin);
  return (
    <PageFrame title={t('nav.staff')} error={staff.error} testId="staff-page">
      <Typography.Paragraph type="secondary">
        {t('staff.intro')} <code>npm run central -- admin staff add</code>
      </Typography.Paragraph>
      <Table<StaffRow>
        size="small"
        rowKey="username"
        loading={staff.isLoading}
        dataSource={staff.data?.staff ?? []}
        pagination={false}
        onRow={() => ({ 'data-testid': 'staff-row' }) as never}
        columns={[
          { title: t('staff.username'), dataIndex: 'username', render: (v: string) => <code>{v}</code> },
          { title: t('staff.displayName'), dataIndex: 'displayName' },
          { title: t('staff.role'), dataIndex: 'role', render: (r: StaffRow['role']) => t(`role.${r}`) },
          {
            title: t('staff.state'),
            key: 'state',
            render: (_, s) =>
              s.disabled ? (
                <Tag>{t('staff.disabled')}</Tag>
              ) : s.lockedUntil && Date.parse(s.lockedUntil) > Date.now() ? (
                <Tag color="error">{t('staff.lockedUntil', { at: formatInstant(s.lockedUntil) })}</Tag>
              ) : (
                <Tag color="success">{t('staff.active')}</Tag>
              ),
          },
          { title: t('staff.lastSignIn'), dataIndex: 'lastSignInAt', render: (v: string | null) => formatInstant(v) },
        ]}
      />
    </PageFrame>
  );
}
