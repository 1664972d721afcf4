// The cash count of day-end: one row per collector with what the receipts say is due and the cash
// counted, which starts empty — a day is never closed on a figure nobody counted. As the count is
// typed the difference shows at once ("Thiếu 8.900.000 đ"), and a count that differs needs a note.
import { Input, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CollectorDay, DaySummary } from '../../../shared/contract/day-end';
import { dongText, MoneyInput, typedDong } from '../../components/money-input';
import { formatDong } from '../../components/money';

export type Counts = Record<string, { cash: string; note: string }>;

/** The counts a summary starts with: a closed day's as counted, an open day's empty. */
export function countsOf(summary: DaySummary): Counts {
  return Object.fromEntries(summary.collectors.map((c) => [c.staffId, { cash: dongText(c.cashCounted), note: c.note ?? '' }]));
}

/** Counted cash less what is due, once a count that reads has been typed. */
export function difference(c: CollectorDay, counts: Counts): number | null {
  const cash = typedDong(counts[c.staffId]?.cash);
  return cash === undefined ? null : cash - c.expected;
}

/** What stops the day from closing: a count not typed (or not readable), or a difference with no note. */
export function countProblem(summary: DaySummary, counts: Counts): 'uncounted' | 'note' | null {
  for (const c of summary.collectors) if (difference(c, counts) === null) return 'uncounted';
  for (const c of summary.collectors) if (difference(c, counts) !== 0 && !counts[c.staffId]?.note.trim()) return 'note';
  return null;
}

function Difference({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="muted">—</span>;
  if (value === 0) return <Tag color="green">{t('dayEnd.matches')}</Tag>;
  return (
    <Tag color={value < 0 ? 'red' : 'orange'} data-testid="cash-difference-amount">
      {t(value < 0 ? 'dayEnd.short' : 'dayEnd.over', { amount: formatDong(Math.abs(value)) })}
    </Tag>
  );
}

export function CashCountTable({
  summary: s,
  counts,
  onChange,
  loading,
}: {
  summary: DaySummary | undefined;
  counts: Counts;
  onChange: (staffId: string, patch: Partial<Counts[string]>) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const closed = s?.status === 'closed';
  // Refunds of closed days' receipts paid out this day: only then are the refund and "due" columns shown.
  const refunds = (s?.refundCount ?? 0) > 0;
  return (
    <Table<CollectorDay>
      size="middle"
      rowKey="staffId"
      pagination={false}
      loading={loading}
      dataSource={s?.collectors ?? []}
      locale={{ emptyText: t('dayEnd.none') }}
      onRow={(c) => ({ 'data-testid': 'collector-row', 'data-due': c.expected }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('receipt.collector'), dataIndex: 'fullName' },
        {
          title: t('dayEnd.receiptCount'),
          dataIndex: 'receiptCount',
          render: (n: number, c) => `${n} (${t('dayEnd.voidedShort', { count: c.voidedCount })})`,
        },
        { title: t('dayEnd.expected'), dataIndex: 'total', align: 'right', render: formatDong },
        ...(refunds
          ? [
              { title: t('dayEnd.refunds'), dataIndex: 'refundTotal', align: 'right' as const, render: (n: number) => (n ? formatDong(-n) : '') },
              { title: t('dayEnd.due'), dataIndex: 'expected', align: 'right' as const, render: (n: number) => <strong>{formatDong(n)}</strong> },
            ]
          : []),
        {
          title: t('dayEnd.cashCounted'),
          key: 'cash',
          width: 190,
          render: (_, c) => {
            const text = counts[c.staffId]?.cash ?? '';
            const unreadable = text.trim() !== '' && typedDong(text) === undefined;
            return (
              <MoneyInput
                aria-label={t('dayEnd.cashOf', { name: c.fullName })}
                style={{ width: 170 }}
                disabled={closed}
                status={unreadable ? 'error' : undefined}
                title={unreadable ? t('typed.money.not-a-number') : undefined}
                value={text}
                onChange={(cash) => onChange(c.staffId, { cash })}
                data-testid="cash-counted"
              />
            );
          },
        },
        {
          title: t('dayEnd.difference'),
          key: 'difference',
          width: 170,
          render: (_, c) => (
            <span data-testid="cash-difference">
              <Difference value={difference(c, counts)} />
            </span>
          ),
        },
        {
          title: t('dayEnd.note'),
          key: 'note',
          render: (_, c) => {
            const differs = (difference(c, counts) ?? 0) !== 0;
            return (
              <Input
                aria-label={t('dayEnd.noteOf', { name: c.fullName })}
                disabled={closed}
                status={differs && !counts[c.staffId]?.note.trim() ? 'error' : undefined}
                placeholder={differs ? t('dayEnd.noteRequired') : ''}
                value={counts[c.staffId]?.note ?? ''}
                onChange={(e) => onChange(c.staffId, { note: e.target.value })}
              />
            );
          },
        },
      ]}
    />
  );
}
