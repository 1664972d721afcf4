// "Đi thu" (#/visits): the field officer's list of whom to visit in their area — pick a commune
// and a hamlet, filter by status, search without accents; each person's statuses, amount due today
// and last visit; collect (recorded as the visit's "paid"), open the household, record an outcome;
// print the day's route sheet, export reminders. Everything reads the laptop's own store: offline.
import { Alert, Button, Checkbox, DatePicker, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_HAMLET, type VisitPerson } from '../../../shared/contract/field';
import type { MethodOutput } from '../../../shared/contract/methods';
import type { SessionView } from '../../../shared/contract/staff';
import { type VisitStatus, visitStatuses } from '../../../shared/domain/visit-status';
import { useCall } from '../../api/use-call';
import { ErrorAlert } from '../../components/error-alert';
import { officeToday } from '../../components/office-time';
import { ShortcutBar } from '../../components/shortcut-bar';
import { useDebounced } from '../../components/use-debounced';
import { useHotkeys } from '../../components/use-hotkeys';
import { hrefWith } from '../../routing/hash-router';
import { RemindersButton } from './reminders-button';
import { VisitAreaPanel } from './visit-area-panel';
import { VisitOutcomeModal } from './visit-outcome-modal';
import { statusColors, VisitTable } from './visit-table';
import { endVisit } from './visit-target';
import './field.css';

const PAGE = 100;

