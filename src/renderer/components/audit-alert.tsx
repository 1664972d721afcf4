// The supervisor's alert, on every screen while the audit log has a break not yet settled (a
// rewritten entry, a deleted tail — ADR 0028): what was found, and the way to the audit screen.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/use-call';
import { href } from '../routing/hash-router';

export function AuditAlert() {
  const { t, i18n } = useTranslation();
  const status = useCall('audit.status', {}, { refetchInterval: 60_000 });
  const open = status.data?.openBreaks ?? [];
  if (open.length === 0) return null;
  const first = open[0]!;
  return (
    <Alert
      className="audit-alert no-print"
      data-testid="audit-alert"
      type="error"
      showIcon
      banner
      message={t('audit.alert', { count: open.length })}
      description={
        <>
          {i18n.language === 'en' ? first.problemEn : first.problem} <a href={href('audit')}>{t('audit.alertOpen')}</a>
        </>
      }
    />
  );
}
