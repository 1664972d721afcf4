// "Ghi kết quả": a visit's outcome for a person or their household — promised (with the date),
// declined (with the reason), not at home, moved, deceased, wrong address — and a note. "Paid" is
// not chosen here: it is recorded with the payment taken from the list. Enter saves.
import { DatePicker, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declineReasons, type VisitOutcome, type VisitPerson } from '../../../shared/contract/field';
import { invalidateCalls, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeToday } from '../../components/office-time';

const manualOutcomes: Exclude<VisitOutcome, 'paid'>[] = ['promised', 'declined', 'not-home', 'wrong-address', 'moved', 'deceased'];

interface Values {
  outcome: Exclude<VisitOutcome, 'paid'>;
  promisedOn?: Dayjs;
  declineReason?: (typeof declineReasons)[number];
  note?: string;
  wholeHousehold: boolean;
}

export function VisitOutcomeModal({ person, onClose }: { person: VisitPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [outcome, setOutcome] = useState<Values['outcome']>('promised');
  const queryClient = useQueryClient();
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
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'visit-save' } as Record<`data-${string}`, string>}
    >
      <ErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'promised', promisedOn: dayjs(officeToday()).add(7, 'day'), wholeHousehold: !!person.householdId }}
        onValuesChange={(changed: Partial<Values>) => changed.outcome && setOutcome(changed.outcome)}
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
