// Staff admin (supervisors): the office's accounts, adding counter staff and field officers,
// deactivating an account and resetting a password.
import { Button, Card, Col, Form, Input, Modal, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../shared/contract/staff';
import { callKey, invalidateCalls, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { placeFieldError, setFieldError, unplacedError } from '../../components/field-errors';
import { officeDate } from '../../components/office-time';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { useActiveSession } from '../../session/session-context';

interface NewStaff {
  fullName: string;
  username: string;
  role: 'counter' | 'field' | 'supervisor';
  password: string;
}

const NEW_STAFF_FIELDS = ['fullName', 'username', 'role', 'password'];

export function StaffPage() {
  const { t } = useTranslation();
  const me = useActiveSession().staff;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewStaff>();
  const [resetFor, setResetFor] = useState<StaffMember | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const list = useCall('staff.list', {});
  const refresh = () => invalidateCalls(queryClient, callKey('staff.list'));
  const create = useCallMutation('staff.create', {
    onSuccess: () => {
      form.resetFields();
      refresh();
    },
    onError: (e) => placeFieldError(form, e, NEW_STAFF_FIELDS),
  });
  const setActive = useCallMutation('staff.setActive', { onSuccess: refresh });
  const resetPassword = useCallMutation('staff.resetPassword', {
    onSuccess: () => {
      setResetFor(null);
      resetForm.resetFields();
      refresh();
    },
    onError: (e) => setFieldError(resetForm, 'password', e),
  });

  useHotkeys({ Escape: goBack });
  const required = { required: true, message: t('common.required') };

  return (
    <div data-testid="staff-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('staff.title')}</Typography.Title>
      </div>
      <ErrorAlert error={unplacedError(create.error, NEW_STAFF_FIELDS) ?? setActive.error} onClose={() => (create.reset(), setActive.reset())} />
      <Card title={t('staff.add')} size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} requiredMark={false} initialValues={{ role: 'counter' }}>
          <Row gutter={16} align="top">
            <Col xs={24} md={6}>
              <Form.Item name="fullName" label={t('staff.fullName')} rules={[required]}>
                <Input data-testid="staff-fullName" />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="username" label={t('login.username')} rules={[required]}>
                <Input autoComplete="off" data-testid="staff-username" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="role" label={t('staff.role')}>
                <Select data-testid="staff-role" options={(['counter', 'field', 'supervisor'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="password" label={t('login.password')} rules={[required]} extra={t('staff.passwordHint')}>
                <Input.Password autoComplete="new-password" data-testid="staff-password" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" loading={create.isPending} block data-testid="staff-create">
                  {t('staff.create')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small" title={t('staff.list')}>
        <ErrorAlert error={list.error} />
        <Table<StaffMember>
          size="middle"
          rowKey="id"
          pagination={false}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={[
            { title: t('staff.fullName'), dataIndex: 'fullName' },
            { title: t('login.username'), dataIndex: 'username' },
            { title: t('staff.role'), dataIndex: 'role', render: (r: string) => <Tag>{t(`roles.${r}`)}</Tag> },
            { title: t('staff.createdAt'), dataIndex: 'createdAt', render: officeDate },
            {
              title: t('staff.active'),
              dataIndex: 'active',
              render: (active: boolean, m) => (
                <>
                  <Switch
                    checked={active}
                    disabled={m.id === me.id}
                    aria-label={t('staff.activeOf', { name: m.fullName })}
                    onChange={(active) => setActive.mutate({ id: m.id, active })}
                  />{' '}
                  {m.lockedUntil ? <Tag color="red">{t('staff.lockedOut')}</Tag> : null}
                </>
              ),
            },
            {
              title: '',
              key: 'reset',
              render: (_, m) => (
                <Button size="small" onClick={() => setResetFor(m)}>
                  {t('staff.resetPassword')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!resetFor}
        title={t('staff.resetPasswordFor', { name: resetFor?.fullName ?? '' })}
        onCancel={() => setResetFor(null)}
        onOk={() => resetForm.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={resetForm} layout="vertical" onFinish={({ password }) => resetFor && resetPassword.mutate({ id: resetFor.id, password })}>
          <Form.Item name="password" label={t('staff.newPassword')} rules={[required]} extra={t('staff.passwordHint')}>
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