export function VisitListPage({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const area = useCall('field.myArea', {});
  // The commune and hamlet last looked at, kept per user on this device (the list reopens on them).
  const remembered = `field-office.visit-place.${session.staff.username}`;
  const [commune, setCommune] = useState<string | undefined>(undefined);
  const [hamlet, setHamlet] = useState<string>('');
  const [statuses, setStatuses] = useState<VisitStatus[]>([]);
  const [query, setQuery] = useState('');
  const [asOf, setAsOf] = useState(() => officeToday());
  const [includeClosed, setIncludeClosed] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [recording, setRecording] = useState<VisitPerson | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const debounced = useDebounced(query.trim(), 250);

  // Back on the list: any visit opened from it is over.
  useEffect(() => endVisit(), []);
  useEffect(() => {
    if (commune || !area.data) return;
    const start = startingPlace(area.data, localStorage.getItem(remembered));
    if (!start) return;
    setCommune(start.commune);
    setHamlet(start.hamlet);
  }, [area.data, commune, remembered]);
  useEffect(() => {
    if (commune) localStorage.setItem(remembered, JSON.stringify({ commune, hamlet }));
  }, [commune, hamlet, remembered]);

  const input = commune
    ? {
        communeCodes: [commune],
        ...(hamlet ? { hamlet } : {}),
        ...(statuses.length > 0 ? { statuses } : {}),
        ...(debounced ? { query: debounced } : {}),
        ...(asOf !== officeToday() ? { asOf } : {}),
        ...(includeClosed ? { includeClosed } : {}),
        limit,
      }
    : null;
  const list = useCall('field.visitList', input, { staleTime: 0, placeholderData: (previous) => previous });
  const d = list.data;
  const routeSheet = () => {
    if (commune) window.location.hash = routeSheetHref(commune, hamlet, asOf);
  };
  useHotkeys({ 'Ctrl+F': () => search.current?.focus(), 'Alt+L': routeSheet, Escape: () => setQuery('') });

  const noArea = area.data && !area.data.all && area.data.communes.length === 0;
  const toggle = (s: VisitStatus) => setStatuses((prev) => (prev.includes(s) ? prev.filter((x) => x !== s) : [...prev, s]));
  return (
    <div data-testid="visit-list-page" className="visit-page">
      <div className="page-title">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('field.title')}
        </Typography.Title>
        <Space>
          <DatePicker
            value={dayjs(asOf)}
            onChange={(v) => v && setAsOf(v.format('YYYY-MM-DD'))}
            format="DD/MM/YYYY"
            allowClear={false}
            aria-label={t('field.asOf')}
            data-testid="visit-as-of"
          />
          <Button onClick={routeSheet} disabled={!commune} data-testid="visit-route-sheet">
            {t('field.routeSheet')} <kbd>Alt+L</kbd>
          </Button>
          {commune && <RemindersButton communeCode={commune} hamlet={hamlet} statuses={statuses} />}
        </Space>
      </div>
      <ErrorAlert error={area.error ?? list.error} />
      {noArea ? (
        <Alert type="info" showIcon title={t('field.noArea', { username: session.staff.username })} data-testid="visit-no-area" />
      ) : (
        <div className="visit-layout">
          {area.data && (
            <VisitAreaPanel
              area={area.data}
              provinceCode={session.office.provinceCode}
              commune={commune}
              hamlet={hamlet}
              onCommune={(c) => (setCommune(c), setHamlet(''), setLimit(PAGE))}
              onHamlet={(h) => (setHamlet(h), setLimit(PAGE))}
            />
          )}
          <section className="visit-main">
            <Space wrap size={[4, 6]} className="visit-filters" data-testid="visit-filters">
              <Tag.CheckableTag checked={statuses.length === 0} onChange={() => setStatuses([])}>
                {t('field.allStatuses')} ({d?.counts.all ?? 0})
              </Tag.CheckableTag>
              {visitStatuses.map((s) => (
                <Tag.CheckableTag
                  key={s}
                  checked={statuses.includes(s)}
                  onChange={() => toggle(s)}
                  data-testid={`filter-${s}`}
                  className={`visit-filter visit-filter-${statusColors[s]}`}
                >
                  {t(`field.status_.${s}`)} ({d?.counts[s] ?? 0})
                </Tag.CheckableTag>
              ))}
            </Space>
            <Space style={{ width: '100%', margin: '8px 0' }} className="visit-search">
              <Input.Search
                ref={(el) => {
                  search.current = el?.input ?? null;
                }}
                autoFocus
                allowClear
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('field.search')}
                aria-label={t('field.search')}
                data-testid="visit-search"
                style={{ width: 460 }}
              />
              <span className="muted" data-testid="visit-total">
                {t('field.people', { count: d?.total ?? 0 })}
              </span>
              <Checkbox checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)}>
                {t('field.showClosed')}
              </Checkbox>
            </Space>
            <VisitTable rows={d?.items ?? []} loading={list.isFetching && !d} onRecord={setRecording} />
            {d && d.total > d.items.length && (
              <Button block style={{ marginTop: 8 }} onClick={() => setLimit((n) => Math.min(500, n + PAGE))} data-testid="visit-more">
                {t('field.more', { count: Math.min(PAGE, d.total - d.items.length) })}
              </Button>
            )}
          </section>
        </div>
      )}
      {recording && <VisitOutcomeModal person={recording} onClose={() => setRecording(null)} />}
      <ShortcutBar
        items={[
          { keys: 'Ctrl+F', labelKey: 'field.find' },
          { keys: 'Alt+L', labelKey: 'field.routeSheet' },
          { keys: 'Esc', labelKey: 'shortcuts.back' },
        ]}
      />
    </div>
  );
}

/**
 * Where the list opens: the commune (and hamlet) last looked at if the user may still see it (a
 * supervisor anywhere, an officer inside their area), else the area's first commune — for a
 * supervisor, the first an officer was given, or the commune most of the office's people live in.
 */
function startingPlace(area: MethodOutput<'field.myArea'>, saved: string | null): { commune: string; hamlet: string } | null {
  try {
    const last = saved ? (JSON.parse(saved) as { commune?: unknown; hamlet?: unknown }) : null;
    if (last && typeof last.commune === 'string' && typeof last.hamlet === 'string') {
      const own = area.communes.find((c) => c.code === last.commune);
      if (area.all || own) {
        const hamletKnown = last.hamlet === '' || last.hamlet === NO_HAMLET || !own || own.hamlets.some((h) => h.id === last.hamlet);
        return { commune: last.commune, hamlet: hamletKnown ? last.hamlet : '' };
      }
    }
  } catch {
    // A value this page did not write: start afresh.
  }
  const first = area.communes[0]?.code;
  return first ? { commune: first, hamlet: '' } : null;
}

/** The route sheet's address for a commune, a hamlet (or the whole area) and a day. */
function routeSheetHref(commune: string, hamlet: string, date: string): string {
  return hrefWith(['route-sheet'], { commune, date, ...(hamlet ? { hamlets: hamlet } : {}) });
}
