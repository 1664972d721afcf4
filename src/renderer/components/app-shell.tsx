// The signed-in frame: the header (office, user and role, navigation, language, sign out) and the
// screen chosen by the hash route. Supervisor-only screens are hidden from other roles (the core
// refuses them anyway).
import { Button, Layout, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/contract/staff';
import { setLanguage } from '../i18n/setup';
import { CollectPage } from '../pages/collect/collect-page';
import { DayEndPage } from '../pages/day-end/day-end-page';
import { DayReportPage } from '../pages/day-report/day-report-page';
import { DayReceiptsPage } from '../pages/day-receipts/day-receipts-page';
import { HouseholdPage } from '../pages/household/household-page';
import { PersonPage } from '../pages/person/person-page';
import { PersonFormPage } from '../pages/person-form/person-form-page';
import { ReceiptPage } from '../pages/receipt/receipt-page';
import { LanguageSegmented } from './language-segmented';
import { UpdateBanner, useFormActivity } from './update-banner';
import { ReceiptSetPage } from '../pages/receipt/receipt-set-page';
import { SearchPage } from '../pages/search/search-page';
import { StaffPage } from '../pages/staff/staff-page';
import { SyncIssuesPage } from '../pages/sync/sync-issues-page';
import { SyncPage } from '../pages/sync/sync-page';
import { AreaPage } from '../pages/area/area-page';
import { RouteSheetPage } from '../pages/field/route-sheet-page';
import { VisitListPage } from '../pages/field/visit-list-page';
import { href, useRoute, type Route } from '../routing/hash-router';
import { useSession } from '../session/session-context';
import { AuditPage } from '../pages/audit/audit-page';
import { VerifyPage } from '../pages/verify/verify-page';
import { AuditAlert } from './audit-alert';
import { BackupReminder } from './backup-reminder';
import { SyncStatusBadge } from './sync-status';

function Screen({ route, session }: { route: Route; session: SessionView }) {
  const [first, id, action] = route.segments;
  const supervisor = session.staff.role === 'supervisor';
  // Visit lists are for field officers and supervisors, not counter staff (the core refuses them too).
  const fieldWork = supervisor || session.staff.role === 'field';
  const field = session.staff.role === 'field';
  switch (first) {
    case undefined:
      return <SearchPage />;
    case 'new': {
      // From a household ("register a new member"): the new person joins it once saved.
      const household = route.params.get('household');
      return household ? <PersonFormPage key={`new-${household}`} joinHousehold={household} /> : <PersonFormPage key="new" />;
    }
    case 'person':
      if (!id) break;
      if (action === 'edit') return <PersonFormPage key={`edit-${id}`} participantId={id} />;
      if (action === 'collect') return <CollectPage key={`collect-${id}`} participantId={id} />;
      return <PersonPage key={id} participantId={id} />;
    case 'household':
      if (id) return <HouseholdPage key={id} householdId={id} />;
      break;
    case 'receipt':
      if (id) return <ReceiptPage key={id} receiptId={id} />;
      break;
    case 'receipt-set':
      if (id) return <ReceiptSetPage key={id} receiptIds={id.split(',')} />;
      break;
    case 'receipts':
      return <DayReceiptsPage />;
    case 'day-end':
      // A field officer closes their own laptop's day (issue 20 item 5).
      if (supervisor || field) return <DayEndPage />;
      break;
    case 'day-report':
      if (supervisor && id) return <DayReportPage key={id} businessDate={id} />;
      break;
    case 'staff':
      if (supervisor) return <StaffPage />;
      break;
    case 'visits':
      if (fieldWork) return <VisitListPage session={session} />;
      break;
    case 'route-sheet':
      if (fieldWork) return <RouteSheetPage key={route.params.toString()} params={route.params} />;
      break;
    case 'area':
      if (supervisor) return <AreaPage session={session} />;
      break;
    case 'sync':
      if (supervisor) return <SyncPage />;
      break;
    case 'sync-issues':
      if (supervisor) return <SyncIssuesPage />;
      break;
    case 'verify':
      return <VerifyPage key={route.params.get('p') ?? ''} initial={route.params.get('p') ?? undefined} />;
    case 'audit':
      if (supervisor) return <AuditPage />;
      break;
  }
  return <SearchPage />;
}

export function AppShell({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const { signOut } = useSession();
  const route = useRoute();
  const supervisor = session.staff.role === 'supervisor';
  const fieldWork = supervisor || session.staff.role === 'field';
  const nav = [
    { key: '', label: t('nav.search'), show: true },
    { key: 'visits', label: t('field.nav'), show: fieldWork },
    { key: 'receipts', label: t('nav.dayReceipts'), show: true },
    { key: 'day-end', label: t('nav.dayEnd'), show: supervisor || session.staff.role === 'field' },
    { key: 'area', label: t('area.nav'), show: supervisor },
    { key: 'staff', label: t('nav.staff'), show: supervisor },
    { key: 'sync', label: t('nav.sync'), show: supervisor },
    { key: 'verify', label: t('verify.nav'), show: true },
    { key: 'audit', label: t('audit.nav'), show: supervisor },
  ];
  const active = route.segments[0] ?? '';
  useFormActivity(route.segments);
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header no-print">
        <div className="app-header-office" data-testid="header-office">
          <Typography.Text strong className="header-text" title={session.office.name}>
            {session.office.name}
          </Typography.Text>
          <Typography.Text className="header-sub">{session.office.code}</Typography.Text>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          {nav
            .filter((n) => n.show)
            .map((n) => (
              <a key={n.key} href={href(...(n.key ? [n.key] : []))} className={active === n.key ? 'active' : ''}>
                {n.label}
              </a>
            ))}
        </nav>
        <Space className="app-header-user" size="middle">
          <span data-testid="header-user" className="header-text">
            <span className="header-user-name">{session.staff.fullName}</span> <Tag color="blue">{t(`roles.${session.staff.role}`)}</Tag>
          </span>
          <LanguageSegmented short label={t('header.language')} language={i18n.language} onChange={setLanguage} />
          <Button size="small" onClick={() => void signOut()} data-testid="sign-out">
            {t('header.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <div className="app-statusbar no-print">
        {supervisor && <BackupReminder />}
        <SyncStatusBadge supervisor={supervisor} />
      </div>
      <UpdateBanner supervisor={supervisor} />
      {supervisor && <AuditAlert />}
      <Layout.Content className="app-content">
        <Screen route={route} session={session} />
      </Layout.Content>
    </Layout>
  );
}
