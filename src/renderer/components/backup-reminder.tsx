// For the supervisor, in the status bar of every screen: how many receipts are in no backup copy
// yet — what a dead or stolen laptop would cost before the work reaches the central — with a link
// to the day-end page where the copy is made. Nothing is shown while every receipt is in a copy.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../routing/hash-router';
import { useBackupStatus } from './store-copy-queries';

export function BackupReminder() {
  const { t } = useTranslation();
  // The same query as the day-end card's: a copy made there refreshes this at once.
  const { data } = useBackupStatus(30_000);
  if (!data || data.receiptsSince === 0) return null;
  return (
    <a href={href('day-end')} data-testid="backup-reminder" title={t('backup.reminderHint')}>
      <Tag color="orange">{t('backup.reminder', { count: data.receiptsSince })}</Tag>
    </a>
  );
}
