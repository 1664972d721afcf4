// The officers' areas for the supervisor: each field officer (by the username they sign in with on
// every device) with their communes, whole or some hamlets; editing one replaces the whole area.
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaPart, Assignment } from '../../../shared/contract/field';
import { invalidateCalls, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { filterOption, useCommunes } from '../../components/reference-selects';

function HamletPicker({ communeCode, value, onChange }: { communeCode: string; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation();
  const hamlets = useCall('hamlets.list', { communeCode });
  return (
    <Select
      mode="multiple"
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('area.wholeCommune')}
      aria-label={t('area.hamletsOf')}
      style={{ minWidth: 260 }}
      options={(hamlets.data?.items ?? []).map((h) => ({ value: h.id, label: h.label }))}
    />
  );
}

export function AssignmentsTab({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useCall('field.assignments', {});
  const communes = useCommunes(provinceCode);
  const names = new Map((communes.data?.items ?? []).map((c) => [c.code, c.name]));
  const [editing, setEditing] = useState<{ username: string; version: number; areas: AreaPart[] } | null>(null);
  const save = useCallMutation('field.assign', {
    onSuccess: () => {
      invalidateCalls(queryClient, ['field.assignments'], ['field.myArea']);
      setEditing(null);
    },
  });
  const edit = (a: Assignment) => setEditing({ username: a.username, version: a.version, areas: a.areas });
  return (
    <div>
      <ErrorAlert error={list.error ?? save.error} />
      <Table<Assignment>
        size="small"
        rowKey="username"
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid="assignments-table"
        columns={[
          { title: t('area.officer'), key: 'who', render: (_, a) => `${a.fullName ?? ''} (${a.username})` },
          {
            title: t('area.areaOf'),
            key: 'area',
            render: (_, a) =>
              a.areas.length === 0 ? (
                <span className="muted">{t('area.noAreaYet')}</span>
              ) : (
                <Space wrap size={4}>
                  {a.areas.map((p) => (
                    <Tag key={p.communeCode}>
                      {names.get(p.communeCode) ?? p.communeCode}
                      {p.hamletIds.length === 0 ? ` · ${t('area.wholeCommune')}` : ` · ${p.hamletIds.length} thôn`}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: '',
            key: 'edit',
            width: 130,
            render: (_, a) => (
              <Button size="small" onClick={() => edit(a)} data-testid="assign-edit">
                {t('area.assign')}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Input.Search
          placeholder={t('area.username')}
          enterButton={t('area.newOfficer')}
          onSearch={(u) => u.trim() && setEditing({ username: u.trim().toLowerCase(), version: 0, areas: [] })}
          style={{ width: 420 }}
        />
      </Space>
      {editing && (
        <Card size="small" title={t('area.assignTitle', { username: editing.username })} style={{ marginTop: 12 }} data-testid="assign-card">
          {editing.areas.map((p, i) => (
            <Space key={p.communeCode} style={{ display: 'flex', marginBottom: 8 }}>
              <span style={{ minWidth: 200, display: 'inline-block' }}>{names.get(p.communeCode) ?? p.communeCode}</span>
              <HamletPicker
                communeCode={p.communeCode}
                value={p.hamletIds}
                onChange={(ids) => setEditing({ ...editing, areas: editing.areas.map((x, j) => (j === i ? { ...x, hamletIds: ids } : x)) })}
              />
              <Button size="small" danger onClick={() => setEditing({ ...editing, areas: editing.areas.filter((_, j) => j !== i) })}>
                ✕
              </Button>
            </Space>
          ))}
          <Space>
            <Select
              showSearch={{ filterOption }}
              placeholder={t('area.addCommune')}
              aria-label={t('area.addCommune')}
              value={null}
              style={{ width: 260 }}
              options={(communes.data?.items ?? [])
                .filter((c) => !editing.areas.some((p) => p.communeCode === c.code))
                .map((c) => ({ value: c.code, label: c.name }))}
              onChange={(code: string) => setEditing({ ...editing, areas: [...editing.areas, { communeCode: code, hamletIds: [] }] })}
              data-testid="assign-commune"
            />
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => save.mutate({ username: editing.username, areas: editing.areas, expectedVersion: editing.version })}
              data-testid="assign-save"
            >
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
