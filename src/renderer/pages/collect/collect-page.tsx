// "Thu tiền": take a contribution from a person. Pre-filled with what is due next from the
// enrollment; the quote (total + breakdown) refreshes as fields change; Enter records it with the
// quoted total as `expectedTotal` (the core refuses if the rules now say otherwise) and opens the
// receipt.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Segmented, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paymentMethods, type PaymentMethod, type Scheme } from '../../../shared/contract/contribution';
import { call, isApiError } from '../../api/client';
import { setCallData, useCall } from '../../api/use-call';
import { errorText } from '../../components/api-errors';
import { placeFieldError } from '../../components/field-errors';
import { refreshAfterReceipt } from '../../components/work-queries';
import { ErrorAlert } from '../../components/error-alert';
import { formatDong } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useHouseholdMember } from '../../components/use-household-member';
import { useOpenHousehold } from '../../components/use-open-household';
import { goBack, navigate } from '../../routing/hash-router';
import { dongInputProps } from './dong-input';
import { EnrollCard } from './enroll-card';
import { QuoteTable } from './quote-table';

interface CollectValues {
  fromMonth: Dayjs | null;
  months: number | null;
  incomeBasis: number | null;
  method: PaymentMethod;
}

const monthsByMethod: Partial<Record<PaymentMethod, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

