// The supervisor's sync-issues inbox: every item the central rejected, held or flagged, with its
// reason in Vietnamese and the ways to settle it. An item leaves the "to handle" list only through
// a recorded decision (resolution + note; who and when are kept and audited). Duplicates the
// central already linked arrive settled and stay visible under "Handled".
import { Button, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueResolutions, type SyncIssue } from '../../../shared/contract/sync';
import { callKey, invalidateCalls, useCall, useCallMutation, useQueryClient } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { setFieldError } from '../../components/field-errors';
import { formatDay } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { officeWhen } from '../../components/office-time';
import { syncStatusKey } from '../../components/sync-status';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href } from '../../routing/hash-router';

type Filter = 'open' | 'resolved' | 'all';

/**
 * An item the central holds for review (its class is the held class it named), or recorded and
 * flagged for review (FACTS_DIFFER, MONTHS_ALREADY_PAID), not one it refused.
 */
const HELD_CLASSES = new Set(['HELD', 'POSSIBLE_DUPLICATE', 'PERSON_NOT_ACCEPTED', 'FACTS_DIFFER', 'MONTHS_ALREADY_PAID']);
type Resolution = (typeof issueResolutions)[number];

interface IssueDetails {
  canonical?: { canonicalId?: string; officialNumber?: string | null; fullName?: string } | null;
  central?: Record<string, unknown> | null;
  error?: { details?: { central?: Record<string, unknown>; householdId?: string } } | null;
}

/** The fixes that make sense for an issue; the core refuses the others anyway. */
function resolutionsFor(issue: SyncIssue): Resolution[] {
  // A registration held as a possible duplicate, once the papers are checked: two people (sent
  // again) or one (linked to the person the central named), with what waited for it; or left.
  if (issue.kind === 'participant.register' && issue.class === 'POSSIBLE_DUPLICATE') return ['different-person-resend', 'same-person-merge', 'acknowledged'];
  // Work waiting for a held person goes again with the registration's decision; editing it here
  // would change nothing the central sees.
  // Months paid twice: one payment is refunded (its receipt voided) or moved at the counter, and
  // the decision says which.
  if (issue.class === 'PERSON_NOT_ACCEPTED' || issue.class === 'MONTHS_ALREADY_PAID') return ['acknowledged'];
  const details = (issue.details ?? {}) as IssueDetails;
  // Recorded at the central already: what follows (collect the difference, refund) is done at the
  // counter and written in the decision's note; the payer's record may take the central's support
  // category, and a household list the central has otherwise may go again.
  if (issue.class === 'FACTS_DIFFER') {
    const review = details.error?.details;
    return [
      ...(review?.central?.supportCategory ? (['accept-central'] as const) : []),
      ...(review?.householdId ? (['resend-household'] as const) : []),
      'acknowledged',
    ];
  }
  const options: Resolution[] = ['edited-and-resent'];
  if (issue.kind.startsWith('participant.') && (details.central || details.error?.details?.central)) options.push('accept-central');
  if (details.canonical?.canonicalId) options.push('merge-into-canonical');
  options.push('acknowledged');
  return options;
}

/** A resolution's name for this kind of item: months paid twice are settled at the counter. */
function labelKey(issueClass: string, resolution: string): string {
  return issueClass === 'MONTHS_ALREADY_PAID' && resolution === 'acknowledged' ? 'syncIssues.settledAtCounter' : `syncIssues.resolutions.${resolution}`;
}

/** What choosing a resolution does, for this kind of item. */
function hintKey(issue: SyncIssue, resolution: Resolution): string {
  if (issue.class === 'FACTS_DIFFER' && resolution === 'accept-central') return 'syncIssues.hints.acceptCentralSupport';
  if (issue.class === 'FACTS_DIFFER' && resolution === 'acknowledged') return 'syncIssues.hints.factsSeen';
  if (issue.class === 'MONTHS_ALREADY_PAID') return 'syncIssues.hints.paidTwice';
  return `syncIssues.hints.${resolution}`;
}

/** Where the item's record opens from the inbox, and the link's words. */
function recordLink(issue: SyncIssue): { href: string; labelKey: string } | null {
  if (issue.kind.startsWith('participant.')) return { href: href('person', issue.entityId), labelKey: 'syncIssues.openRecord' };
  if (issue.receiptId) return { href: href('receipt', issue.receiptId), labelKey: 'syncIssues.openReceipt' };
  if (issue.kind.startsWith('household.')) return { href: href('household', issue.entityId), labelKey: 'syncIssues.openHousehold' };
  return null;
}

