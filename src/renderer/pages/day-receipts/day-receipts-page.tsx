// "Biên lai trong ngày": the receipts of a business date (the clerk's own; a supervisor sees all
// or one collector), with the count issued, voided and the total of those not voided, and the
// refunds of closed days' receipts paid out that day. A receipt refunded on a later day still
// counts on its own day (its cash was counted then) and is tagged with the refund's date.
import { Card, DatePicker, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDong, formatMonth } from '../../components/money';
import { officeTime, officeToday } from '../../components/office-time';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';
import { schemeLabel } from '../../components/scheme-label';

export function DayReceiptsPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs>(() => dayjs(officeToday()));
  const businessDate = date.format('YYYY-MM-DD');
  const q = useCall('receipts.listForDay', { businessDate });
  useHotkeys({ Escape: goBack });
  const d = q.data;
  return (
    <div data-testid="day-receipts-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('dayReceipts.title')}</Typography.Title>
        <DatePicker value={date} onChange={(v) => v && setDate(v)} format="DD/MM/YYYY" allowClear={false} />
      </div>
      <ErrorAlert error={q.error} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48}>
          <Statistic title={t('dayReceipts.issued')} value={d?.issuedCount ?? 0} />
          <Statistic title={t('dayReceipts.voided')} value={d?.voidedCount ?? 0} />
          <Statistic title={t('dayReceipts.total')} value={d ? formatDong(d.total) : '—'} data-testid="day-total" />
          {d && d.refundCount > 0 && (
            <Statistic title={t('dayReceipts.refunds', { count: d.refundCount })} value={formatDong(-d.refundTotal)} data-testid="day-refunds" />
          )}
        </Space>
      </Card>
      <Table
        size="middle"
        rowKey="id"
        pagination={false}
        loading={q.isLoading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: t('dayReceipts.none') }}
        columns={[
          { title: t('receipt.number'), dataIndex: 'label', render: (l: string, r) => <a href={href('receipt', r.id)}>{l}</a> },
          { title: t('receipt.issuedAt'), dataIndex: 'issuedAt', render: officeTime },
          { title: t('receipt.payer'), dataIndex: 'payerName' },
          { title: t('receipt.scheme'), key: 'scheme', render: (_, r) => schemeLabel(t, r.scheme, r.memberPosition) },
          { title: t('receipt.period'), key: 'p', render: (_, r) => `${formatMonth(r.periodFrom)} – ${formatMonth(r.periodTo)}` },
          { title: t('receipt.collector'), dataIndex: 'collectorName' },
          {
            title: t('receipt.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: number, r) =>
              r.void?.refund ? (
                <>
                  {formatDong(v)} <Tag color="orange">{t('receipt.refundedOn', { day: formatDate(r.void.refund.businessDate) })}</Tag>
                </>
              ) : r.void ? (
                <Tag color="red">{t('receipt.voided')}</Tag>
              ) : (
                formatDong(v)
              ),
          },
        ]}
      />
      {d && d.refunds.length > 0 && (
        <Card size="small" title={t('dayReceipts.refundsTitle')} style={{ marginTop: 16 }} data-testid="day-refund-list">
          <Table
            size="small"
            rowKey="receiptId"
            pagination={false}
            dataSource={d.refunds}
            columns={[
              { title: t('refundVoucher.number'), dataIndex: 'voucher', render: (v: string, r) => <a href={href('receipt', r.receiptId)}>{v}</a> },
              { title: t('refundVoucher.receipt'), key: 'receipt', render: (_, r) => `${r.label} (${formatDate(r.receiptDate)})` },
              { title: t('receipt.payer'), dataIndex: 'payerName' },
              { title: t('receipt.paidOutBy'), dataIndex: 'paidOutByName' },
              { title: t('refundVoucher.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => formatDong(-v) },
            ]}
          />
        </Card>
      )}
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
