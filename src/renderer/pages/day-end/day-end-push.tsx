// After the day is closed: push the day's work to the central service at once, with progress and
// the result summary (applied / duplicates / rejected / held).
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../../components/sync-status';
import { href } from '../../routing/hash-router';
import { PushNowBlock } from '../sync/sync-page';

export function DayEndPush() {
  const { t } = useTranslation();
  const { data: status } = useSyncStatus();
  return (
    <Card size="small" title={t('sync.dayEndPushTitle')} style={{ marginTop: 16 }} data-testid="day-end-push">
      {status && !status.enrolled ? (
        <a href={href('sync')}>{t('sync.notEnrolled')}</a>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('sync.dayEndPushHelp')}</Typography.Paragraph>
          <PushNowBlock />
        </>
      )}
    </Card>
  );
}
