// Settling a device whose audit entries the central refused (ADR 0028, "after a refusal"). Once a
// section does not continue the chain the central holds (an entry rewritten, entries cut), the
// device's later sections do not either — they start after what it last sent — so the device is
// never anchored again: every head is kept with its problem and acknowledged at the old place.
// After looking into it (the refused heads are the evidence), an administrator moves the held chain
// to the newest head the device signed, with a note; the next batch's entries continue from there.
// The refused heads stay; the entries between the two places are not held, and the settling says so
// (from, to, who, why) in audit_reanchors.
import { verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditHeadMessage } from '../../shared/sync/audit-anchor';
import { CentralError } from '../central-error';
import type { CentralDb } from '../db/schema';
import { devicePublicKey } from '../request-auth';

export interface Reanchored {
  deviceId: string;
  fromSeq: number;
  toSeq: number;
  toBatchNo: number;
}

function signedByDevice(deviceId: string, publicKey: string, head: { seq: number; hash: string; signature: string }): boolean {
  try {
    return verify(null, Buffer.from(auditHeadMessage(deviceId, head.seq, head.hash)), devicePublicKey(publicKey), Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Moves the device's held audit chain to the newest head it signed after a refusal; `by` is the administrator, `note` why. */
export async function reanchorDeviceAudit(db: Kysely<CentralDb>, input: { deviceId: string; by: string; note: string }): Promise<Reanchored> {
  const note = input.note.trim();
  if (note.length < 10 || note.length > 1000)
    throw new CentralError(
      400,
      'VALIDATION',
      'Ghi rõ đã xác minh thế nào (10–1000 ký tự).',
      'Say how it was looked into (10–1000 characters).',
      undefined,
      'note',
    );
  return db.transaction().execute(async (trx) => {
    const device = await trx
      .selectFrom('devices')
      .select(['id', 'publicKey', 'auditSeq', 'auditHash'])
      .where('id', '=', input.deviceId)
      .forUpdate()
      .executeTakeFirst();
    if (!device) throw new CentralError(404, 'NOT_FOUND', 'Không có thiết bị này.', 'Unknown device.');
    const heldSeq = Number(device.auditSeq);
    const refused = await trx
      .selectFrom('auditHeads')
      .select(['batchNo', 'seq', 'hash', 'signature'])
      .where('deviceId', '=', device.id)
      .where('problem', 'is not', null)
      .where('seq', '>', heldSeq)
      .orderBy('batchNo', 'desc')
      .execute();
    // The newest head the device itself signed: a head with a forged signature never becomes the chain.
    const head = refused.map((h) => ({ ...h, seq: Number(h.seq) })).find((h) => signedByDevice(device.id, device.publicKey, h));
    if (!head)
      throw new CentralError(
        409,
        'CONFLICT',
        'Nhật ký của thiết bị này không có phần nào bị từ chối sau chỗ trung tâm đang giữ: không có gì để xử lý.',
        'Nothing of this device’s audit log was refused after the place the central holds: nothing to settle.',
      );
    await trx.updateTable('devices').set({ auditSeq: head.seq, auditHash: head.hash }).where('id', '=', device.id).execute();
    await trx
      .insertInto('auditReanchors')
      .values({
        deviceId: device.id,
        fromSeq: heldSeq,
        fromHash: device.auditHash,
        toSeq: head.seq,
        toHash: head.hash,
        toBatchNo: head.batchNo,
        settledBy: input.by,
        note,
      })
      .execute();
    return { deviceId: device.id, fromSeq: heldSeq, toSeq: head.seq, toBatchNo: head.batchNo };
  });
}
