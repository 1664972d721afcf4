// Receives a device's audit entries and signed head with its batch, in the batch's transaction
// (ADR 0028): the head's signature is the device's, the entries continue the chain the central
// holds for that device (each chains to the one before and hashes to what it says), entries sent
// again are the ones already held. What continues is kept; what does not is refused with the
// problem — evidence of a rewritten or cut chain — and the central's head does not move. Either way
// the answer is the head the central holds, signed with the central's key: the device checks its
// chain against it.
import { hash, sign, verify } from 'node:crypto';
import type { Transaction } from 'kysely';
import { auditAckMessage, auditEntryText, auditHeadMessage } from '../../shared/sync/audit-anchor';
import type { AuditAck, AuditEntry, BatchAudit } from '../../shared/sync/operations';
import type { CentralKey } from '../central-signing-key';
import type { CentralDb } from '../db/schema';
import { devicePublicKey } from '../request-auth';
import { type BulkColumns, insertRows } from './bulk-insert';

const entryColumns: BulkColumns = {
  deviceId: 'text',
  seq: 'bigint',
  at: 'text',
  staffId: 'text',
  action: 'text',
  entity: 'text',
  entityId: 'text',
  details: 'text',
  prevHash: 'text',
  hash: 'text',
  batchNo: 'integer',
};

const sha256 = (text: string) => hash('sha256', text, 'hex');

/** The first problem of the entries against the chain held (seq, hash), and the entries that are new. */
async function checkEntries(trx: Transaction<CentralDb>, deviceId: string, held: { seq: number; hash: string }, entries: AuditEntry[]) {
  const resent = entries.filter((e) => e.seq <= held.seq);
  if (resent.length > 0) {
    const stored = new Map(
      (
        await trx
          .selectFrom('auditEntries')
          .select(['seq', 'hash'])
          .where('deviceId', '=', deviceId)
          .where(
            'seq',
            'in',
            resent.map((e) => e.seq),
          )
          .execute()
      ).map((r) => [Number(r.seq), r.hash]),
    );
    const differs = resent.find((e) => stored.get(e.seq) !== e.hash);
    if (differs) return { problem: `entry ${differs.seq} differs from the one received before (rewritten on the device)`, fresh: [] };
  }
  const fresh = entries.filter((e) => e.seq > held.seq);
  let prev = held;
  for (const e of fresh) {
    if (e.seq !== prev.seq + 1) return { problem: `entry ${prev.seq + 1} is missing (got ${e.seq})`, fresh: [] };
    if (e.prevHash !== prev.hash) return { problem: `entry ${e.seq} does not chain to entry ${prev.seq} as received`, fresh: [] };
    if (sha256(auditEntryText(e.prevHash, e)) !== e.hash) return { problem: `entry ${e.seq} does not hash to what it says`, fresh: [] };
    prev = { seq: e.seq, hash: e.hash };
  }
  return { problem: null, fresh };
}

/** Whether `signature` (base64) is the device key's over `message`; a malformed one is not. */
function verifies(message: string, publicKey: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message), devicePublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export async function anchorAudit(
  trx: Transaction<CentralDb>,
  device: { id: string; publicKey: string; auditSeq: number; auditHash: string },
  batchNo: number,
  audit: BatchAudit,
  centralKey: CentralKey,
  now: Date,
): Promise<AuditAck> {
  let held = { seq: Number(device.auditSeq), hash: device.auditHash };
  const last = audit.entries.at(-1);
  const signed = verifies(auditHeadMessage(device.id, audit.head.seq, audit.head.hash), device.publicKey, audit.head.signature);
  let problem: string | null;
  if (!signed) problem = 'the head is not signed by the device key';
  else if (!last || last.seq !== audit.head.seq || last.hash !== audit.head.hash) problem = 'the head is not the last entry sent';
  else {
    const checked = await checkEntries(trx, device.id, held, audit.entries);
    problem = checked.problem;
    if (!problem && checked.fresh.length > 0) {
      await insertRows(
        trx,
        'audit_entries',
        entryColumns,
        checked.fresh.map((e) => ({ ...e, deviceId: device.id, batchNo })),
      );
      held = { seq: last.seq, hash: last.hash };
      await trx.updateTable('devices').set({ auditSeq: held.seq, auditHash: held.hash }).where('id', '=', device.id).execute();
    }
  }
  await trx
    .insertInto('auditHeads')
    .values({ deviceId: device.id, batchNo, seq: audit.head.seq, hash: audit.head.hash, signature: audit.head.signature, heldSeq: held.seq, problem })
    .execute();
  const at = now.toISOString();
  const signature = sign(null, Buffer.from(auditAckMessage(device.id, held.seq, held.hash, at)), centralKey.privateKey).toString('base64');
  return { seq: held.seq, hash: held.hash, at, signature, ...(problem ? { problem } : {}) };
}
