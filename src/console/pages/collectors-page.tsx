// Collectors' figures over the last 30 days — receipts, money, voids and refunds per collector of
// an office — where a fraud signal naming a collector leads (their row is marked), to compare
// them with their colleagues.
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CollectorRow } from '../../shared/console/console-api';
import { hrefWith, useRoute } from '../../renderer/routing/hash-router';
import { useCollectors } from '../api/console-queries';
import { formatDong } from '../format';
import { OfficeSelect, setRouteParams } from './office-select';
import { PageFrame } from './page-frame';

/** The collector a signal names (by staff id; by name for rows without one). */
const isNamed = (c: CollectorRow, named: string | undefined) => named !== undefined && (c.collectorId === named || c.collector === named);

const rate = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : '—');

export function CollectorsPage() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const office = params.get('office') || undefined;
  const named = params.get('collector') || undefined;
  const collectors = useCollectors(office);
  return (
    <PageFrame
      title={t('nav.collectors')}
      error={collectors.error}
      testId="collectors-page"
      extra={<OfficeSelect value={office} onChange={(v) => setRouteParams('collectors', params, { office: v })} />}
    >
      <Table<CollectorRow>
        size="small"
        rowKey={(c) => `${c.officeCode}:${c.collector}`}
        loading={collectors.isLoading}
        dataSource={collectors.data?.collectors ?? []}
        pagination={false}
        locale={{ emptyText: t('collectors.none') }}
        rowClassName={(c) => (isNamed(c, named) ? 'row-named' : '')}
        onRow={(c) => ({ 'data-testid': 'collector-row', 'data-named': isNamed(c, named) ? 'yes' : 'no' }) as never}
        columns={[
          {
            title: t('collectors.collector'),
            key: 'collector',
            render: (_, c) => (
              <>
                <a href={hrefWith(['receipts'], { office: c.officeCode, collector: c.collectorId ?? c.collector })}>{c.collector}</a>
                {isNamed(c, named) ? (
                  <Tag color="error" style={{ marginLeft: 8 }}>
                    {t('collectors.named')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: t('collectors.office'), dataIndex: 'officeCode' },
          { title: t('collectors.receipts'), dataIndex: 'receipts', align: 'right' },
          { title: t('collectors.total'), dataIndex: 'total', align: 'right', render: (v: number) => formatDong(v) },
          { title: t('collectors.voids'), key: 'voids', align: 'right', render: (_, c) => `${c.voids} (${rate(c.voids, c.receipts)})` },
          { title: t('collectors.refunds'), key: 'refunds', align: 'right', render: (_, c) => `${c.refunds} (${rate(c.refunds, c.receipts)})` },
        ]}
      />
    </PageFrame>
  );
}
