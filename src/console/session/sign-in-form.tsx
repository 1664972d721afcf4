// The name-and-password form, for signing in and for opening a locked page (the name is then the
// locked person's and cannot be changed). Enter submits; errors are said in words, not codes:
// wrong name or password (one answer for both), an account locked after repeated failures.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/error-text';
import { useSession } from './session-context';

export function SignInForm({ lockedUsername }: { lockedUsername?: string }) {
  const { t, i18n } = useTranslation();
  const { signIn } = useSession();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(lockedUsername ?? values.username.trim(), values.password);
    } catch (e) {
      setError(errorText(t, e, i18n.language));
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} data-testid="sign-in-form">
      {lockedUsername === undefined && (
        <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}>
          <Input autoFocus autoComplete="username" maxLength={64} data-testid="sign-in-username" />
        </Form.Item>
      )}
      <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
        <Input.Password autoFocus={lockedUsername !== undefined} autoComplete="current-password" maxLength={256} data-testid="sign-in-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="sign-in-error" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
        {lockedUsername === undefined ? t('signIn.submit') : t('lock.unlock')}
      </Button>
    </Form>
  );
}
