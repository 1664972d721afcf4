// The commune's hamlets for the supervisor: the list with how many people each holds (made
// inactive, never deleted), what the addresses name and is not on the list yet (one click adds
// it), and a form to add or rename one.
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hamlet } from '../../../shared/contract/field';
import { hamletKinds, type HamletKind } from '../../../shared/domain/hamlets';
import { invalidateCalls, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';

export function HamletsTab({ communeCode }: { communeCode: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useCall('hamlets.list', { communeCode, includeInactive: true });
  const learned = useCall('hamlets.learn', { communeCode });
  const [editing, setEditing] = useState<Hamlet | null>(null);
  const [form] = Form.useForm<{ kind: HamletKind; name: string }>();
  const save = useCallMutation('hamlets.save', {
    onSuccess: () => {
      invalidateCalls(queryClient, ['hamlets.list'], ['hamlets.learn'], ['field.myArea']);
      setEditing(null);
      form.resetFields();
    },
  });
  const kinds = hamletKinds.map((k) => ({ value: k, label: t(`hamlet.kind.${k}`) }));
  return (
    <div className="area-columns">
      <div>
        <ErrorAlert error={list.error ?? save.error} />
        <Table<Hamlet>
          size="small"
          rowKey="id"
          pagination={false}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="hamlets-table"
          columns={[
            { title: t('area.name'), dataIndex: 'label' },
            { title: t('area.people'), dataIndex: 'people', align: 'right', width: 90 },
            {
              title: '',
              key: 'state',
              width: 110,
              render: (_, h) => <Tag color={h.active ? 'green' : 'default'}>{t(h.active ? 'area.active' : 'area.inactive')}</Tag>,
            },
            {
              title: '',
              key: 'actions',
              width: 190,
              render: (_, h) => (
                <Space size={4}>
                  <Button size="small" onClick={() => (setEditing(h), form.setFieldsValue({ kind: h.kind, name: h.name }))}>
                    {t('area.edit')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => save.mutate({ id: h.id, expectedVersion: h.version, communeCode, kind: h.kind, name: h.name, active: !h.active })}
                  >
                    {t(h.active ? 'area.deactivate' : 'area.activate')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
        <Card size="small" title={editing ? `${t('area.edit')}: ${editing.label}` : t('area.newHamlet')} style={{ marginTop: 12 }}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'thon' }}
            onFinish={(v) =>
              save.mutate({
                ...(editing ? { id: editing.id, expectedVersion: editing.version, active: editing.active } : {}),
                communeCode,
                kind: v.kind,
                name: v.name,
              })
            }
          >
            <Form.Item name="kind" label={t('area.kind')}>
              <Select options={kinds} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="name" label={t('area.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input maxLength={60} data-testid="hamlet-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="hamlet-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      </div>
      <Card size="small" title={t('area.learned', { addresses: learned.data?.addresses ?? 0 })}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('area.learnedHelp')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="label"
          pagination={false}
          loading={learned.isLoading}
          dataSource={learned.data?.items ?? []}
          data-testid="hamlets-learned"
          columns={[
            { title: t('area.name'), dataIndex: 'label' },
            { title: t('area.people'), dataIndex: 'people', align: 'right', width: 80 },
            {
              title: '',
              key: 'add',
              width: 90,
              render: (_, h) =>
                h.knownId ? (
                  <Tag>{t('area.known')}</Tag>
                ) : (
                  <Button size="small" onClick={() => save.mutate({ communeCode, kind: h.kind, name: h.name })} data-testid="hamlet-learn-add">
                    {t('area.add')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
