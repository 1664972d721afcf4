// Voluntary social insurance for one person: one form that prices and records. Pre-filled with what
// is due next; for a first payment the same form holds the income (the one field that prices),
// and the payment enrolls the person with its method, income and first month. The amount follows
// the typing; Enter records it (once the amount shown is for what is typed) and opens the receipt.
// The page mounts it afresh when what is due next changes, so the form starts from that.
// The lump sum for the years missing to a pension asks the months already contributed (from the SI
// book) instead of a first month: the missing months are paid in the payment's month.
import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type Enrollment, type PaymentMethod } from '../../../shared/contract/contribution';
import { isApiError } from '../../api/client';
import { setCallData, useCallMutation, useQueryClient } from '../../api/use-call';
import { errorText } from '../../components/api-errors';
import { countRule, dongText, MoneyInput, moneyRule, typedCount, typedDong } from '../../components/money-input';
import { officeToday } from '../../components/office-time';
import { useHotkeys } from '../../components/use-hotkeys';
import { refreshAfterReceipt } from '../../components/work-queries';
import { navigate } from '../../routing/hash-router';
import { EnterConfirms } from './enter-confirms';
import { QuotePanel } from './quote-panel';
import { endVisit, visitOfPayment } from '../field/visit-target';
import { useLiveQuote } from './use-live-quote';

interface Values {
  method: PaymentMethod;
  fromMonth: Dayjs | null;
  months: string;
  incomeBasis: string;
  /** Lump sum for missing years only: months of social insurance already contributed. */
  contributedMonths: string;
}

const monthsByMethod: Partial<Record<PaymentMethod, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };
const FIELDS = ['method', 'fromMonth', 'months', 'incomeBasis', 'contributedMonths'] as const;
/** Methods whose months are not one period's: the months typed do not pick another method. */
const LUMP_SUMS: readonly PaymentMethod[] = ['lump-sum-future', 'lump-sum-shortfall'];
/** The most months one payment covers (five years ahead), as the contract says. */
export const MAX_MONTHS = 60;

function startValues(enrollment: Enrollment | undefined): Values {
  if (!enrollment) return { method: 'monthly', fromMonth: dayjs(`${officeToday().slice(0, 7)}-01`), months: '1', incomeBasis: '', contributedMonths: '' };
  return {
    contributedMonths: '',
    method: enrollment.method,
    fromMonth: dayjs(`${enrollment.nextDue.fromMonth}-01`),
    months: String(enrollment.nextDue.months),
    incomeBasis: dongText(enrollment.incomeBasis),
  };
}

/** What the core is asked to price, from what the form holds; null while something does not parse. */
/**
 * The lump sum for missing years is recorded from the first month not yet paid (this month or, when
 * it is paid already, the one after): the missing months are priced in the payment's month either way.
 */
function firstUnpaidMonth(enrollment: Enrollment | undefined): string {
  const thisMonth = officeToday().slice(0, 7);
  return enrollment && enrollment.nextDue.fromMonth > thisMonth ? enrollment.nextDue.fromMonth : thisMonth;
}

function quoteInput(participantId: string, values: Values | undefined, firstUnpaid: string) {
  const months = typedCount(values?.months);
  const incomeBasis = typedDong(values?.incomeBasis);
  const incomeUnreadable = !!values?.incomeBasis?.trim() && incomeBasis === undefined;
  // Out of the form's own range the form says so; the core is not asked (its refusal would say it twice).
  if (!values || !months || months > MAX_MONTHS || incomeUnreadable || !values.incomeBasis?.trim()) return null;
  // (The form's values hold only the fields shown: the first month is not asked for this lump sum.)
  if (values.method === 'lump-sum-shortfall') {
    // The missing months are paid now, after the months already contributed.
    const contributedMonths = typedCount(values.contributedMonths);
    if (contributedMonths === undefined) return null;
    return {
      participantId,
      scheme: 'VSI' as const,
      fromMonth: firstUnpaid,
      months,
      method: values.method,
      contributedMonths,
      ...(incomeBasis !== undefined ? { incomeBasis } : {}),
    };
  }
  if (!values.fromMonth) return null;
  return {
    participantId,
    scheme: 'VSI' as const,
    fromMonth: values.fromMonth.format('YYYY-MM'),
    months,
    // The method is sent only when it agrees with the months; otherwise the core derives it.
    ...(values.method && (values.method === 'lump-sum-future' || monthsByMethod[values.method] === months) ? { method: values.method } : {}),
    ...(incomeBasis !== undefined ? { incomeBasis } : {}),
  };
}

