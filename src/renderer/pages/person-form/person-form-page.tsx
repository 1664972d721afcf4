// Register a new person or edit one. The core checks everything; its errors land beside the
// field it names. Same personal ID → refused with a link; a likely duplicate → matches and a
// required reason ("Vẫn lưu"); an edit sends `expectedVersion`, and CONFLICT offers a reload.
import { Alert, Button, Card, Form, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, SupportCategory } from '../../../shared/contract/participant';
import { ApiError, call } from '../../api/client';
import { callKey, invalidateCalls, setCallData, useCall, useQueryClient } from '../../api/use-call';
import { refreshWorkCounts } from '../../components/work-queries';
import { errorText } from '../../components/api-errors';
import { placeFieldError, setFieldError } from '../../components/field-errors';
import { EnterMovesFocus } from '../../components/enter-moves-focus';
import { ErrorAlert } from '../../components/error-alert';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, replaceRoute } from '../../routing/hash-router';
import { useActiveSession } from '../../session/session-context';
import { ExistingPersonAlert, PossibleDuplicatePanel, type DuplicateMatch } from './duplicate-panels';
import { PERSON_FIELDS, PersonFields } from './person-fields';
import { useFormDraft } from './use-form-draft';

interface FormValues {
  fullName: string;
  dateOfBirth: Dayjs;
  sex: 'male' | 'female';
  ethnicity: string;
  nationality: string;
  personalId: string;
  siNumber?: string;
  phone?: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  supportCategory: SupportCategory;
  duplicateOverrideReason?: string;
}

function toForm(p: Participant): FormValues {
  return { ...p, dateOfBirth: dayjs(p.dateOfBirth), siNumber: p.siNumber ?? '', phone: p.phone ?? '' };
}

function toInput(v: FormValues) {
  const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    fullName: v.fullName,
    dateOfBirth: v.dateOfBirth.format('YYYY-MM-DD'),
    sex: v.sex,
    ethnicity: v.ethnicity,
    nationality: v.nationality,
    personalId: v.personalId.replace(/\s/g, ''),
    siNumber: blank(v.siNumber),
    phone: blank(v.phone),
    provinceCode: v.provinceCode,
    communeCode: v.communeCode,
    addressLine: v.addressLine,
    supportCategory: v.supportCategory,
  };
}

/** What stopped a save; the error is kept (not its text) so the text follows the screen's language. */
type Problem =
  | { kind: 'duplicate'; error: ApiError; participantId: string | undefined }
  | { kind: 'possible'; error: ApiError; matches: DuplicateMatch[] }
  | { kind: 'conflict'; error: ApiError }
  | { kind: 'other'; error: unknown };

export function PersonFormPage({ participantId }: { participantId?: string }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = !!participantId;
  const existing = useCall('participants.get', participantId ? { id: participantId } : null);

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

  const save = async (withReason: boolean) => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch (invalid) {
      // Keyboard-first: put the cursor in the first field that needs the clerk.
      const first = (invalid as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { focus: true, block: 'center' });
      return;
    }
    setBusy(true);
    const reason = withReason ? values.duplicateOverrideReason : undefined;
    try {
      const saved = editing
        ? await call('participants.update', {
            ...toInput(values),
            id: participantId!,
            expectedVersion: existing.data!.version,
            ...(reason ? { duplicateOverrideReason: reason } : {}),
          })
        : await call('participants.register', { ...toInput(values), ...(reason ? { duplicateOverrideReason: reason } : {}) });
      await draft.saved();
      setCallData(queryClient, 'participants.get', { id: saved.id }, { ...existing.data, ...saved });
      invalidateCalls(queryClient, callKey('participants.get', { id: saved.id }), callKey('participants.search'));
      refreshWorkCounts(queryClient);
      // Replace the form in history: Esc from the saved person goes back to where the clerk came from.
      replaceRoute('person', saved.id);
    } catch (error) {
      // A locked session: the unlock dialog opens over the form; keep what the clerk sees.
      if (error instanceof ApiError && error.data.code === 'SESSION_LOCKED') return;
      setProblem(describe(error));
      if (error instanceof ApiError && error.data.code === 'VALIDATION') placeFieldError(form, error, PERSON_FIELDS);
      if (error instanceof ApiError && error.data.code === 'DUPLICATE_PERSON') setFieldError(form, 'personalId', error);
    } finally {
      setBusy(false);
    }
  };

  const describe = (error: unknown): Problem | null => {
    if (!(error instanceof ApiError)) return { kind: 'other', error };
    const { code, details } = error.data;
    if (code === 'DUPLICATE_PERSON') return { kind: 'duplicate', error, participantId: details?.participantId as string | undefined };
    if (code === 'POSSIBLE_DUPLICATE') return { kind: 'possible', error, matches: (details?.matches as DuplicateMatch[] | undefined) ?? [] };
    if (code === 'CONFLICT') return { kind: 'conflict', error };
    if (code === 'VALIDATION' && error.data.field && (PERSON_FIELDS as readonly string[]).includes(error.data.field)) return null;
    return { kind: 'other', error };
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
    <div data-testid="person-form">
      <div className="page-title">
        <Typography.Title level={2}>{editing ? t('personForm.editTitle') : t('personForm.newTitle')}</Typography.Title>
        <Space>
          {draft.savedAt && (
            <Typography.Text type="secondary" data-testid="draft-saved">
              {t('personForm.draftSaved', { when: dayjs(draft.savedAt).format('HH:mm:ss') })}
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
            when: dayjs(draft.offer.savedAt).format('HH:mm DD/MM/YYYY'),
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
            supportCategory: 'other',
          }}
        >
          {problem?.kind === 'possible' && (
            <PossibleDuplicatePanel message={errorText(problem.error)} matches={problem.matches} busy={busy} onSaveAnyway={() => void save(true)} />
          )}
          <EnterMovesFocus onSubmit={() => void save(problem?.kind === 'possible')}>
            <PersonFields />
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
