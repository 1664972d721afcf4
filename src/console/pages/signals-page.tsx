// Fraud signals: what the central's detectors found, filtered by office, kind and status; each
// with its evidence in words, links to the receipts of the device, collector or person it names
// and to the collector's figures, and "Đánh dấu đã xem xét" with the reviewer's note.
import { Button, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalRow } from '../../shared/console/console-api';
import { signalKinds } from '../../shared/console/signal-kinds';
import { hrefWith, useRoute } from '../../renderer/routing/hash-router';
import { type SignalFilter, useCollectors, useReviewSignal, useSignals } from '../api/console-queries';
import { errorText } from '../api/error-text';
import { formatInstant } from '../format';
import { OfficeSelect, setRouteParams } from './office-select';
import { PageFrame } from './page-frame';
import { isKnownKind, SignalEvidence } from './signal-evidence';

const STATUSES = ['open', 'reviewed', 'cleared', 'all'] as const;

/** Where a signal leads: the receipts it names (by device, collector or the labels in its evidence), the collector's figures. */
function drillDowns(signal: SignalRow): { key: string; href: string }[] {
  const links: { key: string; href: string }[] = [];
  if (signal.deviceId) links.push({ key: 'deviceReceipts', href: hrefWith(['receipts'], { device: signal.deviceId }) });
  if (signal.staffId) {
    links.push({ key: 'collectorReceipts', href: hrefWith(['receipts'], { office: signal.officeCode, collector: signal.staffId }) });
    links.push({ key: 'collectorFigures', href: hrefWith(['collectors'], { office: signal.officeCode, collector: signal.staffId }) });
  }
  const labels = signal.evidence.receipts;
  if (signal.kind === 'SAME_PERSON_OFFICES' && Array.isArray(labels) && labels.length > 0) {
    links.push({ key: 'personReceipts', href: hrefWith(['receipts'], { labels: labels.map(String).join(',') }) });
  }
  return links;
}

function statusOf(signal: SignalRow): 'open' | 'reviewed' | 'cleared' {
  if (signal.reviewedAt) return 'reviewed';
  return signal.clearedAt ? 'cleared' : 'open';
}

export function SignalsPage() {
  const { t, i18n } = useTranslation();
  const { params } = useRoute();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as SignalFilter['status']) : 'open';
  const filter: SignalFilter = { office: params.get('office') ?? undefined, kind: params.get('kind') ?? undefined, status };
  const signals = useSignals(filter);
  const review = useReviewSignal();
  // A signal names its collector by staff id; the collectors' figures give their names.
  const collectors = useCollectors(filter.office);
  const staffNames = new Map((collectors.data?.collectors ?? []).flatMap((c) => (c.collectorId ? [[c.collectorId, c.collector] as const] : [])));
  const [reviewing, setReviewing] = useState<SignalRow | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const set = (changes: Record<string, string | undefined>) => setRouteParams('signals', params, changes);

  const submitReview = async ({ note }: { note: string }) => {
    if (!reviewing) return;
    setError(null);
    try {
      await review.mutateAsync({ key: reviewing.key, note: note.trim() });
      setReviewing(null);
      form.resetFields();
    } catch (e) {
      setError(errorText(t, e, i18n.language));
    }
  };

  return (
    <PageFrame
      title={t('nav.signals')}
      error={signals.error}
      testId="signals-page"
      extra={
        <Space wrap>
          <OfficeSelect value={filter.office} onChange={(v) => set({ office: v })} />
          <Select
            allowClear
            style={{ width: 260 }}
            placeholder={t('signals.allKinds')}
            aria-label={t('signals.kind')}
            data-testid="kind-filter"
            value={filter.kind}
            onChange={(v: string | undefined) => set({ kind: v })}
            options={signalKinds.map((k) => ({ value: k, label: t(`signalKind.${k}`) }))}
          />
          <Segmented
            aria-label={t('signals.status')}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`signals.status_${s}`) }))}
            onChange={(v) => set({ status: v === 'open' ? undefined : v })}
            data-testid="status-filter"
          />
        </Space>
      }
    >
      <Table<SignalRow>
        size="small"
        rowKey="key"
        loading={signals.isLoading}
        dataSource={signals.data?.signals ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('signals.none') }}
        onRow={(s) => ({ 'data-testid': 'signal-row', 'data-kind': s.kind }) as never}
        columns={[
          {
            title: t('signals.kind'),
            key: 'kind',
            width: 230,
            render: (_, s) => (
              <>
                <strong>{isKnownKind(s.kind) ? t(`signalKind.${s.kind}`) : s.kind}</strong>
                <br />
                {s.officeCode}
                {s.deviceName ? ` · ${s.deviceName}` : ''}
              </>
            ),
          },
          {
            title: t('signals.evidence'),
            key: 'evidence',
            render: (_, s) => <SignalEvidence signal={s} staffName={s.staffId ? staffNames.get(s.staffId) : undefined} />,
          },
          {
            title: t('signals.seen'),
            key: 'seen',
            width: 150,
            render: (_, s) => (
              <>
                {formatInstant(s.firstSeen)}
                {formatInstant(s.lastSeen) !== formatInstant(s.firstSeen) ? (
                  <>
                    <br />
                    {t('signals.lastSeen', { at: formatInstant(s.lastSeen) })}
                  </>
                ) : null}
              </>
            ),
          },
          {
            title: t('signals.status'),
            key: 'status',
            width: 170,
            render: (_, s) => {
              const st = statusOf(s);
              return (
                <>
                  <Tag color={st === 'open' ? 'error' : st === 'reviewed' ? 'success' : 'default'}>{t(`signals.status_${st}`)}</Tag>
                  {s.reviewNote ? <div data-testid="signal-review-note">{t('signals.reviewedBy', { who: s.reviewedBy ?? '', note: s.reviewNote })}</div> : null}
                  {(s.previousReviews ?? []).map((r) => (
                    <Typography.Text type="secondary" key={r.at} style={{ display: 'block' }}>
                      {t('signals.previousReview', { at: formatInstant(r.at), who: r.by ?? '', note: r.note ?? '' })}
                    </Typography.Text>
                  ))}
                </>
              );
            },
          },
          {
            title: t('app.actions'),
            key: 'actions',
            width: 200,
            render: (_, s) => (
              <Space orientation="vertical" size={2}>
                {drillDowns(s).map((link) => (
                  <a key={link.key} href={link.href} data-testid={`drill-${link.key}`}>
                    {t(`signals.${link.key}`)}
                  </a>
                ))}
                {!s.reviewedAt && (
                  <Button size="small" onClick={() => setReviewing(s)} data-testid="review-signal">
                    {t('signals.review')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={reviewing !== null}
        title={t('signals.reviewTitle', { kind: reviewing ? (isKnownKind(reviewing.kind) ? t(`signalKind.${reviewing.kind}`) : reviewing.kind) : '' })}
        okText={t('signals.review')}
        cancelText={t('app.cancel')}
        okButtonProps={{ loading: review.isPending, 'data-testid': 'confirm-review-signal' } as never}
        onOk={() => form.submit()}
        onCancel={() => {
          setReviewing(null);
          setError(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submitReview(v)}>
          <Form.Item name="note" label={t('signals.note')} rules={[{ required: true, whitespace: true, min: 3, max: 1000, message: t('signals.noteRule') }]}>
            <Input.TextArea autoFocus rows={3} maxLength={1000} data-testid="signal-note" />
          </Form.Item>
        </Form>
        {error && <Tag color="error">{error}</Tag>}
      </Modal>
    </PageFrame>
  );
}
