// The unlock dialog: opens over whatever screen was in use when the session locked (idle timeout
// or a call answered SESSION_LOCKED); the screen underneath stays mounted with its unsaved input.
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../components/api-errors';
import { useSession } from './session-context';

export function UnlockModal({ open, fullName }: { open: boolean; fullName: string }) {
  const { t } = useTranslation();
  const { setActive, signOut } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    try {
      const session = await call('auth.unlock', { password });
      form.resetFields();
      setActive(session);
    } catch (error) {
      form.setFields([{ name: 'password', errors: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };

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
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('unlock.submit')}
        </Button>{' '}
        <Button onClick={() => void signOut()}>{t('header.signOut')}</Button>
      </Form>
    </Modal>
  );
}
