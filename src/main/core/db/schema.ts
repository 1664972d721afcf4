// Kysely table types of the office store. Columns are snake_case in SQL and camelCase here
// (CamelCasePlugin). Money columns are integer đồng.
import type { ColumnType, Generated } from 'kysely';
import type { PaymentMethod } from '../../../shared/contract/contribution';
import type { DeclineReason, VisitOutcome } from '../../../shared/contract/field';
import type { OtherCoverage } from '../../../shared/contract/household';
import type { HamletKind } from '../../../shared/domain/hamlets';

export interface OfficeTable {
  id: number;
  code: string;
  name: string;
  provinceCode: string;
  deviceId: string;
  idleLockMinutes: number;
  createdAt: string;
  /** Set only in a copy made by `store.backup`: when it was taken. */
  copyTakenAt: string | null;
}

export interface StaffTable {
  id: string;
  username: string;
  fullName: string;
  role: 'supervisor' | 'counter' | 'field';
  passwordHash: string;
  active: number;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ParticipantsTable {
  rowid: ColumnType<number, never, never>;
  id: string;
  fullName: string;
  nameFolded: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  ethnicity: string;
  nationality: string;
  personalId: string;
  siNumber: string | null;
  phone: string | null;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  /** A support category declared before support followed facts (migration 0019) that no fact says; 'other' when none. */
  declaredSupportCategory: string;
  povertyKind: 'poor' | 'near-poor' | null;
  povertyCertificateNo: string | null;
  povertyValidFrom: string | null;
  povertyValidTo: string | null;
  student: number;
  agriAverage: number;
  /** The old (63-province) commune the papers name, and the old address as written. */
  legacyCommuneCode: string | null;
  legacyAddress: string | null;
  householdId: string | null;
  /** The hamlet chosen on the record (migration 0026); NULL: the one the address line names, if any. */
  hamletId: string | null;
  officialNumber: string | null;
  canonicalId: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** People saved or renamed since the name-search index last caught up (db/name-index.ts). */
export interface NameIndexQueueTable {
  participantRowid: number;
  indexedName: string | null;
}

export interface HouseholdsTable {
  id: string;
  headParticipantId: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  version: number;
  /** The device that wrote the version of the list held here; NULL: this device (migration 0023). */
  baseDeviceId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMembersTable {
  householdId: string;
  participantId: string;
  position: number;
  /** The other scheme that insures this member (`otherCoverages`); NULL: joins household HI. */
  coveredBy: OtherCoverage | null;
}

export interface AdminProvincesTable {
  code: string;
  name: string;
  fullName: string;
}

export interface AdminCommunesTable {
  code: string;
  provinceCode: string;
  name: string;
  fullName: string;
}

/** An old (63-province) commune and a 2025 commune it went to (several rows when it was divided). */
export interface LegacyCommunesTable {
  legacyCommuneCode: string;
  communeCode: string;
  legacyProvinceCode: string;
  legacyProvince: string;
  legacyDistrictCode: string;
  legacyDistrict: string;
  legacyCommune: string;
  provinceCode: string;
  commune: string;
  divided: number;
}

/** A commune's dated status: island commune or special zone (a share of VSI support). */
export interface CommuneStatusesTable {
  communeCode: string;
  kind: 'island' | 'special-zone';
  validFrom: string;
  validTo: string | null;
  source: string;
}

export interface ReferenceVersionsTable {
  kind: string;
  version: string;
  loadedAt: string;
}

export interface OutboxTable {
  /** The device sequence: the order operations were made on this device. */
  seq: Generated<number>;
  opId: string;
  kind: string;
  entityId: string;
  payload: string;
  payloadHash: string;
  createdAt: string;
  status: 'pending' | 'batched' | 'done';
  batchNo: number | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  staffId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

/** A commune's hamlet as the supervisor keeps it (migration 0026). */
export interface HamletsTable {
  id: string;
  communeCode: string;
  kind: HamletKind;
  name: string;
  /** kind|folded name: one hamlet per spelling in a commune (domain/hamlets.ts hamletKey). */
  nameKey: string;
  active: number;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A field officer's area by username (migration 0026): JSON `[{communeCode, hamletIds}]`. */
export interface FieldAssignmentsTable {
  username: string;
  areas: string;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

/** A visit's outcome (migration 0026), to a person or a household; made here or pulled. */
export interface VisitsTable {
  id: string;
  participantId: string | null;
  householdId: string | null;
  outcome: VisitOutcome;
  promisedOn: string | null;
  declineReason: DeclineReason | null;
  note: string | null;
  /** JSON array of receipt ids ("paid"). */
  receiptIds: string;
  visitedOn: string;
  visitedAt: string;
  staffId: string | null;
  staffName: string;
  staffUsername: string | null;
  /** NULL: made on this device. */
  sourceDeviceId: string | null;
}

export interface FieldTables {
  hamlets: HamletsTable;
  fieldAssignments: FieldAssignmentsTable;
  visits: VisitsTable;
}

export interface Database extends ContributionTables, SyncTables, FieldTables, OfficePictureTables {
  office: OfficeTable;
  staff: StaffTable;
  participants: ParticipantsTable;
  nameIndexQueue: NameIndexQueueTable;
  formDrafts: FormDraftsTable;
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
  adminProvinces: AdminProvincesTable;
  adminCommunes: AdminCommunesTable;
  referenceVersions: ReferenceVersionsTable;
  legacyCommunes: LegacyCommunesTable;
  communeStatuses: CommuneStatusesTable;
  outbox: OutboxTable;
  auditLog: AuditLogTable;
}

export interface ReferenceSchedulesTable {
  version: string;
  body: string;
  loadedAt: string;
}

export interface EnrollmentsTable {
  id: string;
  participantId: string;
  scheme: 'VSI' | 'HHI';
  method: PaymentMethod;
  incomeBasis: number | null;
  fromMonth: string;
  status: 'active' | 'stopped';
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReceiptSeriesTable {
  series: string;
  nextNumber: number;
}

export interface ContributionsTable {
  id: string;
  participantId: string;
  householdId: string | null;
  scheme: 'VSI' | 'HHI';
  method: string;
  fromMonth: string;
  toMonth: string;
  months: number;
  incomeBasis: number | null;
  /** HHI: the member's place in the household's HHI sequence when recorded; null for VSI. */
  memberPosition: number | null;
  paidOn: string;
  total: number;
  supportedMonths: number;
  lines: string;
  /** JSON {support, topUp} as the quote applied them (migration 0020); null before. */
  supportRule: string | null;
  referenceVersion: string;
  collectorStaffId: string;
  receiptId: string;
  createdAt: string;
}

export interface ReceiptsTable {
  id: string;
  series: string;
  number: number;
  contributionId: string;
  participantId: string;
  payerName: string;
  payerPersonalId: string;
  payerAddress: string;
  scheme: 'VSI' | 'HHI';
  periodFrom: string;
  periodTo: string;
  months: number;
  amount: number;
  amountWords: string;
  collectorStaffId: string;
  collectorName: string;
  officeName: string;
  issuedAt: string;
  businessDate: string;
}

/**
 * Every void this device knows: its own (source NULL) and those made on the office's other devices
 * (pulled); a void may be of this device's receipt or of a pulled one (migration 0023).
 */
export interface ReceiptVoidsTable {
  id: string;
  receiptId: string;
  reason: string;
  /** A staff member of the device that voided it (of this device when `sourceDeviceId` is NULL). */
  voidedBy: string | null;
  voidedAt: string;
  businessDate: string;
  /** Set when the receipt's day was already closed: the void is a refund paid out on businessDate by this staff member (migration 0016). */
  refundPaidBy: string | null;
  /** The refund's voucher (phiếu chi): series "HT-" + the receipt series, gap-free number (migration 0017). */
  refundVoucherSeries: string | null;
  refundVoucherNumber: number | null;
  /** Names as the voiding device knew them (set for voids made elsewhere). */
  voidedByName: string | null;
  refundPaidByName: string | null;
  /** A refund made elsewhere: its amount and voucher as printed there. */
  refundAmount: number | null;
  refundVoucher: string | null;
  /** The device that made the void; NULL: this device. */
  sourceDeviceId: string | null;
}

/** A payment another device took, as pulled (migration 0023): never renumbered, never sent back. */
export interface PulledContributionsTable {
  id: string;
  participantId: string;
  householdId: string | null;
  scheme: 'VSI' | 'HHI';
  method: string;
  fromMonth: string;
  toMonth: string;
  months: number;
  incomeBasis: number | null;
  memberPosition: number | null;
  paidOn: string;
  businessDate: string;
  total: number;
  supportedMonths: number;
  receiptId: string;
  receiptSeries: string;
  receiptNumber: number;
  issuedAt: string | null;
  officeCode: string;
  sourceDeviceId: string;
  collectorStaffId: string | null;
  collectorName: string | null;
}

export interface OfficeDevicesTable {
  id: string;
  name: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** JSON of the device's last report (pending work, last closed day). */
  status: string | null;
  statusAt: string | null;
  refreshedAt: string;
}

export interface PulledDayClosuresTable {
  deviceId: string;
  businessDate: string;
  closedAt: string;
  closedByName: string | null;
  /** JSON: each collector's takings and cash counted. */
  collectors: string;
}

export interface CashHandoversTable {
  id: string;
  fromDeviceId: string;
  collectorStaffId: string;
  collectorName: string;
  /** JSON array of the business days handed over. */
  businessDates: string;
  receiptCount: number;
  expected: number;
  cashCounted: number;
  note: string | null;
  receivedBy: string | null;
  receivedByName: string;
  receivedAt: string;
  receivedOn: string;
  /** The device that recorded it; NULL: this device. */
  sourceDeviceId: string | null;
}

export interface CashHandoverDaysTable {
  fromDeviceId: string;
  collectorStaffId: string;
  businessDate: string;
  handoverId: string;
}

export interface OfficePictureTables {
  pulledContributions: PulledContributionsTable;
  officeDevices: OfficeDevicesTable;
  pulledDayClosures: PulledDayClosuresTable;
  cashHandovers: CashHandoversTable;
  cashHandoverDays: CashHandoverDaysTable;
}

export interface ReceiptPrintsTable {
  id: string;
  receiptId: string;
  printedBy: string | null;
  printedAt: string;
  copy: number;
}

export interface DayClosuresTable {
  businessDate: string;
  status: 'closed' | 'reopened';
  closedBy: string;
  closedAt: string;
  summary: string;
  reopenedBy: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

export interface ContributionTables {
  dayClosures: DayClosuresTable;
  referenceSchedules: ReferenceSchedulesTable;
  enrollments: EnrollmentsTable;
  receiptSeries: ReceiptSeriesTable;
  contributions: ContributionsTable;
  receipts: ReceiptsTable;
  receiptVoids: ReceiptVoidsTable;
  receiptPrints: ReceiptPrintsTable;
  signedDocuments: SignedDocumentsTable;
  deviceKeys: DeviceKeysTable;
}

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
