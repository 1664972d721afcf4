// Kysely table types of the office store: signed documents, device keys, sync state, batches, results, issues and drafts (see schema.ts for the whole Database).
// Columns are snake_case in SQL and camelCase here (CamelCasePlugin). Money columns are integer đồng.

/** A receipt's or refund voucher's signed payload, kept once made (migration 0024). */
export interface SignedDocumentsTable {
  label: string;
  receiptId: string;
  payload: string;
  signedAt: string;
}

/** Device keys of the province pulled from the central, and this store's own retired keys (migration 0024). */
export interface DeviceKeysTable {
  keyId: string;
  publicKey: string;
  deviceId: string | null;
  officeCode: string | null;
  name: string | null;
  enrolledAt: string | null;
  revokedAt: string | null;
  source: 'central' | 'own-retired';
  updatedAt: string;
}

export interface SyncStateTable {
  id: number;
  centralUrl: string | null;
  centralDeviceId: string | null;
  publicKey: string | null;
  centralPublicKey: string | null;
  /** age recipient the device seals its batch files to (migration 0012). */
  centralSealingRecipient: string | null;
  enrolledAt: string | null;
  nextBatchNo: number;
  pullCursor: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: string | null;
  /** The release channel the central set for this office (migration 0021). */
  updateChannel: 'pilot' | 'stable';
  /** Audit entries up to this sequence are in a recorded batch (migration 0025). */
  auditSentSeq: number;
  /** The central's last signed acknowledgement of the audit chain, JSON (migration 0025, ADR 0028). */
  auditAck: string | null;
  /** The office picture's first fill (migration 0023): not begun, under way (cursor below), done. */
  pictureState: 'none' | 'filling' | 'done';
  pictureCursor: string | null;
  /** JSON: the rows of each part, rows and pages done, when it began. */
  pictureProgress: string | null;
}

/** Where the start-up check of the audit chain resumes (migration 0025). */
export interface AuditCheckpointTable {
  id: number;
  seq: number;
  hash: string;
  checkedAt: string;
}

/** A break of the audit chain found by a check, open until a supervisor settles it (migration 0025). */
export interface AuditBreaksTable {
  seq: number;
  problem: string;
  problemEn: string;
  foundAt: string;
  settledBy: string | null;
  settledAt: string | null;
  note: string | null;
}

export interface SyncBatchesTable {
  batchNo: number;
  body: string;
  opCount: number;
  firstSeq: number;
  lastSeq: number;
  createdAt: string;
  sentAt: string | null;
  via: string | null;
  appliedAt: string | null;
  summary: string | null;
}

export interface SyncResultsTable {
  opId: string;
  batchNo: number;
  status: string;
  result: string;
  appliedAt: string;
}

export interface SyncIssuesTable {
  id: string;
  opId: string | null;
  kind: string;
  entityId: string;
  class: string;
  code: string;
  message: string;
  messageEn: string;
  details: string;
  state: 'open' | 'resolved';
  resolution: string | null;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

export interface FormDraftsTable {
  staffId: string;
  form: string;
  data: string;
  savedAt: string;
}

export interface SyncTables {
  syncState: SyncStateTable;
  auditCheckpoint: AuditCheckpointTable;
  auditBreaks: AuditBreaksTable;
  syncBatches: SyncBatchesTable;
  syncResults: SyncResultsTable;
  syncIssues: SyncIssuesTable;
}
