// What the sync engine needs from the central service, whatever carries it (HTTP now; the file
// route reuses the same batch bodies). Errors are classified so the engine knows whether to retry.
// Replies are parsed with the shared schemas (src/shared/sync): what reaches the engine is typed.
import type { CentralChange } from '../../../shared/sync/changes';
import type { OpResult } from '../../../shared/sync/op-results';
import type { AuditAck } from '../../../shared/sync/operations';
import type { DeviceStatusReport, OfficeStatusResponse } from '../../../shared/sync/office-status';
import type { PicturePage } from '../../../shared/sync/picture';

export interface PulledPage {
  /** The changes of kinds this office knows, in feed order (others are skipped: a newer central may send more). */
  changes: CentralChange[];
  nextCursor: string | null;
  hasMore: boolean;
  reset?: boolean | undefined;
}

export interface CentralTransport {
  enroll(input: {
    centralUrl: string;
    code: string;
    publicKey: string;
    deviceName: string;
  }): Promise<{ deviceId: string; centralPublicKey?: string | null; centralSealingRecipient?: string | null }>;
  /** Sends a recorded batch body; the same body may be sent any number of times. */
  pushBatch(batchBody: string): Promise<{ results: OpResult[]; auditAck?: AuditAck | undefined }>;
  pullChanges(cursor: string | null, limit: number): Promise<PulledPage>;
  /** A page of the office's picture (null cursor: the first page, with `since` and the totals). */
  pullPicture(cursor: string | null, limit: number): Promise<PicturePage>;
  /** Tells the central what this device has not pushed; answered with every device of the office. */
  reportStatus(report: DeviceStatusReport): Promise<OfficeStatusResponse>;
}

/**
 * retry: network failure, 5xx, timeout. permanent: 4xx — a human must look (never a silent drop).
 * Said in Vietnamese (`message`) and English (`messageEn`): the screen shows the one chosen.
 */
export class TransportError extends Error {
  readonly messageEn: string;

  constructor(
    text: { vi: string; en: string },
    readonly kind: 'retry' | 'permanent',
    readonly status?: number,
    readonly code?: string,
  ) {
    super(text.vi);
    this.messageEn = text.en;
    this.name = 'TransportError';
  }
}
