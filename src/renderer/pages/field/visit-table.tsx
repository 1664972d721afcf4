// The visit list's rows: each person with their household (named on its first row), statuses,
// what they owe today, the last visit, and the officer's actions — collect (the visit's "paid" is
// recorded with the payment), open the household, record another outcome.
import { Button, Space, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPerson } from '../../../shared/contract/field';
import type { VisitStatus } from '../../../shared/domain/visit-status';
import { formatDate, formatDong } from '../../components/money';
import { href, navigate } from '../../routing/hash-router';
import { startVisit } from './visit-target';

export const statusColors: Record<VisitStatus, string> = {
  'promise-due': 'magenta',
  'vsi-overdue': 'red',
  'vsi-due': 'orange',
  'hhi-expired': 'red',
  'hhi-expiring': 'gold',
  'never-paid': 'purple',
  'no-scheme': 'default',
};

function householdMembers(rows: VisitPerson[], householdId: string): string[] {
  return rows.filter((r) => r.householdId === householdId).map((r) => r.participantId);
}

export function VisitTable({ rows, loading, onRecord }: { rows: VisitPerson[]; loading: boolean; onRecord: (p: VisitPerson) => void }) {
  const { t } = useTranslation();
  const collect = (p: VisitPerson) => {
    // A member's payment opens the household's (household HI): the visit is the household's then.
    startVisit(
      p.householdId
        ? { participantIds: householdMembers(rows, p.householdId), householdId: p.householdId }
        : { participantIds: [p.participantId], householdId: null },
    );
    navigate('person', p.participantId, 'collect');
  };
  const openHousehold = (p: VisitPerson) => {
    startVisit({ participantIds: householdMembers(rows, p.householdId!), householdId: p.householdId });
    navigate('household', p.householdId!);
  };
  return (
    <Table<VisitPerson>
      size="small"
      rowKey="participantId"
      pagination={false}
      loading={loading}
      dataSource={rows}
      data-testid="visit-table"
      locale={{ emptyText: '—' }}
      rowClassName={(p, i) => (i > 0 && p.householdId && rows[i - 1]?.householdId === p.householdId ? 'visit-same-household' : '')}
      columns={[
        {
          title: t('field.household'),
          key: 'household',
          width: 170,
          render: (_, p, i) =>
            p.householdId ? (
              rows[i - 1]?.householdId === p.householdId ? null : (
                <Button
                  type="link"
                  size="small"
                  className="visit-household-link"
                  onClick={() => openHousehold(p)}
                  title={t('field.openHouseholdOf', { head: p.householdHead ?? '' })}
                  data-testid="visit-open-household"
                >
                  {t('field.householdOf', { head: p.householdHead ?? '' })}
                </Button>
              )
            ) : (
              <span className="muted">—</span>
            ),
        },
        {
          title: t('field.person'),
          key: 'person',
          render: (_, p) => (
            <div>
              <a href={href('person', p.participantId)} data-testid="visit-person">
                {p.fullName}
              </a>{' '}
              <span className="muted">{p.dateOfBirth.slice(0, 4)}</span>
              <div className="muted visit-address">
                {p.addressLine}
                {p.phone ? ` · ${p.phone}` : ''}
              </div>
            </div>
          ),
        },
        {
          title: t('field.status'),
          key: 'status',
          width: 200,
          render: (_, p) => (
            <Space size={[0, 4]} wrap>
              {p.statuses.map((s) => (
                <Tag key={s} color={statusColors[s]} data-testid={`status-${s}`}>
                  {t(`field.status_.${s}`)}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('field.due'),
          key: 'due',
          align: 'right',
          width: 130,
          render: (_, p) => {
            const problem = p.due.find((d) => d.total === null);
            return (
              <span className="nowrap" data-testid="visit-due">
                {p.totalDue > 0 ? formatDong(p.totalDue) : problem ? '' : '—'}
                {problem && (
                  <Tooltip title={problem.problem}>
                    <Tag color="warning">{t('field.notPriced')}</Tag>
                  </Tooltip>
                )}
              </span>
            );
          },
        },
        {
          title: t('field.lastVisit'),
          key: 'last',
          width: 190,
          render: (_, p) =>
            p.lastVisit ? (
              <span className="visit-last" data-testid="visit-last">
                {t('field.lastVisitLine', {
                  date: formatDate(p.lastVisit.visitedOn),
                  outcome: t(`field.outcome.${p.lastVisit.outcome}`),
                  who: p.lastVisit.staffName,
                })}
                {p.lastVisit.promisedOn ? ` · ${t('field.promisedLine', { date: formatDate(p.lastVisit.promisedOn) })}` : ''}
                {p.lastVisit.declineReason ? ` · ${t(`field.reason.${p.lastVisit.declineReason}`)}` : ''}
              </span>
            ) : (
              <span className="muted">{t('field.neverVisited')}</span>
            ),
        },
        {
          title: t('field.actions'),
          key: 'actions',
          width: 190,
          render: (_, p) => (
            <Space size={4}>
              {p.due.length > 0 && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => collect(p)}
                  title={t('field.collectFor', { name: p.fullName })}
                  aria-label={t('field.collectFor', { name: p.fullName })}
                  data-testid="visit-collect"
                >
                  {t('field.collect')}
                </Button>
              )}
              <Button size="small" onClick={() => onRecord(p)} data-testid="visit-record">
                {t('field.record')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
