// The alert on guessing (ADR 0044): an administrator sees, on every page, when the console's
// sign-ins were refused many times since yesterday or an account was locked — the record on the
// staff page is only read by one who goes looking. Counted from the same per-day rows (UTC+7);
// closed for the browser session until the figures grow. Operations alert on the same refusals
// through the `fo_console_sign_in_refusals_total` metric (docs/central-deployment.md).
import { Alert } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignInFailures } from '../api/console-queries';
import { signInAlertFigures } from './sign-in-alert-figures';

const CLOSED_KEY = 'fo-console-sign-in-alert-closed';

export function SignInAlert() {
  const { t } = useTranslation();
  const failures = useSignInFailures(true);
  const figures = failures.data ? signInAlertFigures(failures.data.failures, new Date()) : null;
  const seen = figures ? `${figures.failures}:${figures.locks}` : '';
  const [closed, setClosed] = useState(() => sessionStorage.getItem(CLOSED_KEY));
  if (!figures || closed === seen) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable
      role="alert"
      data-testid="sign-in-alert"
      style={{ marginBottom: 16 }}
      message={t('signInAlert.title')}
      description={
        <>
          {t('signInAlert.text', figures)}{' '}
          <a href="#/staff" style={{ textDecoration: 'underline' }}>
            {t('signInAlert.link')}
          </a>
        </>
      }
      onClose={() => {
        sessionStorage.setItem(CLOSED_KEY, seen);
        setClosed(seen);
      }}
    />
  );
}