export function CollectPage({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CollectValues>();
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [busy, setBusy] = useState(false);
  const [recordError, setRecordError] = useState<unknown>(null);
  const person = useCall('participants.get', { id: participantId });
  const enrollments = useCall('enrollments.listForParticipant', { participantId });
  const active = (enrollments.data?.items ?? []).filter((e) => e.status === 'active');
  const chosen: Scheme = scheme ?? active[0]?.scheme ?? 'VSI';
  const enrollment = active.find((e) => e.scheme === chosen);

  // Pre-fill from what is due next whenever the scheme or its enrollment changes.
  useEffect(() => {
    if (enrollments.isLoading) return;
    form.setFieldsValue(
      enrollment
        ? {
            fromMonth: dayjs(`${enrollment.nextDue.fromMonth}-01`),
            months: enrollment.nextDue.months,
            incomeBasis: enrollment.incomeBasis,
            method: enrollment.method,
          }
        : { fromMonth: dayjs().startOf('month'), months: chosen === 'VSI' ? 1 : 12, incomeBasis: null, method: chosen === 'VSI' ? 'monthly' : 'annual' },
    );
    setRecordError(null);
  }, [enrollment?.id, enrollment?.nextDue.fromMonth, chosen, enrollments.isLoading, form]);

  const values = Form.useWatch([], form) as CollectValues | undefined;
  const input = useMemo(() => {
    if (!values?.fromMonth || !values.months) return null;
    return {
      participantId,
      scheme: chosen,
      fromMonth: values.fromMonth.format('YYYY-MM'),
      months: values.months,
      // The method is sent only when it agrees with the months; otherwise the core derives it.
      ...(values.method && (values.method === 'lump-sum-future' || monthsByMethod[values.method] === values.months) ? { method: values.method } : {}),
      ...(chosen === 'VSI' && values.incomeBasis ? { incomeBasis: values.incomeBasis } : {}),
    };
  }, [values, chosen, participantId]);
  const settled = useDebounced(input, 300);
  const quote = useQuery({
    queryKey: ['contributions.quote', settled],
    queryFn: () => call('contributions.quote', settled!),
    enabled: !!settled,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  // A refused quote has no amount, even if the same period was quoted before (the cache keeps that
  // answer's data next to the new error: a household mark or a closed day changes the answer).
  const shownQuote = quote.isError ? undefined : quote.data;
  const upToDate = !!shownQuote && JSON.stringify(settled) === JSON.stringify(input) && !quote.isFetching && !quote.isPlaceholderData;

  const confirm = async () => {
    if (!upToDate || !shownQuote || !input || busy) return;
    setBusy(true);
    setRecordError(null);
    try {
      const result = await call('contributions.record', { ...input, expectedTotal: shownQuote.total });
      refreshAfterReceipt(queryClient, participantId);
      setCallData(queryClient, 'receipts.get', { id: result.receipt.id }, result.receipt);
      navigate('receipt', result.receipt.id);
    } catch (e) {
      if (!placeFieldError(form, e, ['fromMonth', 'months', 'incomeBasis', 'method'])) setRecordError(e);
      void quote.refetch();
    } finally {
      setBusy(false);
    }
  };

  // Household health insurance is paid per household: with none yet, one is made here (this
  // person its head) and opened to add the members; Esc comes back to collect.
  const needsHousehold = chosen === 'HHI' && !!person.data && !person.data.householdId;
  const household = useOpenHousehold(person.data);
  // A member another scheme insures pays no household HI: said up front, with the way to the mark.
  const coveredBy = useHouseholdMember(participantId, chosen === 'HHI' ? person.data?.householdId : null)?.coveredBy ?? null;
  // What stands between household HI and this person, if anything, and the way out of it.
  const householdNotice = needsHousehold
    ? { testId: 'collect-no-household', text: t('collect.noHousehold'), button: t('person.createHousehold'), buttonTestId: 'collect-create-household' }
    : coveredBy !== null
      ? {
          testId: 'collect-covered-elsewhere',
          text: t('collect.coveredElsewhere', { name: person.data?.fullName, scheme: t(`household.coverage.${coveredBy}`) }),
          button: t('person.openHousehold'),
          buttonTestId: 'collect-open-household',
        }
      : null;

  // With household HI, Alt+H opens the household (making it first if there is none).
  // Ctrl+E edits the payer's record (a support category or address found wrong at the counter),
  // as on the person page.
  useHotkeys({
    Escape: goBack,
    'Ctrl+Enter': () => void confirm(),
    'Ctrl+E': () => navigate('person', participantId, 'edit'),
    ...(chosen === 'HHI' ? { 'Alt+H': () => void household.open() } : {}),
  });

  if (person.isLoading || enrollments.isLoading) return <Spin />;
  // With no household, or insured elsewhere, the warning above says why there is no amount; the
  // quote need not repeat it.
  const quoteError = quote.error && !quote.isFetching && !householdNotice ? quote.error : null;
  // An income not yet typed is the next step, not a mistake: said as a prompt, not in red.
  const incomePrompt = isApiError(quoteError, 'VALIDATION') && quoteError.data.field === 'incomeBasis' && !values?.incomeBasis ? errorText(quoteError) : null;

  return (
    <div data-testid="collect-page">
      <div className="page-title">
        <Typography.Title level={2}>
          {t('collect.title')} — {person.data?.fullName}
        </Typography.Title>
        <Button onClick={goBack}>
          {t('common.back')} <kbd>Esc</kbd>
        </Button>
      </div>
      <ErrorAlert error={person.error ?? enrollments.error} />
      <Segmented
        size="large"
        value={chosen}
        onChange={(v) => setScheme(v as Scheme)}
        options={(['VSI', 'HHI'] as const).map((s) => ({ value: s, label: t(`scheme.${s}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="scheme"
      />
      {householdNotice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={householdNotice.testId}
          title={householdNotice.text}
          action={
            <Button onClick={() => void household.open()} loading={household.creating} data-testid={householdNotice.buttonTestId}>
              {householdNotice.button} <kbd>Alt+H</kbd>
            </Button>
          }
        />
      )}
      <ErrorAlert error={household.error} />
      {!enrollment && coveredBy === null && (
        <EnrollCard key={chosen} participantId={participantId} scheme={chosen} onEnrolled={() => void enrollments.refetch()} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('collect.period')}>
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={() => void confirm()}
              onValuesChange={(changed: Partial<CollectValues>) => {
                const m = changed.method && monthsByMethod[changed.method];
                if (m) form.setFieldValue('months', m);
                // Typing a period length picks the method it belongs to (3 → quarterly, …).
                if (changed.months != null && form.getFieldValue('method') !== 'lump-sum-future') {
                  const fitting = (Object.keys(monthsByMethod) as PaymentMethod[]).find((k) => monthsByMethod[k] === changed.months);
                  if (fitting) form.setFieldValue('method', fitting);
                }
              }}
            >
              <Form.Item name="method" label={t('collect.method')}>
                <Select options={paymentMethods.map((m) => ({ value: m, label: t(`method.${m}`) }))} />
              </Form.Item>
              <Form.Item name="fromMonth" label={t('collect.fromMonth')}>
                <DatePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} allowClear={false} data-testid="collect-fromMonth" />
              </Form.Item>
              <Form.Item name="months" label={t('collect.months')}>
                <InputNumber min={1} max={60} style={{ width: '100%' }} autoFocus data-testid="collect-months" />
              </Form.Item>
              {chosen === 'VSI' && (
                <Form.Item name="incomeBasis" label={t('collect.income')} extra={t('collect.incomeHint')}>
                  <InputNumber {...dongInputProps} style={{ width: '100%' }} data-testid="collect-income" />
                </Form.Item>
              )}
              <button type="submit" hidden aria-hidden tabIndex={-1} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('collect.quote')} data-testid="quote">
            {incomePrompt && !recordError ? (
              <Alert type="info" showIcon title={incomePrompt} style={{ marginBottom: 16 }} data-testid="quote-prompt" />
            ) : (
              <ErrorAlert error={recordError ?? quoteError} />
            )}
            <Space align="baseline" style={{ marginBottom: 12 }}>
              <span className="muted">{t('collect.total')}</span>
              <span className="total-box" data-testid="quote-total">
                {shownQuote ? formatDong(shownQuote.total) : '—'}
              </span>
              {quote.isFetching && <Spin size="small" />}
            </Space>
            {shownQuote && <QuoteTable quote={shownQuote} />}
            <Button
              type="primary"
              size="large"
              block
              style={{ marginTop: 12 }}
              disabled={!upToDate}
              loading={busy}
              onClick={() => void confirm()}
              data-testid="confirm-collect"
            >
              {t('collect.confirm')} <kbd>Enter</kbd>
            </Button>
          </Card>
        </Col>
      </Row>
      <ShortcutBar
        items={[
          { keys: 'Enter', labelKey: 'shortcuts.confirmCollect' },
          ...(chosen === 'HHI' ? [{ keys: 'Alt+H', labelKey: 'shortcuts.household' }] : []),
          { keys: 'Ctrl+E', labelKey: 'shortcuts.edit' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
