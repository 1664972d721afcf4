// A new password for a console account, given by an administrator (as `admin staff password` on
// the CLI): typed twice, 10–256 characters, checked here before it is sent and by the central
// after. The account's lockout is lifted and its sessions end, one's own included.
import { Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRow } from '../../shared/console/console-api';
import { errorText } from '../api/error-text';
import { useStaffPassword } from '../api/console-queries';

interface PasswordForm {
  password: string;
  repeat: string;
}

export function StaffPasswordButton({ account }: { account: StaffRow }) {
  const { t, i18n } = useTranslation();
  const change = useStaffPassword();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PasswordForm>();
  const close = () => {
    setOpen(false);
    form.resetFields();
    change.reset();
  };
  const save = ({ password }: PasswordForm) => change.mutate({ username: account.username, password }, { onSuccess: close });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="staff-password">
        {t('staff.password')}
      </Button>
      <Modal
        open={open}
        title={t('staff.passwordTitle', { name: account.displayName, username: account.username })}
        okText={t('staff.passwordSave')}
        okButtonProps={{ 'data-testid': 'staff-password-ok' } as never}
        confirmLoading={change.isPending}
        cancelText={t('app.cancel')}
        onCancel={close}
        onOk={() => form.submit()}
      >
        <Typography.Paragraph>{t('staff.passwordText')}</Typography.Paragraph>
        <Form<PasswordForm> form={form} layout="vertical" onFinish={save} requiredMark={false}>
          <Form.Item
            name="password"
            label={t('staff.newPassword')}
            rules={[
              { required: true, message: t('staff.passwordLength') },
              {
                validator: (_, v: string | undefined) =>
                  v && [...v].length >= 10 && v.length <= 256 ? Promise.resolve() : Promise.reject(new Error(t('staff.passwordLength'))),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('staff.repeatPassword')}
            dependencies={['password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('staff.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-repeat-password" onPressEnter={() => form.submit()} />
          </Form.Item>
        </Form>
        {change.error ? <Typography.Text type="danger">{errorText(t, change.error, i18n.language)}</Typography.Text> : null}
      </Modal>
    </>
  );
}
