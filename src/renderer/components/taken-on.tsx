// Where a payment was taken (ADR 0026): this device's own, or pulled from another device of the
// office — "Quầy 2 · Nguyễn Văn A · biên lai …" — so a clerk sees who took the months before taking
// money again. Used by the person, collect and household pages.
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Contribution, Scheme } from '../../shared/contract/contribution';
import { useCall } from '../api/use-call';
import { href } from '../routing/hash-router';
import { formatDate, formatMonth } from './money';
import { occupiesCalendarMonths } from '../../shared/domain/months-contributed';

/** "Quầy 2 · Nguyễn Văn A" (another device), "Máy này · …" (this one), or another office's code. */
export function takenOnText(t: TFunction, c: Contribution): string {
  const where = c.takenOn.thisDevice ? t('takenOn.thisDevice') : (c.takenOn.deviceName ?? t('takenOn.office', { code: c.takenOn.officeCode }));
  return [where, c.takenOn.collectorName].filter(Boolean).join(' · ');
}

/** The tag beside a payment another device took (nothing for this device's own). */
export function TakenElsewhereTag({ contribution: c }: { contribution: Contribution }) {
  const { t } = useTranslation();
  if (c.takenOn.thisDevice) return null;
  return (
    <Tag color="geekblue" data-testid="taken-elsewhere" title={t('takenOn.pulledHint')}>
      {takenOnText(t, c)}
    </Tag>
  );
}

/** The payment that paid a scheme furthest, not voided (a lump sum for months missing to a pension pays no calendar month, ADR 0036). */
export function latestPaid(items: Contribution[], scheme: Scheme): Contribution | undefined {
  return items
    .filter((c) => c.scheme === scheme && !c.voided && occupiesCalendarMonths(c.method))
    .sort((a, b) => (a.toMonth < b.toMonth ? 1 : a.toMonth > b.toMonth ? -1 : 0))[0];
}

/** One line: paid up to which month, by which receipt, where, by whom and when. */
export function paidThroughText(t: TFunction, c: Contribution): string {
  return t('takenOn.paidThrough', {
    month: formatMonth(c.toMonth),
    receipt: c.receiptLabel,
    where: takenOnText(t, c),
    day: formatDate(c.paidOn),
  });
}

/** The latest payment of a person in a scheme, as a line (collect page, household members). */
export function LatestPayment({ participantId, scheme, compact = false }: { participantId: string; scheme: Scheme; compact?: boolean }) {
  const { t } = useTranslation();
  const q = useCall('contributions.listForParticipant', { participantId });
  const items = q.data?.items ?? [];
  const latest = latestPaid(items, scheme);
  if (!q.data) return null;
  if (!latest) {
    return (
      <Typography.Text type="secondary" data-testid="latest-payment">
        {t('takenOn.none')}
      </Typography.Text>
    );
  }
  const others = items.filter((c) => c.scheme === scheme && !c.voided).length - 1;
  return (
    <span data-testid="latest-payment" className={latest.takenOn.thisDevice ? undefined : 'taken-elsewhere'}>
      {compact ? t('takenOn.paidThroughShort', { month: formatMonth(latest.toMonth), where: takenOnText(t, latest) }) : paidThroughText(t, latest)}
      {!compact && others > 0 && (
        <>
          {' '}
          <a href={href('person', participantId)}>{t('takenOn.more', { count: others })}</a>
        </>
      )}
    </span>
  );
}
