// The texts the audit trail's anchoring hashes and signs (ADR 0028), one definition for the office
// and the central: an entry's hashed text (its hash covers the previous entry's hash and its own
// content), the device's signed head and the central's signed acknowledgement.
import { canonicalJson } from '../canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedEntryContent {
  seq: number;
  at: string;
  staffId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** Canonical JSON text of the details, as stored. */
  details: string;
}

/** What an entry's SHA-256 is taken over. */
export function auditEntryText(prevHash: string, entry: HashedEntryContent): string {
  return (
    prevHash +
    '\n' +
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      staffId: entry.staffId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      details: entry.details,
    })
  );
}

/** The device signs its head with its key. */
export function auditHeadMessage(deviceId: string, seq: number, hash: string): string {
  return `FO-AUDIT-HEAD\n${deviceId}\n${seq}\n${hash}`;
}

/** The central signs what it holds of a device's chain with its key. */
export function auditAckMessage(deviceId: string, seq: number, hash: string, at: string): string {
  return `FO-AUDIT-ACK\n${deviceId}\n${seq}\n${hash}\n${at}`;
}
