// Sign-in: username and password; wrong credentials and account lockout come back as contract
// errors and show under the form.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { placeFieldError } from '../../components/api-errors';
import { ErrorAlert } from '../../components/error-alert';
import { LanguageSwitch } from '../../components/language-switch';
import { useSession } from '../../session/session-context';

export function LoginPage() {
  const { t } = useTranslation();
  const { setActive } = useSession();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const session = await call('auth.login', values);
      window.location.hash = '#/';
      setActive(session);
    } catch (e) {
      if (!placeFieldError(form, e, ['username', 'password'])) setError(e);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-card">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('login.title')}
          </Typography.Title>
        }
        extra={<LanguageSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block size="large">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
