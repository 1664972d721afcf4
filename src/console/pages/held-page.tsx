// Held items: registrations the central held as a possible duplicate of a person another office
// registered, and payments waiting for review — what `admin held` lists. "Đã xem xét" marks one
// reviewed after a confirmation, with the same effect as `admin review --op`.
import { Button, Segmented, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HeldRow } from '../../shared/console/console-api';
import { useRoute } from '../../renderer/routing/hash-router';
import { useHeld, useReviewHeld } from '../api/console-queries';
import { formatDate, formatInstant } from '../format';
import { useConfirmAction } from './confirm-action';
import { setRouteParams } from './office-select';
import { PageFrame } from './page-frame';

const KNOWN_CLASSES = ['POSSIBLE_DUPLICATE', 'FACTS_DIFFER', 'MONTHS_ALREADY_PAID'];

export function HeldPage() {
  const { t } = useTranslation();
  const { params } = useRoute();
  const all = params.get('show') === 'all';
  const held = useHeld(all);
  const review = useReviewHeld();
  const { confirm, contextHolder } = useConfirmAction();

  const confirmReview = (item: HeldRow) =>
    confirm({
      title: t('held.reviewTitle', { name: item.fullName || item.opId }),
      content: t('held.reviewText'),
      okText: t('held.review'),
      testId: 'confirm-review',
      run: () => review.mutateAsync(item.opId),
    });

  return (
    <PageFrame
      title={t('nav.held')}
      error={held.error}
      testId="held-page"
      extra={
        <Segmented
          aria-label={t('held.show')}
          value={all ? 'all' : 'open'}
          options={[
            { label: t('held.open'), value: 'open' },
            { label: t('held.all'), value: 'all' },
          ]}
          onChange={(v) => setRouteParams('held', params, { show: v === 'all' ? 'all' : undefined })}
          data-testid="held-filter"
        />
      }
    >
      {contextHolder}
      <Table<HeldRow>
        size="small"
        rowKey="opId"
        loading={held.isLoading}
        dataSource={held.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: all ? t('held.noneAtAll') : t('held.none') }}
        onRow={() => ({ 'data-testid': 'held-row' }) as never}
        columns={[
          { title: t('held.received'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v), width: 140 },
          { title: t('held.office'), dataIndex: 'officeCode', width: 110 },
          {
            title: t('held.what'),
            key: 'class',
            render: (_, h) => (KNOWN_CLASSES.includes(h.class) ? t(`held.class.${h.class}`) : h.class),
          },
          {
            title: t('held.person'),
            key: 'person',
            render: (_, h) => (
              <>
                <strong>{h.fullName}</strong>
                <br />
                {[h.dateOfBirth ? formatDate(h.dateOfBirth) : '', h.personalId].filter(Boolean).join(' · ')}
              </>
            ),
          },
          { title: t('held.about'), dataIndex: 'about', render: (v: string) => v || '—' },
          {
            title: t('held.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: HeldRow['status']) => <Tag color={s === 'open' ? 'warning' : 'success'}>{t(`held.status_${s}`)}</Tag>,
          },
          {
            title: t('app.actions'),
            key: 'actions',
            width: 130,
            render: (_, h) =>
              h.status === 'open' ? (
                <Button size="small" onClick={() => confirmReview(h)} data-testid="review-held">
                  {t('held.review')}
                </Button>
              ) : null,
          },
        ]}
      />
    </PageFrame>
  );
}
