// Who may print and who may void a receipt: one rule, applied by the core (which refuses) and read
// by the receipt page (which disables the button and says why before the clerk clicks it).
// The first print is the collector's (anyone else's would stamp the collector's own "BẢN SAO");
// a void is the supervisor's, or the issuing clerk's on the receipt's own business day (a receipt
// of an earlier day may be in a closed day: voiding it is a refund, which a supervisor decides).
import type { Role } from '../contract/primitives';

export interface ReceiptActor {
  staffId: string | null;
  role: Role | null;
}

export interface ReceiptOwnership {
  collectorStaffId: string;
  businessDate: string;
}

/** Whether `actor` may record a print of the receipt (a supervisor, or its collector). */
export function mayPrintReceipt(actor: ReceiptActor, receipt: ReceiptOwnership): boolean {
  return actor.role === 'supervisor' || (actor.staffId !== null && receipt.collectorStaffId === actor.staffId);
}

/**
 * Why `actor` may not void the receipt on `today` ('YYYY-MM-DD', the office's business date):
 * 'notCollector' for another clerk's receipt, 'earlierDay' for their own receipt of an earlier day;
 * null when they may.
 */
export function voidRefusal(actor: ReceiptActor, receipt: ReceiptOwnership, today: string): 'notCollector' | 'earlierDay' | null {
  if (actor.role === 'supervisor') return null;
  if (actor.staffId === null || receipt.collectorStaffId !== actor.staffId) return 'notCollector';
  return receipt.businessDate === today ? null : 'earlierDay';
}
