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

export interface KnownPerson {
  id: string;
  officialNumber: string | null;
  fullName: string;
  nameFolded: string;
  personalId: string;
}

/**
 * What a batch's operations look up, read in a few queries before the first one runs and kept
 * current as they write: a key present in a map is authoritative for this transaction; a key
 * absent is read from the database (so a lookup the prefetch did not foresee still works).
 */
export interface BatchCache {
  /** Local or canonical person id → canonical id; null when no such person is accepted. */
  personOf: Map<string, string | null>;
  byPersonalId: Map<string, KnownPerson | null>;
  byBirthDate: Map<string, KnownPerson[]>;
  /** `series/number` of receipts already stored, for the numbers this batch uses. */
  receipts: Set<string>;
  receiptKeysLoaded: Set<string>;
  /** Official numbers reserved for this batch's registrations, handed out in order. */
  officialNumbers: number[];
}

export interface OpContext {
  trx: Transaction<CentralDb>;
  device: AuthenticatedDevice;
  changes: PendingChange[];
  cache?: BatchCache;
}

export function rejected(opId: string, code: string, message: string, messageEn: string, field?: string, details?: unknown): OpResult {
  return { opId, status: 'REJECTED', error: { code, message, messageEn, ...(field ? { field } : {}), ...(details !== undefined ? { details } : {}) } };
}
