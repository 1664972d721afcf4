// The breakdown of a quote: months that cost the same on the same terms are one row ("12/2026 –
// 11/2027, 12 × 113.850 đ"), so a year — or a household's year — fits the counter screen. Each row
// says the reference values the calculator used, in the clerk's language, the state's support and
// the amount; for a household, whose row it is.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContributionLineView } from '../../../shared/contract/contribution';
import { vietnameseMonthRange } from '../../../shared/domain/business-date';
import { provisionalKeys } from '../../../shared/domain/schedule-values';
import { formatDong } from '../../components/money';

export interface LineGroup {
  key: string;
  participantId: string | undefined;
  from: string;
  to: string;
  count: number;
  /** One month's amounts and values (the same for every month of the group). */
  line: ContributionLineView;
  supportAmount: number;
  /** The province's top-up over the group's months (0 when none). */
  topUpAmount: number;
  amount: number;
}

/** Consecutive lines of one person with the same amounts and values, as one group. */
export function groupLines(lines: readonly ContributionLineView[]): LineGroup[] {
  const groups: LineGroup[] = [];
  const same = (a: ContributionLineView, b: ContributionLineView) =>
    a.participantId === b.participantId &&
    a.baseAmount === b.baseAmount &&
    a.supportAmount === b.supportAmount &&
    a.amount === b.amount &&
    a.kind === b.kind &&
    a.topUpAmount === b.topUpAmount &&
    JSON.stringify(a.values) === JSON.stringify(b.values);
  for (const [i, line] of lines.entries()) {
    const last = groups.at(-1);
    if (last && same(last.line, line)) {
      last.to = line.month;
      last.count += 1;
      last.supportAmount += line.supportAmount;
      last.topUpAmount += line.topUpAmount ?? 0;
      last.amount += line.amount;
    } else {
      groups.push({
        key: `${i}`,
        participantId: line.participantId,
        from: line.month,
        to: line.month,
        count: 1,
        line,
        supportAmount: line.supportAmount,
        topUpAmount: line.topUpAmount ?? 0,
        amount: line.amount,
      });
    }
  }
  return groups;
}

function describeValue(v: unknown, percent: Intl.NumberFormat): string {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 ? formatDong(v) : String(v);
  const fraction = typeof v === 'string' ? /^(\d+)\/(\d+)$/.exec(v) : null;
  if (fraction) return `${percent.format((Number(fraction[1]) * 100) / Number(fraction[2]))}%`;
  return String(v);
}

/**
 * The reference values a line used, labelled in the clerk's language where the key is known; a value
 * the quote lists as provisional (not confirmed, replaced when a schedule is published) says so.
 */
function describeValues(values: Record<string, unknown>, label: (key: string) => string, language: string, provisional: Set<string>, mark: string): string {
  const percent = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 4 });
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${label(k)}: ${describeValue(v, percent)}${provisional.has(k) ? ` (${mark})` : ''}`)
    .join(' · ');
}

export function QuoteTable({
  quote,
  height,
  nameOf,
}: {
  quote: { lines: ContributionLineView[]; total: number; provisional?: readonly { what: string }[] | undefined };
  /** The rows' scrolling height in pixels (what the screen has left). */
  height?: number;
  /** For a household's quote: whose row it is. */
  nameOf?: (participantId: string | undefined) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const label = (k: string) => t(`quoteValues.${k}`, { defaultValue: k });
  const provisional = provisionalKeys(quote.provisional ?? []);
  const mark = t('quoteLaw.provisionalMark');
  const describe = (values: Record<string, unknown>) => describeValues(values, label, i18n.language, provisional, mark);
  return (
    <Table<LineGroup>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={groupLines(quote.lines)}
      scroll={height ? { y: height } : undefined}
      columns={[
        {
          title: t('collect.month'),
          key: 'month',
          width: 130,
          render: (_, g) => (
            <>
              {/^\d{4}-\d{2}$/.test(g.from) ? vietnameseMonthRange(g.from, g.to) : g.from}
              {g.count > 1 && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('collect.monthsTimes', { count: g.count, amount: formatDong(g.line.amount) })}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: t('collect.description'),
          key: 'values',
          render: (_, g) => (
            <>
              {nameOf?.(g.participantId) && <strong style={{ display: 'block' }}>{nameOf(g.participantId)}</strong>}
              {g.line.kind && (
                <Tag color={g.line.kind === 'arrears' ? 'orange' : 'blue'} data-testid={`line-${g.line.kind}`}>
                  {t(g.line.kind === 'arrears' ? 'quoteLaw.arrears' : 'quoteLaw.shortfall')}
                  {provisional.has(`kind:${g.line.kind}`) && ` (${mark})`}
                </Tag>
              )}
              <Typography.Text type="secondary" className="quote-values" title={describe(g.line.values)} data-testid="quote-line-values">
                {describe(g.line.values)}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('collect.support'),
          key: 'support',
          align: 'right',
          // Wide enough for its heading in either language ("State support" was cut off in English).
          width: 124,
          // The province's top-up is the state's support's neighbour: shown under it, as its own amount.
          render: (_, g) => (
            <>
              {g.supportAmount ? `−${formatDong(g.supportAmount)}` : '—'}
              {g.topUpAmount > 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="line-top-up">
                  {t('quoteLaw.topUp')} −{formatDong(g.topUpAmount)}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: t('collect.amount'), key: 'amount', align: 'right', width: 112, render: (_, g) => formatDong(g.amount) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
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
