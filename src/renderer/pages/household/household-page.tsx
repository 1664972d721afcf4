// A household for household health insurance: members in order (the order decides who is the
// first, second… member and so what each pays). Add a member by inline search, move members with
// the arrows or Alt+↑/↓, remove anyone but the head; a member another scheme already insures is
// marked so (Alt+B on the selected row) and left out of the HHI sequence.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Descriptions, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Household, type OtherCoverage, otherCoverages } from '../../../shared/contract/household';
import { call, type ApiError } from '../../api/client';
import { callKey, invalidateCalls, setCallData, useCall, useQueryClient } from '../../api/use-call';
import { refreshWorkCounts } from '../../components/work-queries';
import { ErrorAlert } from '../../components/error-alert';
import { filterOption } from '../../components/reference-selects';
import { formatDate } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { LatestPayment } from '../../components/taken-on';
import { useCommuneNames } from '../../components/use-commune-names';
import { useHotkeys } from '../../components/use-hotkeys';
import { goBack, href, hrefWith, navigate } from '../../routing/hash-router';
import { MemberSearch } from './member-search';

type Member = Household['members'][number];

export function HouseholdPage({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(0);
  const q = useCall('households.get', { id: householdId });
  const h = q.data;
  const members = h?.members ?? [];
  const communeName = useCommuneNames(h ? [h.provinceCode] : []);
  const head = members.find((m) => m.participantId === h?.headParticipantId);

  // Every change of the household answers with the household as it now is; one at a time.
  const change = useMutation<Household, ApiError, () => Promise<Household>>({
    mutationFn: (action) => action(),
    onSuccess: (next) => {
      setCallData(queryClient, 'households.get', { id: householdId }, next);
      invalidateCalls(queryClient, callKey('participants.get'));
      refreshWorkCounts(queryClient);
    },
  });
  const busy = change.isPending;
  const run = (action: () => Promise<Household>, then?: () => void) => change.mutate(action, { onSuccess: then });

  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (!h || target < 0 || target >= members.length || busy) return;
    const ids = members.map((m) => m.participantId);
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    run(
      () => call('households.reorder', { householdId, memberIds: ids }),
      () => setSelected(target),
    );
  };

  useHotkeys({
    'Alt+ArrowUp': () => void move(selected, -1),
    'Alt+ArrowDown': () => void move(selected, 1),
    ArrowUp: () => setSelected((s) => Math.max(0, s - 1)),
    ArrowDown: () => setSelected((s) => Math.min(members.length - 1, s + 1)),
    'Alt+M': () => document.getElementById('member-search')?.focus(),
    'Alt+N': () => (window.location.hash = hrefWith(['new'], { household: householdId })),
    F4: () => head && navigate('person', head.participantId, 'collect'),
    'Alt+B': () => document.getElementById(`coverage-${selected}`)?.focus(),
    Escape: goBack,
  });

  const setCoverage = (participantId: string, coveredBy: OtherCoverage | null) =>
    run(() => call('households.setCoverage', { householdId, participantId, coveredBy }));
  const coverageOptions = [null, ...otherCoverages].map((c) => ({ value: c ?? '', label: t(`household.coverage.${c ?? 'none'}`) }));

  if (q.isLoading) return <Spin />;
  if (!h) return <ErrorAlert error={q.error} />;

  return (
    <div data-testid="household-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('household.title')}</Typography.Title>
        <Space>
          {head && (
            <Button type="primary" href={href('person', head.participantId, 'collect')} data-testid="household-collect">
              {t('household.collect')} <kbd>F4</kbd>
            </Button>
          )}
          <Button onClick={goBack}>
            {t('common.back')} <kbd>Esc</kbd>
          </Button>
        </Space>
      </div>
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }} data-testid="household-summary">
        <Descriptions.Item label={t('household.head')}>{head ? <a href={href('person', head.participantId)}>{head.fullName}</a> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('person.address')}>{[h.addressLine, communeName(h.communeCode)].filter(Boolean).join(', ')}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph className="muted">{t('household.explain')}</Typography.Paragraph>
      <ErrorAlert error={change.error} onClose={change.reset} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <>
            {t('household.addMember')} <kbd>Alt+M</kbd>
          </>
        }
      >
        <div style={{ display: 'flex', gap: 12 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <MemberSearch
              disabled={busy}
              excludeIds={members.map((m) => m.participantId)}
              onPick={(participantId) => run(() => call('households.addMember', { householdId, participantId }))}
            />
          </div>
          <Button href={hrefWith(['new'], { household: householdId })} data-testid="register-member">
            {t('household.registerMember')} <kbd>Alt+N</kbd>
          </Button>
        </div>
      </Card>
      <Card size="small" title={t('household.members', { count: members.length })}>
        <Table<Member>
          size="middle"
          rowKey="participantId"
          pagination={false}
          dataSource={members}
          rowClassName={(_, i) => (i === selected ? 'result-row selected' : 'result-row')}
          onRow={(_, i) => ({ onClick: () => setSelected(i ?? 0), 'data-testid': 'household-member' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('household.position'), dataIndex: 'position', width: 80 },
            {
              title: t('person.fullName'),
              dataIndex: 'fullName',
              render: (name: string, m) => (
                <>
                  <a href={href('person', m.participantId)}>{name}</a>{' '}
                  {m.participantId === h.headParticipantId ? <Tag color="blue">{t('household.head')}</Tag> : null}
                </>
              ),
            },
            { title: t('person.dateOfBirth'), dataIndex: 'dateOfBirth', width: 110, render: formatDate },
            { title: t('person.personalId'), dataIndex: 'personalId', width: 130 },
            {
              // Paid where in the office, as of the last sync (ADR 0026).
              title: t('takenOn.householdColumn'),
              key: 'paid',
              render: (_, m) => (m.coveredBy === null ? <LatestPayment participantId={m.participantId} scheme="HHI" compact /> : '—'),
            },
            {
              title: t('household.hhi'),
              key: 'hhi',
              width: 270,
              // One control says both: who another scheme insures, and everyone else's place in the sequence.
              render: (_, m, i) => (
                <Select<string>
                  id={`coverage-${i}`}
                  size="small"
                  style={{ width: 250 }}
                  popupMatchSelectWidth={false}
                  showSearch={{ filterOption }}
                  disabled={busy}
                  value={m.coveredBy ?? ''}
                  options={coverageOptions}
                  labelRender={({ value, label }) => (value === '' ? t('household.hhiPosition', { n: m.hhiPosition }) : label)}
                  aria-label={t('household.coverageLabel', { name: m.fullName })}
                  onChange={(v) => setCoverage(m.participantId, v === '' ? null : (v as OtherCoverage))}
                  data-testid="member-coverage"
                />
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 200,
              render: (_, m, i) => (
                <Space>
                  <Button size="small" aria-label={t('household.moveUp')} disabled={i === 0 || busy} onClick={() => void move(i, -1)} data-testid="move-up">
                    ↑
                  </Button>
                  <Button
                    size="small"
                    aria-label={t('household.moveDown')}
                    disabled={i === members.length - 1 || busy}
                    onClick={() => void move(i, 1)}
                    data-testid="move-down"
                  >
                    ↓
                  </Button>
                  {m.participantId !== h.headParticipantId && (
                    <Popconfirm
                      title={t('household.removeConfirm', { name: m.fullName })}
                      okText={t('household.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => run(() => call('households.removeMember', { householdId, participantId: m.participantId }))}
                    >
                      <Button size="small" danger disabled={busy}>
                        {t('household.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ShortcutBar
        items={[
          { keys: '↑ ↓', labelKey: 'shortcuts.move' },
          { keys: 'Alt+M', labelKey: 'shortcuts.addMember' },
          { keys: 'Alt+N', labelKey: 'shortcuts.registerMember' },
          { keys: 'Alt+↑ / Alt+↓', labelKey: 'shortcuts.reorder' },
          { keys: 'Alt+B', labelKey: 'shortcuts.coverage' },
          { keys: 'F4', labelKey: 'shortcuts.collect' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}
