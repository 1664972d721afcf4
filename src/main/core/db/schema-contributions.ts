// Kysely table types of the office store: enrollments, contributions, receipts, voids, days and the office's pulled picture (see schema.ts for the whole Database).
// Columns are snake_case in SQL and camelCase here (CamelCasePlugin). Money columns are integer đồng.
import type { PaymentMethod } from '../../../shared/contract/contribution';
import type { DeviceKeysTable, SignedDocumentsTable } from './schema-sync';

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

/** A person's paid-through month per scheme as the central counts it (migration 0029, ADR 0035). */
export interface PaidThroughTable {
  participantId: string;
  scheme: 'VSI' | 'HHI';
  month: string | null;
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
  paidThrough: PaidThroughTable;
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
