// The sync status in the header of every signed-in screen: online or offline, how much waits to be
// sent, when the last sync succeeded, a progress bar with counts while a push runs, and (for the
// supervisor) a link to the open sync issues. Polls `sync.status`, faster while work is under way.
import { useQueryClient } from '@tanstack/react-query';
import { Progress, Tag, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/contract/sync';
import { callKey, useCall } from '../api/use-call';
import { href } from '../routing/hash-router';
import { inLanguage } from './api-errors';
import { officeWhen } from './office-time';

export const syncStatusKey = callKey('sync.status');

export function useSyncStatus(running = false) {
  // Every half second while a run is under way — one this screen started (`running`: its first
  // pages may go by before a status shows progress) or one the status reports.
  return useCall('sync.status', {}, { refetchInterval: (query) => (running || query.state.data?.progress ? 500 : 5_000), staleTime: 0 });
}

export function SyncProgress({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const p = status.progress;
  if (!p) return null;
  const label =
    p.phase === 'push'
      ? t('sync.progressPush', { done: p.done, total: p.total })
      : p.phase === 'picture'
        ? t('sync.progressPicture', { done: p.done.toLocaleString('vi-VN'), total: p.total.toLocaleString('vi-VN') })
        : t('sync.progressPull', { done: p.done });
  return (
    <span className="sync-progress" data-testid="sync-progress">
      <Progress
        percent={p.total > 0 ? Math.round((100 * p.done) / p.total) : 0}
        size="small"
        showInfo={false}
        status="active"
        style={{ width: 90, margin: 0 }}
      />
      <span>{label}</span>
    </span>
  );
}

/**
 * A finished sync may have changed what screens show (official numbers, links to canonical people,
 * pulled records): when the last success moves, everything but the status itself is refetched.
 */
function useRefreshAfterSync(lastSuccessAt: string | null | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(lastSuccessAt);
  useEffect(() => {
    if (lastSuccessAt === undefined) return;
    if (seen.current !== undefined && seen.current !== lastSuccessAt) {
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== syncStatusKey[0] });
    }
    seen.current = lastSuccessAt;
  }, [lastSuccessAt, queryClient]);
}

export function SyncStatusBadge({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation();
  const { data: status } = useSyncStatus();
  useRefreshAfterSync(status?.lastSuccessAt);
  if (!status) return null;
  const link = supervisor ? href('sync') : undefined;
  // Counts of work waiting to be sent are the supervisor's to act on (push, file sync, day-end); a
  // counter clerk or field officer sees only whether the link is up and when it last worked.
  if (!status.enrolled) {
    return (
      <a className="sync-status" href={link} data-testid="sync-status">
        <Tag>{t('sync.notEnrolled')}</Tag>
        {supervisor && status.pendingOps > 0 && <span data-testid="sync-pending">{t('sync.pending', { count: status.pendingOps })}</span>}
      </a>
    );
  }
  const last = t('sync.lastSuccess', { when: officeWhen(status.lastSuccessAt, t('sync.never')) });
  return (
    <span className="sync-status" data-testid="sync-status">
      <Tooltip title={[last, status.lastError && inLanguage(status.lastError, status.lastErrorEn)].filter(Boolean).join(' — ')}>
        <Tag color={status.online ? 'green' : 'orange'} data-testid="sync-online">
          {status.online ? t('sync.online') : t('sync.offline')}
        </Tag>
      </Tooltip>
      {supervisor && (
        <a href={link} data-testid="sync-pending">
          {t('sync.pending', { count: status.pendingOps })}
        </a>
      )}
      <Tooltip title={last}>
        <span className="header-sub" data-testid="sync-last" aria-label={last}>
          ⟳ {officeWhen(status.lastSuccessAt, '—')}
        </span>
      </Tooltip>
      {supervisor && <SyncProgress status={status} />}
      {supervisor && status.openIssues > 0 && (
        <a href={href('sync-issues')} data-testid="sync-open-issues">
          <Tag color="red">{t('sync.openIssues', { count: status.openIssues })}</Tag>
        </a>
      )}
    </span>
  );
}
