// Voiding a receipt: a reason, always. When the receipt's day is already closed (a supervisor, on a
// later day) the void is a refund paid out today: the modal says so, with the amount, and asks
// whose cash pays it (the supervisor by default) — that person's expected cash today is less by it.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../shared/contract/contribution';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { useCall, useCallMutation } from '../../api/use-call';
import { setFieldError } from '../../components/field-errors';
import { officeToday } from '../../components/office-time';
import { filterOption } from '../../components/reference-selects';
import { formatDong } from '../../components/money';
import { useActiveSession } from '../../session/session-context';

interface VoidForm {
  reason: string;
  paidOutBy?: string;
}

export function VoidReceiptModal({
  receipt: r,
  open,
  onClose,
  onVoided,
}: {
  receipt: Receipt;
  open: boolean;
  onClose(): void;
  onVoided(voided: Receipt): void;
}) {
  const { t } = useTranslation();
  const me = useActiveSession().staff;
  const [form] = Form.useForm<VoidForm>();
  // Another device's receipt (ADR 0026) is always a refund paid out here; this device's, when its day is closed.
  const elsewhere = !!r.issuedElsewhere;
  const earlierDay = !elsewhere && me.role === 'supervisor' && r.businessDate < officeToday();
  const day = useCall('dayEnd.summary', { businessDate: r.businessDate }, { enabled: open && earlierDay });
  const refund = elsewhere || (earlierDay && day.data?.status === 'closed');
  const staff = useCall('staff.list', {}, { enabled: refund });
  const voidReceipt = useCallMutation('receipts.void', { onSuccess: onVoided, onError: (e) => setFieldError(form, 'reason', e) });
  const submit = ({ reason, paidOutBy }: VoidForm) => voidReceipt.mutate({ id: r.id, reason, ...(refund ? { paidOutBy: paidOutBy ?? me.id } : {}) });

  return (
    <Modal
      open={open}
      title={t(refund ? 'receipt.refundTitle' : 'receipt.voidTitle', { label: r.label })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={
        <>
          {t(refund ? 'receipt.refundConfirm' : 'receipt.void')} <kbd>Ctrl+Enter</kbd>
        </>
      }
      okButtonProps={{ danger: true, id: 'void-confirm', disabled: earlierDay && day.isLoading, loading: voidReceipt.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {refund && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="refund-notice"
          title={
            elsewhere
              ? t('receipt.refundElsewhereNotice', { device: r.issuedElsewhere?.deviceName ?? r.issuedElsewhere?.officeCode, amount: formatDong(r.amount) })
              : t('receipt.refundNotice', { day: vietnameseDate(r.businessDate), amount: formatDong(r.amount) })
          }
        />
      )}
      {/* Enter writes a new line in the reason; Ctrl+Enter confirms, from any field. */}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ paidOutBy: me.id }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t(refund ? 'receipt.refundReason' : 'receipt.voidReason')}
          rules={[{ required: true, min: 5, message: t('receipt.voidReasonRequired') }]}
        >
          <Input.TextArea autoFocus rows={3} data-testid="void-reason" />
        </Form.Item>
        {refund && (
          <Form.Item name="paidOutBy" label={t('receipt.paidOutBy')} extra={t('receipt.paidOutByHint')}>
            <Select
              data-testid="refund-paid-by"
              showSearch={{ filterOption }}
              loading={staff.isLoading}
              options={(staff.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.fullName }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
