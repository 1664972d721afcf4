// The breakdown of a quote or receipt: one line per month (or month group) with the reference
// values the calculator used, the support deducted and the amount.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContributionLineView } from '../../../shared/contract/contribution';
import { formatDong, formatMonth } from '../../components/money';

function describeValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 ? formatDong(v) : String(v);
  const fraction = typeof v === 'string' ? /^(\d+)\/(\d+)$/.exec(v) : null;
  if (fraction) return `${(Number(fraction[1]) * 100) / Number(fraction[2])}%`;
  return String(v);
}

/** The reference values a line used, labelled in the clerk's language where the key is known. */
function describeValues(values: Record<string, unknown>, label: (key: string) => string): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${label(k)}: ${describeValue(v)}`)
    .join(' · ');
}

export function QuoteTable({ quote }: { quote: { lines: ContributionLineView[]; total: number } }) {
  const { t } = useTranslation();
  return (
    <Table<ContributionLineView>
      size="small"
      rowKey={(l, i) => `${l.month}-${l.participantId ?? ''}-${i}`}
      pagination={false}
      dataSource={quote.lines}
      scroll={{ y: 320 }}
      columns={[
        { title: t('collect.month'), dataIndex: 'month', width: 90, render: (m: string) => (/^\d{4}-\d{2}$/.test(m) ? formatMonth(m) : m) },
        {
          title: t('collect.description'),
          dataIndex: 'description',
          render: (d: string, l) => (
            <>
              {d}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describeValues(l.values, (k) => t(`quoteValues.${k}`, { defaultValue: k }))}
              </Typography.Text>
            </>
          ),
        },
        { title: t('collect.base'), dataIndex: 'baseAmount', align: 'right', width: 120, render: formatDong },
        { title: t('collect.support'), dataIndex: 'supportAmount', align: 'right', width: 110, render: (v: number) => (v ? `−${formatDong(v)}` : '—') },
        { title: t('collect.amount'), dataIndex: 'amount', align: 'right', width: 120, render: formatDong },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            <strong>{t('collect.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatDong(quote.total)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
