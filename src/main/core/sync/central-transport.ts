// What the sync engine needs from the central service, whatever carries it (HTTP now; the file
// route reuses the same batch bodies). Errors are classified so the engine knows whether to retry.
import type { OpResult } from './result-applier';

export interface PulledChange {
  seq: number | string;
  kind: string;
  payload: Record<string, unknown>;
}

export interface CentralTransport {
  enroll(input: {
    centralUrl: string;
    code: string;
    publicKey: string;
    deviceName: string;
  }): Promise<{ deviceId: string; centralPublicKey?: string | null; centralSealingRecipient?: string | null }>;
  /** Sends a recorded batch body; the same body may be sent any number of times. */
  pushBatch(batchBody: string): Promise<{ results: OpResult[] }>;
  pullChanges(cursor: string | null, limit: number): Promise<{ changes: PulledChange[]; nextCursor: string | null; hasMore: boolean; reset?: boolean }>;
}

/** retry: network failure, 5xx, timeout. permanent: 4xx — a human must look (never a silent drop). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'retry' | 'permanent',
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
