// Day-end (supervisors): each collector's receipts, less the refunds of closed days' receipts they
// paid out, against the cash counted; closing needs a note wherever the count differs from what is
// due. A closed day can be reopened with a reason.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectorDay } from '../../../shared/contract/day-end';
import { call } from '../../api/client';
import { errorText } from '../../components/api-errors';
import { ErrorAlert } from '../../components/error-alert';
import { formatDay, formatDong } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { dongInputProps } from '../collect/dong-input';
import { DayReportActions } from '../day-report/day-report-actions';
import { BackupCard } from './backup-card';
import { DayEndPush } from './day-end-push';

type Counts = Record<string, { cash: number | null; note: string }>;

export function DayEndPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const businessDate = date.format('YYYY-MM-DD');
  const key = ['dayEnd.summary', businessDate];
  const q = useQuery({ queryKey: key, queryFn: () => call('dayEnd.summary', { businessDate }) });
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const s = q.data;
  const closed = s?.status === 'closed';

  useEffect(() => {
    if (!s) return;
    setCounts(Object.fromEntries(s.collectors.map((c) => [c.staffId, { cash: c.cashCounted ?? Math.max(0, c.expected), note: c.note ?? '' }])));
  }, [s]);

  const differs = (c: CollectorDay) => (counts[c.staffId]?.cash ?? 0) !== c.expected;
  // Refunds of closed days' receipts paid out this day: only then are the refund and "due" columns shown.
  const refunds = (s?.refundCount ?? 0) > 0;
  const missingNote = (s?.collectors ?? []).some((c) => differs(c) && !counts[c.staffId]?.note.trim());

  const close = async () => {
    if (!s || missingNote) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('dayEnd.close', {
        businessDate,
        counts: s.collectors.map((c) => ({
          staffId: c.staffId,
          cashCounted: counts[c.staffId]?.cash ?? 0,
          ...(counts[c.staffId]?.note.trim() ? { note: counts[c.staffId]!.note.trim() } : {}),
        })),
      });
      queryClient.setQueryData(key, next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const reopen = async ({ reason }: { reason: string }) => {
    try {
      queryClient.setQueryData(key, await call('dayEnd.reopen', { businessDate, reason }));
      setReopening(false);
    } catch (e) {
      reopenForm.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    }
  };

  const set = (id: string, patch: Partial<Counts[string]>) => setCounts((prev) => ({ ...prev, [id]: { cash: null, note: '', ...prev[id], ...patch } }));

  useHotkeys({ Escape: goBack });

  return (
    <div data-testid="day-end-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('dayEnd.title')}</Typography.Title>
        <DatePicker value={date} onChange={(v) => v && setDate(v)} format="DD/MM/YYYY" allowClear={false} />
      </div>
      <ErrorAlert error={q.error ?? error} />
      {s && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space size="large" wrap>
            <Tag color={closed ? 'red' : 'green'}>{t(`dayEnd.status.${s.status}`)}</Tag>
            <span>{t('dayEnd.receipts', { count: s.receiptCount })}</span>
            <strong>{formatDong(s.total)}</strong>
            {s.refundCount > 0 && (
              <span data-testid="day-refunds">
                {t('dayEnd.refundsLine', { count: s.refundCount, amount: formatDong(s.refundTotal), due: formatDong(s.expected) })}
              </span>
            )}
            {s.closedAt && <span className="muted">{t('dayEnd.closedBy', { name: s.closedByName ?? '', date: formatDay(s.closedAt) })}</span>}
          </Space>
        </Card>
      )}
      <Table<CollectorDay>
        size="middle"
        rowKey="staffId"
        pagination={false}
        loading={q.isLoading}
        dataSource={s?.collectors ?? []}
        locale={{ emptyText: t('dayEnd.none') }}
        columns={[
          { title: t('receipt.collector'), dataIndex: 'fullName' },
          {
            title: t('dayEnd.receiptCount'),
            dataIndex: 'receiptCount',
            render: (n: number, c) => `${n} (${t('dayEnd.voidedShort', { count: c.voidedCount })})`,
          },
          { title: t('dayEnd.expected'), dataIndex: 'total', align: 'right', render: formatDong },
          ...(refunds
            ? [
                { title: t('dayEnd.refunds'), dataIndex: 'refundTotal', align: 'right' as const, render: (n: number) => (n ? formatDong(-n) : '') },
                { title: t('dayEnd.due'), dataIndex: 'expected', align: 'right' as const, render: (n: number) => <strong>{formatDong(n)}</strong> },
              ]
            : []),
          {
            title: t('dayEnd.cashCounted'),
            key: 'cash',
            render: (_, c) => (
              <InputNumber
                {...dongInputProps}
                style={{ width: 170 }}
                disabled={closed}
                value={counts[c.staffId]?.cash ?? null}
                onChange={(v) => set(c.staffId, { cash: v })}
              />
            ),
          },
          {
            title: t('dayEnd.note'),
            key: 'note',
            render: (_, c) => (
              <Input
                disabled={closed}
                status={differs(c) && !counts[c.staffId]?.note.trim() ? 'error' : undefined}
                placeholder={differs(c) ? t('dayEnd.noteRequired') : ''}
                value={counts[c.staffId]?.note ?? ''}
                onChange={(e) => set(c.staffId, { note: e.target.value })}
              />
            ),
          },
        ]}
      />
      {missingNote && !closed && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('dayEnd.noteRequired')} />}
      <Space style={{ marginTop: 16 }}>
        {!closed && (
          <Button type="primary" onClick={() => void close()} loading={busy} disabled={!s || missingNote} data-testid="close-day">
            {t('dayEnd.close')}
          </Button>
        )}
        {closed && (
          <Button danger onClick={() => setReopening(true)} data-testid="reopen-day">
            {t('dayEnd.reopen')}
          </Button>
        )}
        <DayReportActions businessDate={businessDate} onError={setError} />
      </Space>
      {closed && <DayEndPush />}
      <BackupCard />
      <Modal
        open={reopening}
        title={t('dayEnd.reopen')}
        onCancel={() => setReopening(false)}
        onOk={() => reopenForm.submit()}
        okText={t('dayEnd.reopen')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={reopenForm} layout="vertical" onFinish={reopen}>
          <Form.Item name="reason" label={t('dayEnd.reopenReason')} rules={[{ required: true, min: 5, message: t('dayEnd.reopenReasonRequired') }]}>
            <Input.TextArea autoFocus rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
