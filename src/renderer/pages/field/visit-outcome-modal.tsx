// "Ghi kết quả": a visit's outcome for a person or their household — promised (with the date),
// declined (with the reason), not at home, moved, deceased, wrong address — and a note. A payment
// taken from the list records its own "paid"; "paid" chosen here is for money already taken at the
// office or on another of its devices, and cites those receipts (this device's and the pulled ones,
// each saying where it was taken) — for a whole household, the receipts of every member, each
// naming whose it is (a household pays its members' cards together). Enter saves.
import { DatePicker, Form, Input, Modal, Radio, Select, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declineReasons, type VisitOutcome, type VisitPerson } from '../../../shared/contract/field';
import { formatDate, formatDong } from '../../components/money';
import { invalidateCalls, useCall, useCallMutation, useCalls, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeToday } from '../../components/office-time';
import { takenOnText } from '../../components/taken-on';

const manualOutcomes: VisitOutcome[] = ['promised', 'declined', 'not-home', 'wrong-address', 'moved', 'deceased', 'paid'];

interface Values {
  outcome: VisitOutcome;
  promisedOn?: Dayjs;
  declineReason?: (typeof declineReasons)[number];
  receiptIds?: string[];
  note?: string;
  wholeHousehold: boolean;
}

export function VisitOutcomeModal({ person, onClose }: { person: VisitPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [outcome, setOutcome] = useState<Values['outcome']>('promised');
  const [wholeHousehold, setWholeHousehold] = useState(!!person.householdId);
  const queryClient = useQueryClient();
  const forHousehold = outcome === 'paid' && wholeHousehold && !!person.householdId;
  const household = useCall('households.get', forHousehold ? { id: person.householdId! } : null);
  const payers = forHousehold ? (household.data?.members ?? []) : [{ participantId: person.participantId, fullName: person.fullName }];
  // The payers' receipts not voided, newest first: taken here or pulled from the office's other devices.
  const payments = useCalls('contributions.listForParticipant', outcome === 'paid' ? payers.map((m) => ({ participantId: m.participantId })) : []);
  const loading = household.isLoading || payments.some((p) => p.isLoading);
  const loaded = (!forHousehold || !!household.data) && payments.every((p) => !!p.data);
  const names = new Map(payers.map((m) => [m.participantId, m.fullName]));
  const receipts = [
    ...new Map(
      payments
        .flatMap((p) => p.data?.items ?? [])
        .filter((c) => !c.voided)
        .sort((a, b) => (a.paidOn < b.paidOn ? 1 : a.paidOn > b.paidOn ? -1 : 0))
        .map((c) => [c.receiptId, c]),
    ).values(),
  ];
  const save = useCallMutation('field.recordVisit', {
    onSuccess: () => {
      invalidateCalls(queryClient, ['field.visitList'], ['field.visits']);
      onClose();
    },
  });
  const submit = (v: Values) =>
    save.mutate({
      ...(v.wholeHousehold && person.householdId ? { householdId: person.householdId } : { participantId: person.participantId }),
      outcome: v.outcome,
      ...(v.outcome === 'promised' && v.promisedOn ? { promisedOn: v.promisedOn.format('YYYY-MM-DD') } : {}),
      ...(v.outcome === 'declined' && v.declineReason ? { declineReason: v.declineReason } : {}),
      ...(v.outcome === 'paid' && v.receiptIds && v.receiptIds.length > 0 ? { receiptIds: v.receiptIds } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
  return (
    <Modal
      open
      title={t('field.visitTitle', { name: person.fullName })}
      okText={t('field.saveVisit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      // Wide enough for a receipt's whole tag (whose, number, day, amount, where and by whom) on one line at 1366×768.
      width={720}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'visit-save' } as Record<`data-${string}`, string>}
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'promised', promisedOn: dayjs(officeToday()).add(7, 'day'), wholeHousehold: !!person.householdId }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.outcome) setOutcome(changed.outcome);
          if (changed.wholeHousehold !== undefined) setWholeHousehold(changed.wholeHousehold);
        }}
        onFinish={submit}
      >
        <Form.Item name="outcome" label={t('field.outcomeLabel')}>
          <Radio.Group data-testid="visit-outcome" optionType="button" options={manualOutcomes.map((o) => ({ value: o, label: t(`field.outcome.${o}`) }))} />
        </Form.Item>
        {outcome === 'promised' && (
          <Form.Item name="promisedOn" label={t('field.promisedOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format="DD/MM/YYYY" allowClear={false} data-testid="visit-promised-on" disabledDate={(d) => d.isBefore(dayjs(officeToday()), 'day')} />
          </Form.Item>
        )}
        {outcome === 'declined' && (
          <Form.Item name="declineReason" label={t('field.declineReason')} rules={[{ required: true, message: t('common.required') }]}>
            <Select data-testid="visit-reason" options={declineReasons.map((r) => ({ value: r, label: t(`field.reason.${r}`) }))} />
          </Form.Item>
        )}
        {outcome === 'paid' && (
          <Form.Item
            name="receiptIds"
            label={t('field.paidReceipts')}
            extra={loaded && receipts.length === 0 ? t(forHousehold ? 'field.noHouseholdReceipts' : 'field.noReceipts') : undefined}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              mode="multiple"
              loading={loading}
              data-testid="visit-receipts"
              // A receipt's tag and its line in the list wrap instead of being cut: every part of it tells which receipt it is.
              classNames={{ popup: { root: 'visit-receipts-popup' } }}
              tagRender={({ label, closable, onClose }) => (
                <Tag
                  className="visit-receipt-tag"
                  closable={closable}
                  onClose={onClose}
                  onMouseDown={(e) => e.preventDefault()}
                  data-testid="visit-receipt-tag"
                >
                  {label}
                </Tag>
              )}
              options={receipts.map((c) => ({
                value: c.receiptId,
                label: `${forHousehold ? `${names.get(c.participantId) ?? ''} · ` : ''}${c.receiptLabel} · ${formatDate(c.paidOn)} · ${formatDong(c.total)} · ${takenOnText(t, c)}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="visit-note" />
        </Form.Item>
        {person.householdId && (
          <Form.Item name="wholeHousehold" label={t('field.visitHousehold')} valuePropName="checked">
            <Switch data-testid="visit-household" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