export function SyncIssuesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('open');
  const q = useCall('sync.issues', { state: filter });
  const [resolving, setResolving] = useState<SyncIssue | null>(null);
  const [form] = Form.useForm<{ resolution: Resolution; note: string }>();
  useHotkeys({ Escape: goBack });
  const resolveIssue = useCallMutation('sync.resolveIssue', {
    onSuccess: () => {
      setResolving(null);
      invalidateCalls(queryClient, callKey('sync.issues'), syncStatusKey);
    },
    onError: (e) => setFieldError(form, 'note', e),
  });
  const resolve = (values: { resolution: Resolution; note: string }) => resolving && resolveIssue.mutate({ id: resolving.id, ...values });

  const en = i18n.language === 'en';
  return (
    <div data-testid="sync-issues-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('syncIssues.title')}</Typography.Title>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={(['open', 'resolved', 'all'] as const).map((f) => ({ value: f, label: t(`syncIssues.filter.${f}`) }))}
          data-testid="issues-filter"
        />
      </div>
      <ErrorAlert error={q.error} />
      <Table<SyncIssue>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('syncIssues.none') }}
        columns={[
          { title: t('syncIssues.created'), dataIndex: 'createdAt', width: 110, render: (v: string) => formatDay(v) },
          {
            title: t('syncIssues.class'),
            dataIndex: 'class',
            width: 190,
            render: (c: string, issue) => (
              <>
                <Tag color={c === 'DUPLICATE' ? 'blue' : HELD_CLASSES.has(c) ? 'orange' : 'red'}>{t(`syncIssues.classes.${c}`, { defaultValue: c })}</Tag>
                <div className="muted">{t(`syncIssues.kinds.${issue.kind}`, { defaultValue: issue.kind })}</div>
              </>
            ),
          },
          {
            title: t('syncIssues.reason'),
            key: 'reason',
            render: (_, issue) => {
              const canonical = (issue.details as IssueDetails | null)?.canonical;
              const link = recordLink(issue);
              return (
                <div data-testid="issue-reason">
                  <div>{en ? issue.messageEn : issue.message}</div>
                  {canonical?.canonicalId && (
                    <div className="muted" data-testid="issue-canonical">
                      {t('syncIssues.canonical', { name: canonical.fullName ?? '', number: canonical.officialNumber ?? '—' })}
                    </div>
                  )}
                  {link && <a href={link.href}>{t(link.labelKey)}</a>}
                </div>
              );
            },
          },
          {
            title: t('syncIssues.decision'),
            key: 'decision',
            width: 260,
            render: (_, issue) =>
              issue.state === 'resolved' ? (
                <div data-testid="issue-decision">
                  <Tag color="green">
                    {issue.resolution ? t(labelKey(issue.class, issue.resolution), { defaultValue: issue.resolution }) : t('syncIssues.resolved')}
                  </Tag>
                  {issue.resolutionNote && <div>{issue.resolutionNote}</div>}
                  <div className="muted">
                    {t('syncIssues.resolvedBy', { name: issue.resolvedByName ?? t('syncIssues.automatic'), when: officeWhen(issue.resolvedAt, '') })}
                  </div>
                </div>
              ) : (
                <Button
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({ resolution: resolutionsFor(issue)[0]! });
                    setResolving(issue);
                  }}
                  data-testid="resolve-issue"
                >
                  {t('syncIssues.resolve')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={resolving !== null}
        title={t('syncIssues.resolveTitle')}
        onCancel={() => setResolving(null)}
        onOk={() => form.submit()}
        okText={t('syncIssues.save')}
        okButtonProps={{ loading: resolveIssue.isPending }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        {resolving && (
          <Form form={form} layout="vertical" onFinish={resolve}>
            <Typography.Paragraph>{en ? resolving.messageEn : resolving.message}</Typography.Paragraph>
            <Form.Item name="resolution" label={t('syncIssues.resolution')} rules={[{ required: true }]}>
              <Radio.Group>
                {resolutionsFor(resolving).map((r) => (
                  <Radio key={r} value={r} style={{ display: 'flex', alignItems: 'flex-start', marginBottom: 10 }}>
                    <strong>{t(labelKey(resolving.class, r))}</strong>
                    <div className="muted">{t(hintKey(resolving, r))}</div>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label={t('syncIssues.note')} rules={[{ required: true, min: 5, message: t('syncIssues.noteRequired') }]}>
              <Input.TextArea rows={3} autoFocus data-testid="issue-note" />
            </Form.Item>
          </Form>
        )}
      </Modal>
      <ShortcutBar items={[{ keys: 'Esc', labelKey: 'shortcuts.back' }]} />
    </div>
  );
}
