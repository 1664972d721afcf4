// The queries about store copies that several places read: the last backup and the receipts in no
// copy (day-end card and the supervisor's status bar share one cache entry, so a copy made on the
// card clears the reminder at once), and the progress of a running backup or restore.
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

export const backupStatusKey = ['store.backupStatus'] as const;

export function useBackupStatus(refetchInterval?: number) {
  return useQuery({ queryKey: backupStatusKey, queryFn: () => call('store.backupStatus', {}), refetchInterval });
}

/** How far the running copy has got, asked every 400 ms while `busy` (a large office takes a minute). */
export function useProgressWhile(method: 'store.backupProgress' | 'store.restoreProgress', busy: boolean) {
  return useQuery({ queryKey: [method], queryFn: () => call(method, {}), enabled: busy, refetchInterval: busy ? 400 : false });
}
