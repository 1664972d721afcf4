// Staff (administrator): the console's accounts, their role, whether disabled or locked after
// failed sign-ins, and their last sign-in; an administrator disables an account (not their own)
// or gives it a new password here, as `admin staff disable|password` does. Accounts are made with
// the CLI (`npm run central -- admin staff add`), which the page says. Under them, the refused
// sign-ins kept for review (sign-in-failures-table.tsx).
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../../shared/console/console-api';
import { useDisableStaff, useStaff } from '../api/console-queries';
import { formatInstant } from '../format';
import { isAdministrator, useSignedIn } from '../session/session-context';
import { useConfirmAction } from './confirm-action';
import { PageFrame } from './page-frame';
import { SignInFailuresTable } from './sign-in-failures-table';
import { StaffPasswordButton } from './staff-password-button';

export function StaffPage() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const admin = isAdministrator(signedIn);
  const staff = useStaff(admin);
  const disable = useDisableStaff();
  const { confirm, contextHolder } = useConfirmAction();
  const confirmDisable = (account: StaffRow) =>
    confirm({
      title: t('staff.disableTitle', { name: account.displayName, username: account.username }),
      content: t('staff.disableText'),
      okText: t('staff.disable'),
      danger: true,
      testId: 'confirm-disable',
      run: () => disable.mutateAsync(account.username),
    });
  return (
    <PageFrame title={t('nav.staff')} error={staff.error} testId="staff-page">
      {contextHolder}
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
          {
            title: t('staff.actions'),
            key: 'actions',
            render: (_, s) => {
              const own = s.username === signedIn?.username;
              return (
                <Space size="small" wrap>
                  <Tooltip title={own ? t('staff.notOwn') : undefined}>
                    <Button size="small" danger disabled={s.disabled || own} onClick={() => confirmDisable(s)} data-testid="staff-disable">
                      {t('staff.disable')}
                    </Button>
                  </Tooltip>
                  <StaffPasswordButton account={s} />
                </Space>
              );
            },
          },
        ]}
      />
      <SignInFailuresTable enabled={admin} />
    </PageFrame>
  );
}
