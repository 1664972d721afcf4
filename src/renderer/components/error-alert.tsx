// An error that belongs to no single field, shown above a form or list. A locked session is not
// shown here: the unlock dialog over the screen already says it, and the screen must stay as it was.
import { Alert } from 'antd';
import { isApiError } from '../api/client';
import { errorText } from './api-errors';

export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error || isApiError(error, 'SESSION_LOCKED')) return null;
  return <Alert type="error" showIcon role="alert" title={errorText(error)} closable={onClose ? { onClose } : false} style={{ marginBottom: 16 }} />;
}
