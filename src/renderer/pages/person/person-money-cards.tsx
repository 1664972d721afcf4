// The money side of a person: enrollments (scheme, method, what is due next) and contributions
// paid with their receipts — those taken on another record of the same person too, tagged and
// linked to it, since the months paid there are paid here. Either list may fail while the calculator is unavailable; that shows
// as an error in its card and never blocks the rest of the page.
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDong, formatMonth } from '../../components/money';
import { href } from '../../routing/hash-router';
import { schemeLabel } from '../../components/scheme-label';
import { TakenElsewhereTag } from '../../components/taken-on';

export function EnrollmentsCard({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const q = useCall('enrollments.listForParticipant', { participantId });
  return (
    <Card title={t('enrollment.title')} size="small" style={{ marginBottom: 16 }} data-testid="enrollments">
      <ErrorAlert error={q.error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('enrollment.none') }}
        columns={[
          { title: t('collect.scheme'), dataIndex: 'scheme', render: (s: string) => t(`scheme.${s}`) },
          { title: t('collect.method'), dataIndex: 'method', render: (m: string) => t(`method.${m}`) },
          { title: t('collect.income'), dataIndex: 'incomeBasis', render: (v: number | null) => (v == null ? '—' : formatDong(v)) },
          {
            title: t('enrollment.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`enrollment.${s}`)}</Tag>,
          },
          { title: t('enrollment.lastPaid'), dataIndex: 'lastPaidMonth', render: (m: string | null) => (m ? formatMonth(m) : '—') },
          {
            title: t('enrollment.nextDue'),
            key: 'next',
            render: (_, e) =>
              t('enrollment.nextDueValue', {
                from: formatMonth(e.nextDue.fromMonth),
                months: e.nextDue.months,
              }) + (e.nextDue.deadline ? ` · ${t('enrollment.deadline')} ${formatDate(e.nextDue.deadline)}` : ''),
          },
        ]}
      />
    </Card>
  );
}

export function ContributionsCard({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const q = useCall('contributions.listForParticipant', { participantId });
  return (
    <Card title={t('contribution.title')} size="small" data-testid="contributions">
      <ErrorAlert error={q.error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('contribution.none') }}
        columns={[
          { title: t('contribution.paidOn'), dataIndex: 'paidOn', render: formatDate },
          { title: t('collect.scheme'), key: 'scheme', render: (_, c) => schemeLabel(t, c.scheme, c.memberPosition) },
          {
            title: t('contribution.period'),
            key: 'period',
            // A lump sum for the months missing to a pension pays no calendar months (ADR 0036).
            render: (_, c) =>
              c.method === 'lump-sum-shortfall'
                ? t('receipt.shortfallPeriod', { months: c.months, month: formatMonth(c.fromMonth) })
                : `${formatMonth(c.fromMonth)} – ${formatMonth(c.toMonth)} (${c.months})`,
          },
          { title: t('contribution.total'), dataIndex: 'total', align: 'right', render: (v: number) => formatDong(v) },
          {
            title: t('contribution.receipt'),
            key: 'receipt',
            render: (_, c) => (
              <>
                <a href={href('receipt', c.receiptId)}>{c.receiptLabel}</a>{' '}
                {c.refundedOn ? (
                  <Tag color="orange">{t('receipt.refundedOn', { day: formatDate(c.refundedOn) })}</Tag>
                ) : c.voided ? (
                  <Tag color="red">{t('receipt.voided')}</Tag>
                ) : null}
                <TakenElsewhereTag contribution={c} />
                {c.participantId !== participantId && (
                  <a href={href('person', c.participantId)}>
                    <Tag color="blue" data-testid="other-record-payment">
                      {t('contribution.otherRecord')}
                    </Tag>
                  </a>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
