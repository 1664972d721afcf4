// The signed-in console: a side menu of the pages (Alt+1…9 open them from anywhere), a header with
// who is signed in, their role, the language and sign-out, and the page of the current hash route.
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../renderer/routing/hash-router';
import { isAdministrator, useSession, useSignedIn } from '../session/session-context';
import { AuditHeadsPage } from '../pages/audit-heads-page';
import { CollectorsPage } from '../pages/collectors-page';
import { DevicesPage } from '../pages/devices-page';
import { HeldPage } from '../pages/held-page';
import { OfficesPage } from '../pages/offices-page';
import { ReceiptsPage } from '../pages/receipts-page';
import { SignalsPage } from '../pages/signals-page';
import { StaffPage } from '../pages/staff-page';
import { VerifyPage } from '../pages/verify-page';
import { LanguageSwitch } from './language-switch';
import { SignInAlert } from './sign-in-alert';

const PAGES = {
  offices: OfficesPage,
  devices: DevicesPage,
  held: HeldPage,
  signals: SignalsPage,
  receipts: ReceiptsPage,
  collectors: CollectorsPage,
  verify: VerifyPage,
  audit: AuditHeadsPage,
  staff: StaffPage,
} as const;
type PageName = keyof typeof PAGES;

export function ConsoleLayout() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const { signOut } = useSession();
  const route = useRoute();
  const names = (Object.keys(PAGES) as PageName[]).filter((name) => name !== 'staff' || isAdministrator(session));
  const first = route.segments[0] as PageName | undefined;
  const current: PageName = first && names.includes(first) ? first : 'offices';
  const Page = PAGES[current];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const name = names[index];
      if (name) {
        event.preventDefault();
        navigate(name);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [names]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="console-header">
        <Typography.Text strong className="console-title">
          {t('app.title')}
        </Typography.Text>
        <Space size="middle">
          <span data-testid="signed-in-as">
            {session.displayName} <Tag color={isAdministrator(session) ? 'blue' : 'default'}>{t(`role.${session.role}`)}</Tag>
          </span>
          <LanguageSwitch />
          <Button onClick={() => void signOut()} data-testid="sign-out">
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={210} theme="light" className="console-sider">
          <nav aria-label={t('app.menu')}>
            <Menu
              mode="inline"
              selectedKeys={[current]}
              items={names.map((name, i) => ({
                key: name,
                label: (
                  <a href={`#/${name}`} data-testid={`nav-${name}`} aria-keyshortcuts={`Alt+${i + 1}`}>
                    {t(`nav.${name}`)}
                  </a>
                ),
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="console-content">
          {isAdministrator(session) && <SignInAlert />}
          <Page key={current} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
