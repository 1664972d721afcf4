// Receipts the offices' devices pushed, newest first (at most 500), filtered by office, device,
// collector and paid-on dates — where a fraud signal's drill-down lands. `labels` (from a signal
// naming a person's receipts) keeps only those receipts of the loaded list. A collector named by
// staff id (a drill-down) is shown by name in a tag.
import { DatePicker, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReceiptRow } from '../../shared/console/console-api';
import { useRoute } from '../../renderer/routing/hash-router';
import { useReceipts } from '../api/console-queries';
import { formatDate, formatDong, formatInstant, formatPeriod } from '../format';
import { OfficeSelect, setRouteParams } from './office-select';
import { PageFrame } from './page-frame';

/** A staff id (a UUID), as a drill-down names a collector; what a reviewer types is a name. */
const STAFF_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ReceiptsPage() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const get = (key: string) => params.get(key) || undefined;
  const filter = { office: get('office'), device: get('device'), collector: get('collector'), from: get('from'), to: get('to') };
  const labels = get('labels')?.split(',');
  // A signal or the collectors' page names the collector by staff id: shown by name, as a tag, not as an id in the search box.
  const collectorById = filter.collector !== undefined && STAFF_ID.test(filter.collector);
  const receipts = useReceipts(filter);
  const set = (changes: Record<string, string | undefined>) => setRouteParams('receipts', params, changes);
  const rows = (receipts.data?.receipts ?? []).filter((r) => !labels || labels.includes(r.label));

  return (
    <PageFrame
      title={t('nav.receipts')}
      error={receipts.error}
      testId="receipts-page"
      extra={
        <Space wrap>
          <OfficeSelect value={filter.office} onChange={(v) => set({ office: v })} />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            aria-label={t('receipts.collector')}
            placeholder={t('receipts.collector')}
            defaultValue={collectorById ? undefined : filter.collector}
            onSearch={(v) => set({ collector: v.trim() || undefined })}
            data-testid="collector-filter"
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            aria-label={t('receipts.paidOn')}
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
      }
    >
      {(filter.device || labels || collectorById) && (
        <Space style={{ marginBottom: 8 }}>
          {collectorById && (
            <Tag closable onClose={() => set({ collector: undefined })} data-testid="collector-chip">
              {t('receipts.ofCollector', { collector: rows[0]?.collector ?? filter.collector })}
            </Tag>
          )}
          {filter.device && (
            <Tag closable onClose={() => set({ device: undefined })} data-testid="device-filter">
              {t('receipts.ofDevice', { device: rows[0]?.deviceName ?? filter.device })}
            </Tag>
          )}
          {labels && (
            <Tag closable onClose={() => set({ labels: undefined })}>
              {t('receipts.onlyLabels', { n: labels.length })}
            </Tag>
          )}
        </Space>
      )}
      <Table<ReceiptRow>
        size="small"
        rowKey="label"
        loading={receipts.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('receipts.none') }}
        onRow={() => ({ 'data-testid': 'receipt-row' }) as never}
        columns={[
          { title: t('receipts.label'), dataIndex: 'label', className: 'nowrap', render: (v: string) => <code>{v}</code> },
          {
            title: t('receipts.payer'),
            key: 'payer',
            render: (_, r) => (
              <>
                {r.payerName}
                <br />
                <Typography.Text type="secondary">•••• {r.personalIdLast4}</Typography.Text>
              </>
            ),
          },
          {
            title: t('receipts.scheme'),
            key: 'scheme',
            render: (_, r) => `${t(`scheme.${r.scheme}`, { defaultValue: r.scheme })} · ${formatPeriod(r.period)}`,
          },
          { title: t('receipts.total'), dataIndex: 'total', align: 'right', className: 'nowrap', render: (v: number) => formatDong(v) },
          { title: t('receipts.paidOn'), dataIndex: 'paidOn', className: 'nowrap', render: (v: string) => formatDate(v) },
          {
            title: t('receipts.where'),
            key: 'where',
            render: (_, r) => (
              <>
                {r.officeCode} · {r.deviceName}
                {r.collector ? (
                  <>
                    <br />
                    {r.collector}
                  </>
                ) : null}
              </>
            ),
          },
          { title: t('receipts.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => formatInstant(v) },
          {
            title: t('receipts.state'),
            key: 'state',
            render: (_, r) =>
              r.refunded ? (
                <Tag color="error">{t('receipts.refunded')}</Tag>
              ) : r.voidedOn ? (
                <Tag color="error">{t('receipts.voidedOn', { on: formatDate(r.voidedOn) })}</Tag>
              ) : (
                <Tag color="success">{t('receipts.valid')}</Tag>
              ),
          },
        ]}
      />
    </PageFrame>
  );
}
