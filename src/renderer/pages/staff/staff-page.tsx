// Staff admin (supervisors): the office's accounts, adding counter staff and field officers,
// deactivating an account and resetting a password.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Modal, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../shared/contract/staff';
import { call } from '../../api/client';
import { errorText, placeFieldError } from '../../components/api-errors';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/money';
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

export function StaffPage() {
  const { t } = useTranslation();
  const me = useActiveSession().staff;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewStaff>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [resetFor, setResetFor] = useState<StaffMember | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();
  const list = useQuery({ queryKey: ['staff.list'], queryFn: () => call('staff.list', {}) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff.list'] });

  const create = async (values: NewStaff) => {
    setBusy(true);
    setError(null);
    try {
      await call('staff.create', values);
      form.resetFields();
      await refresh();
    } catch (e) {
      if (!placeFieldError(form, e, ['fullName', 'username', 'role', 'password'])) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const setActive = async (member: StaffMember, active: boolean) => {
    try {
      await call('staff.setActive', { id: member.id, active });
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  const resetPassword = async ({ password }: { password: string }) => {
    if (!resetFor) return;
    try {
      await call('staff.resetPassword', { id: resetFor.id, password });
      setResetFor(null);
      resetForm.resetFields();
      await refresh();
    } catch (e) {
      resetForm.setFields([{ name: 'password', errors: [errorText(e)] }]);
    }
  };

  useHotkeys({ Escape: goBack });
  const required = { required: true, message: t('common.required') };

  return (
    <div data-testid="staff-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('staff.title')}</Typography.Title>
      </div>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card title={t('staff.add')} size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={create} requiredMark={false} initialValues={{ role: 'counter' }}>
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
                <Button type="primary" htmlType="submit" loading={busy} block data-testid="staff-create">
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
            { title: t('staff.createdAt'), dataIndex: 'createdAt', render: formatDate },
            {
              title: t('staff.active'),
              dataIndex: 'active',
              render: (active: boolean, m) => (
                <>
                  <Switch checked={active} disabled={m.id === me.id} onChange={(v) => void setActive(m, v)} />{' '}
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
        <Form form={resetForm} layout="vertical" onFinish={resetPassword}>
          <Form.Item name="password" label={t('staff.newPassword')} rules={[required]} extra={t('staff.passwordHint')}>
            <Input.Password autoFocus autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
