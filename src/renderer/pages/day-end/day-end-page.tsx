// Day-end (supervisors): each collector's receipts, less the refunds of closed days' receipts they
// paid out, against the cash counted — typed in, never pre-filled, with the difference shown as it
// is typed; closing needs a count for everyone and a note wherever it differs from what is due. A
// closed day can be reopened with a reason.
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setCallData, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { setFieldError } from '../../components/field-errors';
import { formatDay, formatDong } from '../../components/money';
import { typedDong } from '../../components/money-input';
import { officeToday } from '../../components/office-time';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack } from '../../routing/hash-router';
import { DayReportActions } from '../day-report/day-report-actions';
import { BackupCard } from './backup-card';
import { CashCountTable, countProblem, countsOf, type Counts } from './cash-count';
import { DayEndPush } from './day-end-push';
import { OfficeDayCard } from './office-day-card';
import { useActiveSession } from '../../session/session-context';

export function DayEndPage() {
  const { t } = useTranslation();
  // A field officer closes their own laptop's day here; the office, its report and backups are the supervisor's.
  const supervisor = useActiveSession().staff.role === 'supervisor';
  const queryClient = useQueryClient();
  const [date, setDate] = useState<Dayjs>(() => dayjs(officeToday()));
  const businessDate = date.format('YYYY-MM-DD');
  const q = useCall('dayEnd.summary', { businessDate });
  const [counts, setCounts] = useState<Counts>({});
  const [reopening, setReopening] = useState(false);
  const [reportError, setReportError] = useState<unknown>(null);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const s = q.data;
  const closed = s?.status === 'closed';
  const answered = (next: NonNullable<typeof s>) => setCallData(queryClient, 'dayEnd.summary', { businessDate }, next);
  const close = useCallMutation('dayEnd.close', { onSuccess: answered });
  const reopen = useCallMutation('dayEnd.reopen', {
    onSuccess: (next) => {
      answered(next);
      setReopening(false);
    },
    onError: (e) => setFieldError(reopenForm, 'reason', e),
  });

  // Another day, a close or a reopen starts the counts over from what the answer holds; a refetch
  // of the same open day (a receipt recorded meanwhile) keeps what is being typed.
  const countsFor = s ? `${s.businessDate}|${s.status}|${s.closedAt ?? ''}` : null;
  const [countedFor, setCountedFor] = useState<string | null>(null);
  if (s && countsFor !== countedFor) {
    setCountedFor(countsFor);
    setCounts(countsOf(s));
  }

  const problem = s ? countProblem(s, counts) : 'uncounted';
  const submitClose = () => {
    if (!s || problem || close.isPending) return;
    close.mutate({
      businessDate,
      counts: s.collectors.map((c) => {
        const note = counts[c.staffId]?.note.trim();
        return { staffId: c.staffId, cashCounted: typedDong(counts[c.staffId]?.cash)!, ...(note ? { note } : {}) };
      }),
    });
  };
  const set = (id: string, patch: Partial<Counts[string]>) => setCounts((prev) => ({ ...prev, [id]: { cash: '', note: '', ...prev[id], ...patch } }));

  useHotkeys({ Escape: goBack });

  return (
    <div data-testid="day-end-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('dayEnd.title')}</Typography.Title>
        <DatePicker value={date} onChange={(v) => v && setDate(v)} format="DD/MM/YYYY" allowClear={false} aria-label={t('dayEnd.date')} />
      </div>
      <ErrorAlert error={q.error ?? close.error ?? reportError} />
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
      <CashCountTable summary={s} counts={counts} onChange={set} loading={q.isLoading} />
      {s && !closed && problem && s.collectors.length > 0 && (
        <Alert
          type={problem === 'note' ? 'warning' : 'info'}
          showIcon
          style={{ marginTop: 12 }}
          data-testid="day-end-problem"
          title={t(problem === 'note' ? 'dayEnd.noteRequired' : 'dayEnd.countRequired')}
        />
      )}
      <Space style={{ marginTop: 16 }}>
        {!closed && (
          <Button type="primary" onClick={submitClose} loading={close.isPending} disabled={!s || !!problem} data-testid="close-day">
            {t('dayEnd.close')}
          </Button>
        )}
        {closed && supervisor && (
          <Button danger onClick={() => setReopening(true)} data-testid="reopen-day">
            {t('dayEnd.reopen')}
          </Button>
        )}
        {supervisor && <DayReportActions businessDate={businessDate} onError={setReportError} />}
      </Space>
      {closed && <DayEndPush />}
      {supervisor && <OfficeDayCard businessDate={businessDate} />}
      {supervisor && <BackupCard />}
      <Modal
        open={reopening}
        title={t('dayEnd.reopen')}
        onCancel={() => setReopening(false)}
        onOk={() => reopenForm.submit()}
        okText={t('dayEnd.reopen')}
        okButtonProps={{ loading: reopen.isPending }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={reopenForm} layout="vertical" onFinish={({ reason }) => reopen.mutate({ businessDate, reason })}>
          <Form.Item name="reason" label={t('dayEnd.reopenReason')} rules={[{ required: true, min: 5, message: t('dayEnd.reopenReasonRequired') }]}>
            <Input.TextArea autoFocus rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
