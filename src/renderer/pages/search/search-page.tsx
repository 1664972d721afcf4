// Home: find a person. The search box has focus on arrival; ↑/↓ move through the results, Enter
// opens the selected person, F2 (or Alt+N) starts a new registration. Results sit in a virtualised table.
import { keepPreviousData } from '@tanstack/react-query';
import { Button, Input, Spin, Table, Tag, Typography, type InputRef } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/contract/participant';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/money';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useCommuneNames } from '../../components/use-commune-names';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { useRemainingHeight } from '../../components/use-remaining-height';
import { hrefWith, navigate } from '../../routing/hash-router';
import { call } from '../../api/client';
import { looksLikeReceipt } from '../../../shared/verification/receipt-payload';

const QUERY_KEY = 'field-office.lastQuery';

export function SearchPage() {
  const { t } = useTranslation();
  const [text, setText] = useState(() => sessionStorage.getItem(QUERY_KEY) ?? '');
  const [selected, setSelected] = useState(0);
  const inputRef = useRef<InputRef>(null);
  const tableRef = useRef<TableRef>(null);
  // A receipt's label or scanned code opens that receipt instead of searching for people.
  const receiptCode = looksLikeReceipt(text);
  const query = useDebounced(receiptCode ? '' : text.trim(), 200);

  useEffect(() => {
    inputRef.current?.focus({ cursor: 'all' });
  }, []);
  useEffect(() => sessionStorage.setItem(QUERY_KEY, text), [text]);

  const results = useCall('participants.search', query ? { query, limit: 200 } : null, { placeholderData: keepPreviousData });
  const items = query ? (results.data?.items ?? []) : [];
  const communeName = useCommuneNames(items.map((p) => p.provinceCode));
  // The list takes what the window has left below it, less its head and the shortcut bar.
  const list = useRemainingHeight<HTMLDivElement>(120, 200);
  const bySiNumber = results.data?.matchedBy === 'siNumber';
  useEffect(() => setSelected(0), [query]);

  const open = (p: ParticipantSummary | undefined) => p && navigate('person', p.id);
  const openReceipt = async () => {
    const found = await call('receipts.lookup', { text }).catch(() => ({ receiptId: null }));
    if (found.receiptId) navigate('receipt', found.receiptId);
    // A code this office does not hold is checked on the verify screen (a label alone is not found).
    else window.location.hash = hrefWith(['verify'], { p: text.trim() });
  };
  const move = (delta: number) => {
    if (items.length === 0) return;
    const next = Math.max(0, Math.min(items.length - 1, selected + delta));
    setSelected(next);
    tableRef.current?.scrollTo({ index: next });
  };

  useHotkeys({ F2: () => navigate('new'), 'Alt+N': () => navigate('new') });

  return (
    <div data-testid="search-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('search.title')}</Typography.Title>
        <Button type="primary" onClick={() => navigate('new')} data-testid="new-person">
          {t('search.newPerson')} <kbd>F2</kbd>
        </Button>
      </div>
      <Input
        ref={inputRef}
        size="large"
        allowClear
        value={text}
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        data-testid="search-input"
        suffix={results.isFetching ? <Spin size="small" /> : <span />}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          const step = { ArrowDown: () => move(1), ArrowUp: () => move(-1), Enter: () => (receiptCode ? void openReceipt() : open(items[selected])) }[e.key];
          if (!step) return;
          e.preventDefault();
          step();
        }}
      />
      <div style={{ margin: '12px 0 8px' }} className="muted" data-testid="search-count">
        {receiptCode
          ? t('verify.searchHint')
          : query
            ? results.data
              ? t('search.count', { count: items.length, by: t(`search.matchedBy.${results.data.matchedBy}`) })
              : ''
            : t('search.hint')}
      </div>
      <ErrorAlert error={query ? results.error : null} />
      <div ref={list.ref}>
        <Table<ParticipantSummary>
          ref={tableRef}
          virtual
          size="middle"
          rowKey="id"
          scroll={{ y: list.height }}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: query ? t('search.none') : t('search.empty') }}
          rowClassName={(_, index) => (index === selected ? 'result-row selected' : 'result-row')}
          onRow={(record, index) =>
            ({
              onClick: () => setSelected(index ?? 0),
              onDoubleClick: () => open(record),
              'data-testid': 'search-result',
              'aria-current': index === selected ? 'true' : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('person.fullName'),
              dataIndex: 'fullName',
              width: 230,
              ellipsis: true,
              render: (name: string, r) => (
                <a href={`#/person/${r.id}`} tabIndex={-1}>
                  {name}
                </a>
              ),
            },
            { title: t('person.dateOfBirth'), dataIndex: 'dateOfBirth', width: 130, render: formatDate },
            { title: t('person.sex'), dataIndex: 'sex', width: 95, render: (s: string) => t(`sex.${s}`) },
            { title: t('person.personalId'), dataIndex: 'personalId', width: 215 },
            ...(bySiNumber ? [{ title: t('person.siNumber'), dataIndex: 'siNumber', width: 125 }] : []),
            { title: t('person.phone'), dataIndex: 'phone', width: 135, render: (v: string | null) => v ?? '—' },
            {
              title: t('person.commune'),
              dataIndex: 'communeCode',
              ellipsis: true,
              render: (code: string, r) => (
                <>
                  {communeName(code) ?? code} {r.householdId ? <Tag>{t('person.inHousehold')}</Tag> : null}
                  {/* A record here found to be a person the central already had (its official number is that person's). */}
                  {r.canonicalId ? (
                    <Tag color="blue" data-testid="search-linked">
                      {t('person.linkedShort')}
                    </Tag>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </div>
      <ShortcutBar
        items={[
          { keys: '↑ ↓', labelKey: 'shortcuts.move' },
          { keys: 'Enter', labelKey: 'shortcuts.open' },
          { keys: 'F2 / Alt+N', labelKey: 'shortcuts.newPerson' },
        ]}
      />
    </div>
  );
}
