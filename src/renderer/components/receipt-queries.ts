// Every cached answer that a new or voided receipt changes: the person's contributions and
// enrollments, the day's receipts, the day-end summary and report, the receipts in no backup copy
// (the supervisor's status-bar reminder and the day-end card) and the operations waiting to be sent
// — so that no screen shows the money as it was before, even for the few seconds a cached answer is
// otherwise trusted.
import type { QueryClient } from '@tanstack/react-query';
import { backupStatusKey } from './store-copy-queries';
import { syncStatusKey } from './sync-status';

export function refreshAfterReceipt(queryClient: QueryClient, participantId: string): void {
  const keys: readonly (readonly unknown[])[] = [
    ['contributions.listForParticipant', participantId],
    ['enrollments.listForParticipant', participantId],
    ['receipts.listForDay'],
    ['dayEnd.summary'],
    ['dayEnd.report'],
    backupStatusKey,
    syncStatusKey,
  ];
  for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
}
