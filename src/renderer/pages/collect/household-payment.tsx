// Household health insurance in one pass (ADR 0020): the household's members with their place in
// its sequence, those who pay ticked (Space), the same months for all, each from their own first
// unpaid month (a member not yet taking part from the month chosen here). One amount with each
// member's lines, one Enter, one transaction; the members' receipts then open together to print.
import { useQueries } from '@tanstack/react-query';
import { Card, Checkbox, Col, DatePicker, Form, Input, Row, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrollment } from '../../../shared/contract/contribution';
import type { Household } from '../../../shared/contract/household';
import { call, isApiError } from '../../api/client';
import { callKey, setCallData, useCallMutation, useQueryClient } from '../../api/use-call';
import { errorText } from '../../components/api-errors';
import { formatDong, formatMonth } from '../../components/money';
import { countRule, typedCount } from '../../components/money-input';
import { officeToday } from '../../components/office-time';
import { useHotkeys } from '../../components/use-hotkeys';
import { refreshAfterReceipt } from '../../components/work-queries';
import { navigate } from '../../routing/hash-router';
import { EnterConfirms } from './enter-confirms';
import { MAX_MONTHS } from './person-payment';
import { QuotePanel } from './quote-panel';
import { endVisit, visitOfPayment } from '../field/visit-target';
import { useLiveQuote } from './use-live-quote';

type Member = Household['members'][number];

/**
 * Each paying member's HHI enrollment, if any (their next period due); null until every member's
 * answer is in (a member's month taken before would be priced from the wrong month).
 */
function useHhiEnrollments(members: Member[]): Map<string, Enrollment | undefined> | null {
  const answers = useQueries({
    queries: members.map((m) => ({
      queryKey: callKey('enrollments.listForParticipant', { participantId: m.participantId }),
      queryFn: () => call('enrollments.listForParticipant', { participantId: m.participantId }),
    })),
  });
  if (answers.some((a) => !a.data)) return null;
  return new Map(members.map((m, i) => [m.participantId, answers[i]!.data!.items.find((e) => e.scheme === 'HHI' && e.status === 'active')]));
}

export function HouseholdPayment({ household, participantId }: { household: Household; participantId: string }) {
  const enrollments = useHhiEnrollments(household.members.filter((m) => m.coveredBy === null));
  return enrollments ? <HouseholdPaymentForm household={household} participantId={participantId} enrollments={enrollments} /> : <Spin />;
}

