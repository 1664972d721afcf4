// First-run setup: creates the office (code, name, province) and its first supervisor, then signs
// the supervisor in. Shown when `session.current` says the office is not set up.
import { Button, Card, Col, Collapse, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { placeFieldError, unplacedError } from '../../components/field-errors';
import { LanguageSwitch } from '../../components/language-switch';
import { ProvinceSelect } from '../../components/reference-selects';
import { useSession } from '../../session/session-context';
import { RestoredNotice, RestoreForm } from './restore-form';

interface SetupValues {
  officeCode: string;
  officeName: string;
  provinceCode: string;
  supervisor: { username: string; fullName: string; password: string };
  confirm: string;
}

const FIELDS = ['officeCode', 'officeName', 'provinceCode', 'supervisor.username', 'supervisor.fullName', 'supervisor.password'];

export function SetupPage({ storeFile }: { storeFile: string }) {
  const { t } = useTranslation();
  const { setActive, refresh } = useSession();
  const [form] = Form.useForm<SetupValues>();
  // A sealed copy has been opened and is now the store: nothing is set up here; on to the sign-in.
  const [restored, setRestored] = useState<string | null>(null);
  const setup = useCallMutation('office.setup', { onSuccess: setActive, onError: (e) => placeFieldError(form, e, FIELDS) });
  const submit = (values: SetupValues) =>
    setup.mutate({
      officeCode: values.officeCode.trim().toUpperCase(),
      officeName: values.officeName,
      provinceCode: values.provinceCode,
      supervisor: values.supervisor,
    });

  const required = { required: true, message: t('common.required') };
  if (restored) {
    return (
      <div className="auth-card auth-wide">
        <Card
          title={
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('setup.restoreDoneTitle')}
            </Typography.Title>
          }
          extra={<LanguageSwitch />}
        >
          <RestoredNotice message={restored} onContinue={refresh} />
        </Card>
      </div>
    );
  }
  return (
    <div className="auth-card auth-wide">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('setup.title')}
          </Typography.Title>
        }
        extra={<LanguageSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('setup.explain')}</Typography.Paragraph>
        {storeFile && (
          <Collapse
            size="small"
            style={{ marginBottom: 16 }}
            data-testid="restore-hint"
            items={[
              {
                key: 'restore',
                label: t('setup.restoreTitle'),
                children: <RestoreForm storeFile={storeFile} onRestored={setRestored} />,
              },
            ]}
          />
        )}
        <ErrorAlert error={unplacedError(setup.error, FIELDS)} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Typography.Title level={5}>{t('setup.office')}</Typography.Title>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="officeCode" label={t('setup.officeCode')} rules={[required]} tooltip={t('setup.officeCodeHint')}>
                <Input autoFocus placeholder="HN0101" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="officeName" label={t('setup.officeName')} rules={[required]}>
                <Input placeholder={t('setup.officeNamePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="provinceCode" label={t('setup.province')} rules={[required]}>
            <ProvinceSelect placeholder={t('setup.provincePlaceholder')} />
          </Form.Item>
          <Typography.Title level={5}>{t('setup.supervisor')}</Typography.Title>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['supervisor', 'fullName']} label={t('staff.fullName')} rules={[required]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['supervisor', 'username']} label={t('login.username')} rules={[required]}>
                <Input autoComplete="username" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['supervisor', 'password']} label={t('login.password')} rules={[required]} extra={t('staff.passwordHint')}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="confirm"
                label={t('setup.confirmPassword')}
                dependencies={[['supervisor', 'password']]}
                rules={[
                  required,
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      v === getFieldValue(['supervisor', 'password']) ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={setup.isPending} size="large">
            {t('setup.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
