// Kysely table types of the office store. Columns are snake_case in SQL and camelCase here
// (CamelCasePlugin). Money columns are integer đồng.
import type { ColumnType, Generated } from 'kysely';

export interface OfficeTable {
  id: number;
  code: string;
  name: string;
  provinceCode: string;
  deviceId: string;
  idleLockMinutes: number;
  createdAt: string;
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
  supportCategory: string;
  householdId: string | null;
  officialNumber: string | null;
  canonicalId: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdsTable {
  id: string;
  headParticipantId: string;
  provinceCode: string;
  communeCode: string;
  addressLine: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdMembersTable {
  householdId: string;
  participantId: string;
  position: number;
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

export interface Database {
  office: OfficeTable;
  staff: StaffTable;
  participants: ParticipantsTable;
  households: HouseholdsTable;
  householdMembers: HouseholdMembersTable;
  adminProvinces: AdminProvincesTable;
  adminCommunes: AdminCommunesTable;
  referenceVersions: ReferenceVersionsTable;
  outbox: OutboxTable;
  auditLog: AuditLogTable;
}
