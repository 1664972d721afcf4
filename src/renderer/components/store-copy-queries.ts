// The queries about store copies that several places read: the last backup and the work in no
// copy — receipts, and operations the central has not answered (day-end card and the supervisor's
// status bar share one cache entry, so a copy made on the card clears the reminder at once) — and
// the progress of a running backup or restore.
import type { BackupStatus } from '../../shared/contract/backup';
import { callKey, useCall } from '../api/use-call';

export const backupStatusKey = callKey('store.backupStatus');

export function useBackupStatus(refetchInterval?: number) {
  return useCall('store.backupStatus', {}, { ...(refetchInterval ? { refetchInterval } : {}) });
}

/** Whether anything a dead laptop would take with it is in no copy (receipts, or unanswered work). */
export function hasWorkInNoCopy(status: BackupStatus): boolean {
  return status.receiptsSince > 0 || status.unsentSince > 0;
}

/** How far the running copy has got, asked every 400 ms while `busy` (a large office takes a minute). */
export function useProgressWhile(method: 'store.backupProgress' | 'store.restoreProgress', busy: boolean) {
  return useCall(method, {}, { enabled: busy, refetchInterval: busy ? 400 : false });
}
