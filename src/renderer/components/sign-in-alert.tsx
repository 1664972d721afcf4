// A refused sign-in or unlock, above the form: a wrong password with the attempts left before the
// account locks, or a locked account until when (office time). Re-read at every render, so a switch
// of language turns it at once. The core sends the counts in the error's details.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { errorText } from './api-errors';
import { officeDateTime } from './office-time';

export function SignInAlert({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  let text = errorText(error);
  if (isApiError(error, 'BAD_CREDENTIALS')) {
    const left = error.data.details?.remainingAttempts;
    if (typeof left === 'number') text = `${text} ${t('login.attemptsLeft', { count: left })}`;
  } else if (isApiError(error, 'ACCOUNT_LOCKED')) {
    const until = error.data.details?.lockedUntil;
    if (typeof until === 'string' && !Number.isNaN(Date.parse(until))) text = t('login.lockedUntil', { until: officeDateTime(until) });
  }
  return <Alert type="error" showIcon role="alert" title={text} style={{ marginBottom: 16 }} data-testid={testId} />;
}
