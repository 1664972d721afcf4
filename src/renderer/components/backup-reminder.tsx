// For the supervisor, in the status bar of every screen: how many receipts are in no backup copy
// yet or, with none, how many operations are neither in a copy nor at the central — what a dead or
// stolen laptop would cost — with a link to the day-end page where the copy is made. Nothing is
// shown while all of it is in a copy.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { href } from '../routing/hash-router';
import { hasWorkInNoCopy, useBackupStatus } from './store-copy-queries';

export function BackupReminder() {
  const { t } = useTranslation();
  // The same query as the day-end card's: a copy made there refreshes this at once.
  const { data } = useBackupStatus(30_000);
  if (!data || !hasWorkInNoCopy(data)) return null;
  // Money first; with no receipt in question, the registrations and edits nobody has yet.
  const [text, hint] =
    data.receiptsSince > 0
      ? [t('backup.reminder', { count: data.receiptsSince }), t('backup.reminderHint')]
      : [t('backup.reminderChanges', { count: data.unsentSince }), t('backup.reminderChangesHint')];
  return (
    <a href={href('day-end')} data-testid="backup-reminder" title={hint}>
      <Tag color="orange">{text}</Tag>
    </a>
  );
}
