// An error that belongs to no single field, shown above a form or list.
import { Alert } from 'antd';
import { errorText } from './api-errors';

export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error)}
      closable={onClose ? { onClose } : false}
      style={{ marginBottom: 16 }}
    />
  );
}
