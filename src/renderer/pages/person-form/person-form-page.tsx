// Register a new person or edit one. The core checks everything; its errors land beside the
// field it names. Same personal ID → refused with a link; a likely duplicate → matches and a
// required reason ("Vẫn lưu"); an edit sends `expectedVersion`, and CONFLICT offers a reload.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/contract/participant';
import { ApiError, call } from '../../api/client';
import { callKey, invalidateCalls, setCallData, useCall, useQueryClient } from '../../api/use-call';
import { refreshWorkCounts } from '../../components/work-queries';
import { errorText } from '../../components/api-errors';
import { placeFieldError, setFieldError } from '../../components/field-errors';
import { EnterMovesFocus } from '../../components/enter-moves-focus';
import { ErrorAlert } from '../../components/error-alert';
import { officeDateTime, officeTimeSeconds } from '../../components/office-time';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, replaceRoute } from '../../routing/hash-router';
import { useActiveSession } from '../../session/session-context';
import { ExistingPersonAlert, PossibleDuplicatePanel } from './duplicate-panels';
import { PERSON_FIELDS, PersonFields } from './person-fields';
import { type FormValues, problemOf, type Problem, toForm, toInput } from './person-values';
import { useFormDraft } from './use-form-draft';

export function PersonFormPage({ participantId, joinHousehold }: { participantId?: string; joinHousehold?: string }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const editing = !!participantId;
  const existing = useCall('participants.get', participantId ? { id: participantId } : null);
  // Opened from a household ("register a new member"): the household's address to start from.
  const household = useCall('households.get', joinHousehold ? { id: joinHousehold } : null);
  const head = household.data?.members.find((m) => m.participantId === household.data?.headParticipantId);
  useEffect(() => {
    const h = household.data;
    if (h && !form.isFieldsTouched(['communeCode', 'addressLine'])) {
      form.setFieldsValue({ provinceCode: h.provinceCode, communeCode: h.communeCode, addressLine: h.addressLine });
    }
  }, [household.data, form]);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(toForm(existing.data));
  }, [existing.data, form]);
  const draft = useFormDraft(!editing, (values) => form.setFieldsValue(values as Partial<FormValues>));
  const focusFirstField = () => setTimeout(() => form.getFieldInstance('fullName')?.focus());
  const restoreDraft = () => {
    draft.restore();
    focusFirstField();
  };
  const discardDraft = async () => {
    await draft.discard();
    focusFirstField();
  };

  // Saves the form: a registration (joining the household it was opened from), or an edit.
  const saving = useMutation<Participant, unknown, { values: FormValues; reason: string | undefined }>({
    mutationFn: async ({ values, reason }) => {
      const withReason = reason ? { duplicateOverrideReason: reason } : {};
      if (editing) return call('participants.update', { ...toInput(values), id: participantId!, expectedVersion: existing.data!.version, ...withReason });
      return call('participants.register', { ...toInput(values), ...withReason });
    },
    onSuccess: async (saved) => {
      await draft.saved();
      setCallData(queryClient, 'participants.get', { id: saved.id }, { ...existing.data, ...saved });
      invalidateCalls(queryClient, callKey('participants.get', { id: saved.id }), callKey('participants.search'));
      refreshWorkCounts(queryClient);
      if (joinHousehold) {
        // The new member joins the household the form was opened from; back there, they are listed.
        const joined = await call('households.addMember', { householdId: joinHousehold, participantId: saved.id }).catch(() => null);
        if (joined) {
          setCallData(queryClient, 'households.get', { id: joinHousehold }, joined);
          // Back to the household the form was opened from (Esc there then goes on back, not to the form).
          return window.history.length > 1 ? window.history.back() : replaceRoute('household', joinHousehold);
        }
      }
      // Replace the form in history: Esc from the saved person goes back to where the clerk came from.
      replaceRoute('person', saved.id);
    },
    onError: (error) => {
      // A locked session: the unlock dialog opens over the form; keep what the clerk sees.
      if (error instanceof ApiError && error.data.code === 'SESSION_LOCKED') return;
      setProblem(problemOf(error));
      if (error instanceof ApiError && error.data.code === 'VALIDATION') placeFieldError(form, error, PERSON_FIELDS);
      if (error instanceof ApiError && error.data.code === 'DUPLICATE_PERSON') setFieldError(form, 'personalId', error);
    },
  });
  const busy = saving.isPending;

  const save = async (withReason: boolean) => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch (invalid) {
      // Keyboard-first: put the cursor in the first field that needs the clerk.
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) {
        form.scrollToField(first.name, { focus: true, block: 'center' });
        // A radio group (the sex to confirm) cannot take the focus itself: its chosen radio does.
        const group = document.getElementById(first.name.join('_'));
        if (group && !(group instanceof HTMLInputElement))
          (group.querySelector<HTMLElement>('input[type=radio]:checked') ?? group.querySelector<HTMLElement>('input[type=radio]'))?.focus();
      }
      return;
    }
    if (!busy) saving.mutate({ values, reason: withReason ? values.duplicateOverrideReason : undefined });
  };

  const reload = async () => {
    const fresh = await existing.refetch();
    if (fresh.data) form.setFieldsValue(toForm(fresh.data));
    setProblem(null);
  };

  useHotkeys({ 'Ctrl+S': () => void save(problem?.kind === 'possible'), Escape: goBack });

  if (editing && existing.isLoading) return <Spin />;
  if (editing && existing.error) return <ErrorAlert error={existing.error} />;

  return (
    <div data-testid="person-form" className="person-form-page">
      <div className="page-title">
        <Typography.Title level={2}>
          {editing ? t('personForm.editTitle') : joinHousehold ? t('personForm.newMemberTitle', { head: head?.fullName ?? '' }) : t('personForm.newTitle')}
        </Typography.Title>
        <Space>
          {draft.savedAt && (
            <Typography.Text type="secondary" data-testid="draft-saved">
              {t('personForm.draftSaved', { when: officeTimeSeconds(draft.savedAt) })}
            </Typography.Text>
          )}
          <Button onClick={goBack}>
            {t('common.back')} <kbd>Esc</kbd>
          </Button>
          <Button type="primary" loading={busy} onClick={() => void save(problem?.kind === 'possible')} data-testid="save-person">
            {t('common.save')} <kbd>Ctrl+S</kbd>
          </Button>
        </Space>
      </div>
      {draft.offer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="draft-offer"
          title={t('personForm.draftFound', {
            when: officeDateTime(draft.offer.savedAt),
            name: draft.offer.data.fullName ?? t('personForm.draftUnnamed'),
          })}
          action={
            <Space>
              {/* Keyboard-first: Enter restores, Tab then Enter discards; either way focus returns to the form. */}
              <Button type="primary" size="small" autoFocus onClick={restoreDraft} data-testid="draft-restore">
                {t('personForm.draftRestore')}
              </Button>
              <Button size="small" onClick={() => void discardDraft()} data-testid="draft-discard">
                {t('personForm.draftDiscard')}
              </Button>
            </Space>
          }
        />
      )}
      {problem?.kind === 'duplicate' && <ExistingPersonAlert message={errorText(problem.error)} participantId={problem.participantId} />}
      {problem?.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(problem.error)}
          action={<Button onClick={() => void reload()}>{t('personForm.reload')}</Button>}
        />
      )}
      {problem?.kind === 'other' && <ErrorAlert error={problem.error} />}
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onValuesChange={(_, all) => draft.changed({ ...all })}
          onFinish={() => void save(problem?.kind === 'possible')}
          initialValues={{
            ethnicity: 'Kinh',
            nationality: 'Việt Nam',
            provinceCode: session.office.provinceCode,
            povertyKind: 'none',
            student: false,
            agriAverage: false,
            legacyAddress: null,
          }}
        >
          {problem?.kind === 'possible' && (
            <PossibleDuplicatePanel message={errorText(problem.error)} matches={problem.matches} busy={busy} onSaveAnyway={() => void save(true)} />
          )}
          <EnterMovesFocus onSubmit={() => void save(problem?.kind === 'possible')}>
            <PersonFields declared={existing.data?.declaredSupportCategory ?? null} />
          </EnterMovesFocus>
        </Form>
      </Card>
      <ShortcutBar
        items={[
          { keys: 'Enter', labelKey: 'shortcuts.nextField' },
          { keys: 'Ctrl+S', labelKey: 'shortcuts.save' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
