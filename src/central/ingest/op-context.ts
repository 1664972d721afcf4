// What each operation handler works with: the batch's transaction, the device, and the changes it
// adds to the pull feed (numbered at commit time, see apply-batch.ts).
import type { Transaction } from 'kysely';
import type { OpResult } from '../../shared/sync/protocol';
import type { CentralDb } from '../db/schema';
import type { AuthenticatedDevice } from '../request-auth';

export interface PendingChange {
  kind: string;
  provinceCode: string | null;
  payload: Record<string, unknown>;
}

export interface OpContext {
  trx: Transaction<CentralDb>;
  device: AuthenticatedDevice;
  changes: PendingChange[];
}

export function rejected(opId: string, code: string, message: string, messageEn: string, field?: string, details?: unknown): OpResult {
  return { opId, status: 'REJECTED', error: { code, message, messageEn, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } };
}
