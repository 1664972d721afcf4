// Kysely table types of the office store: people, households, reference data, outbox and audit log
// here; contributions, sync and field work in schema-*.ts, re-exported. Columns are snake_case in
// SQL and camelCase here (CamelCasePlugin). Money columns are integer đồng.
import type { ColumnType, Generated } from 'kysely';
import type { OtherCoverage } from '../../../shared/contract/household';
import type { ContributionTables, OfficePictureTables } from './schema-contributions';
import type { FieldTables } from './schema-field';
import type { FormDraftsTable, SyncTables } from './schema-sync';

export type * from './schema-contributions';
export type * from './schema-field';
export type * from './schema-sync';

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
