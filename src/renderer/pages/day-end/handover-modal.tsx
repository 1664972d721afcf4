// Receiving a collector's cash (a field officer back at the office): the days of their takings not
// yet handed over, as this device knows them from the last sync, the cash counted against them, and
// a note whenever it differs from what is due. Recorded once; every device of the office learns it.
import { Alert, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeDayDevice } from '../../../shared/contract/office-day';
import { callKey, invalidateCalls, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { setFieldError } from '../../components/field-errors';
import { formatDong } from '../../components/money';
import { MoneyInput, typedDong } from '../../components/money-input';

export interface HandoverTarget {
  device: OfficeDayDevice;
  collector: OfficeDayDevice['collectors'][number];
}

export function HandoverModal({ target, businessDate, onClose }: { target: HandoverTarget | null; businessDate: string; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [days, setDays] = useState<string[] | null>(null);
  const [cash, setCash] = useState('');
  const open = target !== null;
  const openDays = target?.collector.openDays ?? [];
  const chosen = days ?? openDays.map((d) => d.businessDate);
  const due = openDays.filter((d) => chosen.includes(d.businessDate)).reduce((n, d) => n + d.expected, 0);
  const counted = typedDong(cash);
  const differs = counted !== undefined && counted !== due;
  const record = useCallMutation('dayEnd.recordHandover', {
    onSuccess: () => {
      invalidateCalls(queryClient, callKey('dayEnd.office', { businessDate }));
      close();
    },
    onError: (e) => setFieldError(form, 'note', e),
  });
  const close = () => {
    setDays(null);
    setCash('');
    form.resetFields();
    record.reset();
    onClose();
  };
  const submit = ({ note }: { note?: string }) => {
    if (!target || counted === undefined || chosen.length === 0 || !target.device.deviceId || !target.collector.staffId) return;
    record.mutate({
      fromDeviceId: target.device.deviceId,
      collectorStaffId: target.collector.staffId,
      businessDates: chosen,
      cashCounted: counted,
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
  };
  return (
    <Modal
      open={open}
      title={target ? t('officeDay.handoverTitle', { name: target.collector.fullName, device: target.device.name }) : ''}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('officeDay.recordHandover')}
      okButtonProps={{ disabled: counted === undefined || chosen.length === 0, loading: record.isPending, id: 'handover-confirm' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={record.error} />
      <Checkbox.Group value={chosen} onChange={(v) => setDays(v as string[])} style={{ width: '100%' }}>
        <Space direction="vertical">
          {openDays.map((d) => (
            <Checkbox key={d.businessDate} value={d.businessDate} data-testid="handover-day">
              {t('officeDay.dayLine', {
                day: `${d.businessDate.slice(8, 10)}/${d.businessDate.slice(5, 7)}/${d.businessDate.slice(0, 4)}`,
                count: d.receiptCount,
                amount: formatDong(d.expected),
              })}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Alert type="info" style={{ margin: '12px 0' }} title={t('officeDay.dueNow', { amount: formatDong(due) })} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('officeDay.cashReceived')}>
          <MoneyInput autoFocus value={cash} onChange={setCash} data-testid="handover-cash" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('dayEnd.note')}
          rules={[{ required: differs, message: t('dayEnd.noteRequired') }]}
          extra={differs ? t(counted! < due ? 'dayEnd.short' : 'dayEnd.over', { amount: formatDong(Math.abs(counted! - due)) }) : undefined}
        >
          <Input.TextArea rows={2} data-testid="handover-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