export function PersonPayment({ participantId, enrollment }: { participantId: string; enrollment: Enrollment | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The form's values as of the last keystroke: kept from onValuesChange, which runs in the key's own
  // event (Form.useWatch reports a frame later, and an Enter right after typing would see the old ones).
  const [values, setValues] = useState<Values>(() => startValues(enrollment));

  const firstUnpaid = firstUnpaidMonth(enrollment);
  const input = useMemo(() => quoteInput(participantId, values, firstUnpaid), [values, participantId, firstUnpaid]);
  // No income yet: nothing to price. The form says what to type instead of asking the core.
  const incomeMissing = !values.incomeBasis?.trim();
  const shortfall = values.method === 'lump-sum-shortfall';
  // The lump sum for missing years prices nothing before the months already contributed are typed.
  const prompt = incomeMissing ? t('collect.incomePrompt') : shortfall && !values.contributedMonths?.trim() ? t('collect.contributedPrompt') : null;

  const recordPayment = useCallMutation('contributions.record', {
    onSuccess: (result) => {
      refreshAfterReceipt(queryClient, participantId);
      endVisit();
      setCallData(queryClient, 'receipts.get', { id: result.receipt.id }, result.receipt);
      navigate('receipt', result.receipt.id);
    },
  });
  const { isPending, mutate } = recordPayment;
  // Taken on a field visit (opened from the visit list): the visit's "paid" is recorded with it.
  const record = useCallback(
    (shown: { total: number }) => input && !isPending && mutate({ ...input, expectedTotal: shown.total, ...visitOfPayment([participantId]) }),
    [input, isPending, mutate, participantId],
  );
  const { shown, upToDate, quote, waiting, confirm, refusal } = useLiveQuote('contributions.quote', input, record);

  // Enter from anywhere on the page: the form is checked first, and a first payment's missing income
  // takes the cursor rather than a refusal.
  const enter = () =>
    form.validateFields().then(
      () => {
        const now = form.getFieldsValue();
        if (!now.incomeBasis?.trim()) form.getFieldInstance('incomeBasis')?.focus();
        else confirm(quoteInput(participantId, now, firstUnpaid));
      },
      (invalid: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = invalid.errorFields?.[0];
        if (first) form.scrollToField(first.name, { focus: true });
      },
    );
  useHotkeys({ Enter: () => void enter(), 'Ctrl+Enter': () => void enter() });

  // The core's refusal of what is typed, beside the field it names (an income out of range says the range).
  const besideField = (field: (typeof FIELDS)[number]) => (isApiError(refusal) && refusal.data.field === field ? errorText(refusal) : undefined);
  /** A Form.Item's props that show the core's refusal of its field in place of the form's own message. */
  const refusedHere = (field: (typeof FIELDS)[number]) => (besideField(field) ? { help: besideField(field), validateStatus: 'error' as const } : {});
  // A refusal of a field not on screen (the first month, hidden for the lump sum for missing years) shows above the amount.
  const shownFields: readonly string[] = FIELDS.filter((f) => f !== (shortfall ? 'fromMonth' : 'contributedMonths'));
  const elsewhere = refusal && !(isApiError(refusal) && shownFields.includes(refusal.data.field ?? '')) ? refusal : null;
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card size="small" title={t('collect.period')}>
          <EnterConfirms onEnter={() => void enter()}>
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={startValues(enrollment)}
              onValuesChange={(changed: Partial<Values>) => {
                const m = changed.method && monthsByMethod[changed.method];
                if (m) form.setFieldValue('months', String(m));
                // Typing a period length picks the method it belongs to (3 → quarterly, …).
                const typed = typedCount(changed.months);
                if (typed !== undefined && !LUMP_SUMS.includes(form.getFieldValue('method') as PaymentMethod)) {
                  const fitting = (Object.keys(monthsByMethod) as PaymentMethod[]).find((k) => monthsByMethod[k] === typed);
                  if (fitting) form.setFieldValue('method', fitting);
                }
                setValues(form.getFieldsValue());
              }}
            >
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="incomeBasis" label={t('collect.income')} rules={[moneyRule()]} {...refusedHere('incomeBasis')}>
                    <MoneyInput autoFocus={!enrollment?.incomeBasis} data-testid="collect-income" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="months"
                    label={t('collect.months')}
                    rules={[countRule({ min: 1, max: MAX_MONTHS, required: true })]}
                    {...refusedHere('months')}
                  >
                    <Input inputMode="numeric" autoComplete="off" autoFocus={!!enrollment?.incomeBasis} data-testid="collect-months" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="method" label={t('collect.method')} {...refusedHere('method')}>
                    <Select options={paymentMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))} data-testid="collect-method" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  {shortfall ? (
                    <Form.Item
                      name="contributedMonths"
                      label={t('collect.contributedMonths')}
                      tooltip={t('collect.contributedMonthsHint')}
                      rules={[countRule({ min: 0, max: 1200, required: true })]}
                      {...refusedHere('contributedMonths')}
                    >
                      <Input inputMode="numeric" autoComplete="off" data-testid="collect-contributedMonths" />
                    </Form.Item>
                  ) : (
                    <Form.Item name="fromMonth" label={t('collect.fromMonth')} {...refusedHere('fromMonth')}>
                      <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} allowClear={false} data-testid="collect-fromMonth" />
                    </Form.Item>
                  )}
                </Col>
              </Row>
            </Form>
          </EnterConfirms>
        </Card>
      </Col>
      <Col span={14}>
        <QuotePanel
          shown={prompt ? undefined : shown}
          fetching={quote.isFetching}
          prompt={prompt}
          error={recordPayment.error ?? elsewhere}
          ready={upToDate && !prompt}
          busy={recordPayment.isPending || waiting}
          onConfirm={() => shown && record(shown)}
          confirmLabel={t('collect.confirm')}
        />
      </Col>
    </Row>
  );
}
