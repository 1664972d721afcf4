// The office's picture on this device (issue 20 item 4, ADR 0026): while a new device fills it, a
// progress bar with the pages and rows done and to do and the time left; once filled, what it holds
// and that the device follows the office's work from then on. Searches work while it fills.
import { Alert, Card, Progress, Typography } from 'antd';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract/sync';

const number = (n: number) => n.toLocaleString('vi-VN');

function timeLeft(t: TFunction, seconds: number | null): string {
  if (seconds === null) return t('picture.estimating');
  if (seconds < 60) return t('picture.secondsLeft', { count: Math.max(1, seconds) });
  return t('picture.minutesLeft', { count: Math.ceil(seconds / 60) });
}

export function PictureCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const p = status.picture;
  if (p.state === 'done') {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="picture-done"
        title={t('picture.done', { rows: number(p.rowsDone) })}
        description={t('picture.doneHelp')}
      />
    );
  }
  const percent = p.rowsTotal > 0 ? Math.floor((100 * p.rowsDone) / p.rowsTotal) : 0;
  return (
    <Card size="small" title={t('picture.title')} style={{ marginBottom: 16 }} data-testid="picture-card">
      {p.state === 'none' && p.pagesDone === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('picture.waiting')}
        </Typography.Paragraph>
      ) : (
        <>
          <Progress percent={percent} status={status.progress?.phase === 'picture' ? 'active' : 'normal'} data-testid="picture-progress" />
          <Typography.Text data-testid="picture-figures">
            {t('picture.figures', {
              pages: number(p.pagesDone),
              pagesTotal: number(p.pagesTotal),
              rows: number(p.rowsDone),
              rowsTotal: number(p.rowsTotal),
            })}
            {' · '}
            {status.progress?.phase === 'picture' ? timeLeft(t, p.secondsLeft) : t('picture.paused')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('picture.help')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
