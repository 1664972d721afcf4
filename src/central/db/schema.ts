// Kysely table types of the central database (snake_case columns via CamelCasePlugin).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface CentralDb {
  offices: { code: string; name: string; parentCode: string | null; provinceCode: string; createdAt: Timestamp; updateChannel: Generated<'pilot' | 'stable'> };
  enrollmentCodes: { code: string; officeCode: string; createdAt: Timestamp; usedAt: Timestamp | null; deviceId: string | null };
  devices: {
    id: string;
    officeCode: string;
    publicKey: string;
    /** What a receipt's payload names: keyIdOf(publicKey) (migration 0006). */
    keyId: string;
    name: string;
    enrolledAt: Timestamp;
    revokedAt: Timestamp | null;
    nextBatchNo: Generated<number>;
    lastSeq: ColumnType<number, number | undefined, number>;
    /** The last entry of the device's audit chain held whole (migration 0006). */
    auditSeq: ColumnType<number, number | undefined, number>;
    auditHash: ColumnType<string, string | undefined, string>;
    lastSeenAt: Timestamp | null;
    status: Json | null;
    statusAt: Timestamp | null;
  };
  auditEntries: {
    deviceId: string;
    seq: ColumnType<number, number, number>;
    at: string;
    staffId: string | null;
    action: string;
    entity: string;
    entityId: string | null;
    details: string;
    prevHash: string;
    hash: string;
    batchNo: number;
    receivedAt: Timestamp;
  };
  auditHeads: {
    deviceId: string;
    batchNo: number;
    seq: ColumnType<number, number, number>;
    hash: string;
    signature: string;
    heldSeq: ColumnType<number, number, number>;
    problem: string | null;
    receivedAt: Timestamp;
  };
  auditReanchors: {
    deviceId: string;
    fromSeq: ColumnType<number, number, number>;
    fromHash: string;
    toSeq: ColumnType<number, number, number>;
    toHash: string;
    toBatchNo: number;
    settledBy: string;
    note: string;
    settledAt: Generated<Timestamp>;
  };
  batches: { deviceId: string; batchNo: number; bodyHash: string; response: Json; opCount: number; receivedAt: Timestamp };
  ops: {
    opId: string;
    deviceId: string;
    batchNo: number;
    seq: ColumnType<number, number, number>;
    kind: string;
    payloadHash: string;
    status: string;
    result: Json;
    appliedAt: Timestamp;
  };
  persons: {
    id: string;
    officialNumber: string;
    personalId: string;
    fullName: string;
    nameFolded: string;
    dateOfBirth: string;
    provinceCode: string;
    officeCode: string;
    data: Json<Record<string, unknown>>;
    version: number;
    originDeviceId: string;
    updatedAt: Timestamp;
  };
  personAliases: { localId: string; canonicalId: string; deviceId: string };
  households: { id: string; headId: string; memberIds: Json<string[]>; data: Json; officeCode: string; version: number; lastDeviceId: string | null };
  enrollments: { id: string; personId: string; scheme: string; data: Json; officeCode: string | null };
  contributions: {
    id: string;
    personId: string;
    scheme: string;
    fromMonth: string;
    months: number;
    paidOn: string;
    total: ColumnType<number, number, number>;
    receiptId: string;
    receiptSeries: string;
    receiptNumber: number;
    officeCode: string;
    deviceId: string;
    data: Json;
    householdId: string | null;
    method: string | null;
    incomeBasis: ColumnType<number | null, number | null, number | null>;
    memberPosition: number | null;
    supportedMonths: number;
    businessDate: string | null;
    issuedAt: string | null;
    collectorStaffId: string | null;
    collectorName: string | null;
    /** When the central received it (migration 0009). */
    receivedAt: Generated<Date>;
  };
  contributionAudience: { officeCode: string; contributionId: string };
  /** Each person's paid-through month per scheme (migration 0012, ADR 0035). */
  paidThrough: { personId: string; officeCode: string; vsi: string | null; hhi: string | null };
  receiptVoids: { receiptId: string; data: Json; officeCode: string | null; deviceId: string | null };
  cashHandovers: {
    id: string;
    officeCode: string;
    deviceId: string;
    fromDeviceId: string;
    collectorStaffId: string;
    businessDates: Json<string[]>;
    data: Json;
    receivedAt: Timestamp;
  };
  dayClosures: { deviceId: string; businessDate: string; data: Json };
  heldItems: { opId: string; class: string; kind: string; payload: Json; deviceId: string; status: Generated<string>; createdAt: Timestamp };
  fieldRecords: { kind: string; id: string; officeCode: string; version: number; data: Json; updatedAt: Timestamp };
  referenceSchedules: { version: string; body: Json; loadedAt: Timestamp };
  adminUnits: { version: string; body: Json; publishedAt: Generated<Date> };
  /** Requests per bucket (route and address) and minute: the public verify page's rate limit (migration 0006). */
  requestCounts: { bucket: string; windowStart: Timestamp; count: number };
  /** One row per finding of the fraud signals' detectors (migration 0007, signals/fraud-signals.ts). */
  fraudSignals: {
    key: string;
    kind: string;
    officeCode: string;
    deviceId: string | null;
    staffId: string | null;
    evidence: Json<Record<string, unknown>>;
    firstSeen: Timestamp;
    lastSeen: Timestamp;
    clearedAt: Timestamp | null;
    reviewedAt: Timestamp | null;
    reviewNote: string | null;
    /** The console account that reviewed it, and the reviews of its earlier occurrences (migration 0009). */
    reviewedBy: string | null;
    previousReviews: ColumnType<{ at: string; by: string | null; note: string | null }[], string | undefined, string>;
  };
  /** The provincial console's staff accounts (migration 0009, console/staff-accounts.ts). */
  consoleStaff: {
    username: string;
    displayName: string;
    role: 'reviewer' | 'administrator';
    passwordHash: string;
    disabled: Generated<boolean>;
    failedAttempts: Generated<number>;
    lockedUntil: Timestamp | null;
    lastSignInAt: Timestamp | null;
    createdAt: Generated<Date>;
  };
  /** Failed sign-ins under names that are no account, counted and locked as an account's (migration 0021). */
  consoleUnknownNameFailures: { username: string; failedAttempts: number; lockedUntil: Timestamp | null; lastFailedAt: Timestamp };
  /** Refused console sign-ins per day (UTC+7, YYYY-MM-DD) and name, kept 400 days (migration 0026, console/sign-in-failures.ts). */
  consoleSignInFailureDays: { day: string; username: string; known: boolean; failures: number; locks: number; firstAt: Timestamp; lastAt: Timestamp };
  /** Console sessions by the SHA-256 of their token (migration 0010, console/console-sessions.ts). */
  consoleSessions: { tokenHash: string; username: string; createdAt: Timestamp; lastSeenAt: Timestamp; expiresAt: Timestamp };
  changeCounter: { id: number; value: ColumnType<number, number, number> };
  /** Releases of the office app per update channel (migration 0003, releases.ts). */
  releases: {
    channel: 'pilot' | 'stable';
    version: string;
    feedFile: string;
    feedText: string;
    releaseNotes: string | null;
    publishedAt: Generated<Date>;
    withdrawnAt: Timestamp | null;
  };
  changes: {
    seq: ColumnType<number, number, number>;
    kind: string;
    provinceCode: string | null;
    /** Set for a change only one office's devices receive (a payment, a household …). */
    officeCode: string | null;
    originDeviceId: string | null;
    payload: Json;
    createdAt: Timestamp;
  };
}
