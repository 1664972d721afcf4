// The supervisor's audit screen (ADR 0028): the log newest first, filtered by days, staff member,
// action and words; a check of the whole chain against the central's acknowledged head; and, while
// a break is open, settling it with a note (which ends the alert and lets the day close again).
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callKey, invalidateCalls, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeDateTime } from '../../components/office-time';
import { useHotkeys } from '../../components/use-hotkeys';
import { ActionCell, DetailsPanel } from './audit-cells';
import { actionLabel, detailsLine, matchesAction } from './audit-text';
import { goBack } from '../../routing/hash-router';

interface Filters {
  from?: string;
  to?: string;
  staffId?: string;
  action?: string;
  query?: string;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [pages, setPages] = useState<number[]>([]);
  const staff = useCall('staff.list', {});
  const status = useCall('audit.status', {});
  const list = useCall('audit.list', { ...filters, limit: 50, ...(pages.length ? { beforeSeq: pages.at(-1)! } : {}) });
  const verify = useCallMutation('audit.verify', { onSuccess: () => invalidateCalls(queryClient, callKey('audit.status')) });
  const [note, setNote] = useState('');
  const settle = useCallMutation('audit.settle', {
    onSuccess: () => {
      setNote('');
      invalidateCalls(queryClient, callKey('audit.status'), callKey('audit.list'));
    },
  });
  useHotkeys({ Escape: goBack });

  const apply = (next: Filters) => {
    setPages([]);
    setFilters(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Filters);
  };
  const open = status.data?.openBreaks ?? [];
  const result = verify.data;

  return (
    <div data-testid="audit-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('audit.title')}</Typography.Title>
        <Button type="primary" onClick={() => verify.mutate({})} loading={verify.isPending} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      </div>
      <ErrorAlert error={verify.error ?? settle.error ?? list.error} />
      {result && (
        <Alert
          data-testid="audit-verify-result"
          style={{ marginBottom: 16 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          message={result.ok ? t('audit.intact', { count: result.entries }) : en ? result.problemEn : result.problem}
          description={result.anchor ? t('audit.anchored', { seq: result.anchor.seq, at: officeDateTime(result.anchor.at) }) : t('audit.notAnchored')}
        />
      )}
      {open.length > 0 && (
        <Card size="small" title={t('audit.openBreaks')} style={{ marginBottom: 16 }} data-testid="audit-breaks">
          <ul>
            {open.map((b) => (
              <li key={b.seq}>
                {officeDateTime(b.foundAt)} — {en ? b.problemEn : b.problem}
              </li>
            ))}
          </ul>
          <Typography.Paragraph type="secondary">{t('audit.settleHelp')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
              placeholder={t('audit.settleNote')}
              data-testid="audit-settle-note"
            />
          </Space.Compact>
          <Button danger style={{ marginTop: 8 }} onClick={() => settle.mutate({ note })} loading={settle.isPending} data-testid="audit-settle">
            {t('audit.settle')}
          </Button>
        </Card>
      )}
      <Form
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v: { days?: [Dayjs, Dayjs] | null; staffId?: string; action?: string; query?: string }) =>
          apply({
            from: v.days?.[0]?.format('YYYY-MM-DD'),
            to: v.days?.[1]?.format('YYYY-MM-DD'),
            staffId: v.staffId,
            action: v.action,
            query: v.query?.trim(),
          })
        }
      >
        <Form.Item name="days" label={t('audit.days')}>
          <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="staffId" label={t('audit.staff')}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.fullName }))}
            data-testid="audit-staff"
          />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch
            style={{ width: 220 }}
            options={(list.data?.actions ?? []).map((a) => ({ value: a, label: actionLabel(t, a) }))}
            filterOption={(typed, option) => matchesAction(typed, option?.value ?? '', option?.label ?? '')}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item name="query">
          <Input placeholder={t('audit.query')} style={{ width: 200 }} data-testid="audit-query" />
        </Form.Item>
        <Button htmlType="submit" data-testid="audit-filter">
          {t('audit.filter')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="seq"
        loading={list.isLoading}
        pagination={false}
        dataSource={list.data?.items ?? []}
        data-testid="audit-table"
        expandable={{
          expandRowByClick: true,
          rowExpandable: (row) => row.details !== 'null',
          expandedRowRender: (row) => <DetailsPanel t={t} details={row.details} />,
        }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: string) => officeDateTime(at) },
          { title: t('audit.staff'), dataIndex: 'staffName', width: 170, render: (name: string | null) => name ?? '—' },
          { title: t('audit.action'), dataIndex: 'action', width: 190, render: (action: string) => <ActionCell t={t} action={action} /> },
          {
            title: t('audit.record'),
            dataIndex: 'entityId',
            width: 150,
            ellipsis: true,
            render: (id: string | null, row) => `${row.entity}${id ? ` ${id}` : ''}`,
          },
          { title: t('audit.details'), dataIndex: 'details', ellipsis: true, render: (details: string) => detailsLine(t, details) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        {pages.length > 0 && <Button onClick={() => setPages(pages.slice(0, -1))}>{t('audit.newer')}</Button>}
        {list.data?.nextBeforeSeq && (
          <Button onClick={() => setPages([...pages, list.data!.nextBeforeSeq!])} data-testid="audit-older">
            {t('audit.older')}
          </Button>
        )}
      </Space>
    </div>
  );
}
