// The unlock dialog: opens over whatever screen was in use when the session locked (idle timeout
// or a call answered SESSION_LOCKED); the screen underneath stays mounted with its unsaved input.
// A wrong password says so with the attempts left, as on the sign-in screen.
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../api/use-call';
import { SignInAlert } from '../components/sign-in-alert';
import { useSession } from './session-context';

export function UnlockModal({ open, fullName }: { open: boolean; fullName: string }) {
  const { t } = useTranslation();
  const { setActive, signOut } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useCallMutation('auth.unlock', {
    onSuccess: (session) => {
      form.resetFields();
      unlock.reset();
      setActive(session);
    },
    onError: () => {
      form.setFieldValue('password', '');
      form.getFieldInstance('password')?.focus();
    },
  });

  return (
    <Modal
      open={open}
      title={t('unlock.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      data-testid="unlock-modal"
    >
      <Typography.Paragraph>{t('unlock.explain', { name: fullName })}</Typography.Paragraph>
      <SignInAlert error={unlock.error} testId="unlock-error" />
      <Form form={form} layout="vertical" onFinish={(values) => unlock.mutate(values)}>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={unlock.isPending}>
          {t('unlock.submit')}
        </Button>{' '}
        <Button onClick={() => void signOut()}>{t('header.signOut')}</Button>
      </Form>
    </Modal>
  );
}
