// Sign-in: username and password. A refusal says what happened in the screen's language — a wrong
// password with the attempts left before the account locks, a locked account until when — and the
// password box is emptied with the cursor back in it for the next try.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call';
import { LanguageSwitch } from '../../components/language-switch';
import { SignInAlert } from '../../components/sign-in-alert';
import { useSession } from '../../session/session-context';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { setActive } = useSession();
  const [form] = Form.useForm<Credentials>();
  const login = useCallMutation('auth.login', {
    onSuccess: (session) => {
      window.location.hash = '#/';
      setActive(session);
    },
    onError: () => {
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus();
    },
  });

  return (
    <div className="auth-card">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {t('login.title')}
          </Typography.Title>
        }
        extra={<LanguageSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <SignInAlert error={login.error} testId="login-error" />
        <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={login.isPending} block size="large">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
