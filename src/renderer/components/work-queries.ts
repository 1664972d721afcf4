// Cached answers that the office's own work changes, refreshed as soon as that work is saved rather
// than at their next poll or after the few seconds a cached answer is otherwise trusted.
import type { QueryClient } from '@tanstack/react-query';
import { callKey } from '../api/use-call';
import { backupStatusKey } from './store-copy-queries';
import { syncStatusKey } from './sync-status';

/**
 * After anything is saved: the operations waiting to be sent (status bar) and the work in no backup
 * copy (the supervisor's reminder and the day-end card).
 */
export function refreshWorkCounts(queryClient: QueryClient): void {
  for (const queryKey of [backupStatusKey, syncStatusKey]) void queryClient.invalidateQueries({ queryKey });
}

/**
 * After a receipt is recorded or voided, also: the person's contributions and enrollments, the
 * day's receipts and the day-end summary and report — no screen shows the money as it was before.
 */
export function refreshAfterReceipt(queryClient: QueryClient, participantId: string): void {
  const keys: readonly (readonly unknown[])[] = [
    callKey('contributions.listForParticipant', { participantId }),
    callKey('enrollments.listForParticipant', { participantId }),
    callKey('receipts.listForDay'),
    callKey('dayEnd.summary'),
    callKey('dayEnd.report'),
  ];
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  refreshWorkCounts(queryClient);
}