function HouseholdPaymentForm({
  household: h,
  participantId,
  enrollments,
}: {
  household: Household;
  participantId: string;
  enrollments: Map<string, Enrollment | undefined>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ months: string; fromMonth: Dayjs }>();
  const paying = h.members.filter((m) => m.coveredBy === null);
  const own = enrollments.get(participantId);
  // Everyone who pays is ticked: the household head usually pays for all; Space unticks.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const chosen = paying.filter((m) => !unticked.has(m.participantId));
  // The form's values as of the last keystroke (onValuesChange runs in the key's own event; useWatch a frame later).
  const start = { months: String(own?.nextDue.months ?? 12), fromMonth: dayjs(`${officeToday().slice(0, 7)}-01`) };
  const [{ months: monthsText, fromMonth: newFrom }, setValues] = useState<{ months: string; fromMonth: Dayjs }>(start);
  const newcomers = chosen.some((m) => !enrollments.get(m.participantId));

  // What the core is asked to price: the ticked members, each from their own next month due.
  const inputOf = (months: string | undefined, from: Dayjs | undefined) => {
    const count = typedCount(months);
    if (!count || count > MAX_MONTHS || chosen.length === 0 || !from) return null;
    return {
      householdId: h.id,
      months: count,
      members: chosen.map((m) => ({
        participantId: m.participantId,
        fromMonth: enrollments.get(m.participantId)?.nextDue.fromMonth ?? from.format('YYYY-MM'),
      })),
    };
  };
  const input = inputOf(monthsText, newFrom);

  const recordAll = useCallMutation('contributions.recordHousehold', {
    onSuccess: ({ items }) => {
      for (const { receipt } of items) {
        refreshAfterReceipt(queryClient, receipt.participantId);
        setCallData(queryClient, 'receipts.get', { id: receipt.id }, receipt);
      }
      endVisit();
      navigate('receipt-set', items.map((i) => i.receipt.id).join(','));
    },
  });
  const { isPending, mutate } = recordAll;
  // Taken on a field visit (opened from the visit list): the visit's "paid" is recorded with it.
  const record = useCallback(
    (shown: { total: number }) =>
      input &&
      !isPending &&
      mutate({
        ...input,
        expectedTotal: shown.total,
        ...visitOfPayment(
          input.members.map((m) => m.participantId),
          input.householdId,
        ),
      }),
    [input, isPending, mutate],
  );
  const { shown, upToDate, quote, waiting, confirm, refusal } = useLiveQuote('contributions.quoteHousehold', input, record);
  const enter = () =>
    form.validateFields().then(
      () => confirm(inputOf(form.getFieldValue('months'), form.getFieldValue('fromMonth'))),
      (invalid: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = invalid.errorFields?.[0];
        if (first) form.scrollToField(first.name, { focus: true });
      },
    );
  useHotkeys({ Enter: () => void enter(), 'Ctrl+Enter': () => void enter() });

  // A refusal names the member it is about (`members.<i>.…`): said on that member's row.
  const refusedAt = isApiError(refusal) ? /^members\.(\d+)\./.exec(refusal.data.field ?? '') : null;
  const refusedMember = refusedAt ? chosen[Number(refusedAt[1])]?.participantId : undefined;
  const monthsRefused = isApiError(refusal) && refusal.data.field === 'months' ? errorText(refusal) : undefined;
  const elsewhere = refusal && !refusedMember && !monthsRefused ? refusal : null;
  const amountOf = new Map(shown?.members.map((q) => [q.participantId, q]) ?? []);
  const toggle = (id: string) =>
    setUnticked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card size="small" title={t('householdPayment.title', { count: chosen.length })} data-testid="household-payment">
          <EnterConfirms onEnter={() => void enter()}>
            <Form
              form={form}
              layout="inline"
              requiredMark={false}
              initialValues={start}
              // The newcomers' month is a field only while someone unenrolled is ticked: the values
              // of the fields shown are merged, so months typed for an enrolled household still count.
              onValuesChange={(_, all: { months: string; fromMonth: Dayjs }) => setValues((before) => ({ ...before, ...all }))}
              style={{ marginBottom: 12, rowGap: 8 }}
            >
              <Form.Item
                name="months"
                label={t('collect.months')}
                rules={[countRule({ min: 1, max: MAX_MONTHS, required: true })]}
                {...(monthsRefused ? { help: monthsRefused, validateStatus: 'error' as const } : {})}
              >
                <Input inputMode="numeric" autoComplete="off" autoFocus style={{ width: 70 }} data-testid="collect-months" />
              </Form.Item>
              {newcomers && (
                <Form.Item name="fromMonth" label={t('householdPayment.newcomersFrom')}>
                  <DatePicker picker="month" format="MM/YYYY" allowClear={false} style={{ width: 120 }} data-testid="collect-fromMonth" />
                </Form.Item>
              )}
            </Form>
            <Table<Member>
              size="small"
              rowKey="participantId"
              pagination={false}
              dataSource={h.members}
              rowClassName={(m) => (m.participantId === participantId ? 'result-row selected' : 'result-row')}
              onRow={(m) => ({ 'data-testid': 'payment-member', 'data-member': m.participantId }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'pay',
                  width: 36,
                  render: (_, m) => (
                    <Checkbox
                      checked={m.coveredBy === null && !unticked.has(m.participantId)}
                      disabled={m.coveredBy !== null}
                      onChange={() => toggle(m.participantId)}
                      aria-label={t('householdPayment.pays', { name: m.fullName })}
                    />
                  ),
                },
                {
                  title: t('household.position'),
                  key: 'place',
                  width: 104,
                  className: 'nowrap',
                  render: (_, m) => (m.coveredBy ? <Tag>{t('householdPayment.covered')}</Tag> : t('householdPayment.place', { n: m.hhiPosition })),
                },
                {
                  title: t('person.fullName'),
                  dataIndex: 'fullName',
                  render: (name: string, m) => (
                    <>
                      {name}
                      {m.participantId === refusedMember && (
                        <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }} data-testid="member-refusal">
                          {errorText(refusal)}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                {
                  title: t('collect.fromMonth'),
                  key: 'from',
                  width: 86,
                  render: (_, m) => {
                    if (m.coveredBy || unticked.has(m.participantId)) return '';
                    const from = enrollments.get(m.participantId)?.nextDue.fromMonth ?? newFrom?.format('YYYY-MM');
                    return from ? formatMonth(from) : '';
                  },
                },
                {
                  title: t('collect.amount'),
                  key: 'amount',
                  align: 'right',
                  width: 110,
                  render: (_, m) => {
                    const q = amountOf.get(m.participantId);
                    return q ? <span data-testid="member-amount">{formatDong(q.total)}</span> : '';
                  },
                },
              ]}
            />
          </EnterConfirms>
        </Card>
      </Col>
      <Col span={12}>
        <QuotePanel
          shown={shown && { lines: shown.members.flatMap((q) => q.lines), total: shown.total }}
          fetching={quote.isFetching}
          prompt={chosen.length === 0 ? t('householdPayment.noneChosen') : null}
          error={recordAll.error ?? elsewhere}
          ready={upToDate}
          busy={isPending || waiting}
          onConfirm={() => shown && record(shown)}
          confirmLabel={t(chosen.length > 1 ? 'householdPayment.confirm' : 'collect.confirm', { count: chosen.length })}
          nameOf={(id) => h.members.find((m) => m.participantId === id)?.fullName}
        />
      </Col>
    </Row>
  );
}
