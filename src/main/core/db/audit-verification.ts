// Checks the hash-chained audit log (ADR 0028). Walking the chain catches an edited, deleted or
// inserted entry — unless whoever edited it recomputed every hash after it. So the chain is also
// held against the central's signed acknowledgement of the head it received: an entry rewritten
// (hashes recomputed or not) before that head changes the head's hash, and a deleted tail loses
// the head itself. A start-up check resumes from a checkpoint (the last entry the previous check
// passed, whose hash is remembered) so it reads only what is new. Breaks a supervisor has settled
// are passed over: the chain goes on from the entry as it stands.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { auditAckMessage, GENESIS_HASH } from '../../../shared/sync/audit-anchor';
import type { AuditAck } from '../../../shared/sync/operations';
import { auditEntryHash } from './mutation-log';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditBreak {
  seq: number;
  problem: string;
  problemEn: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  problem: string | null;
  problemEn: string | null;
  /** The central's last acknowledgement the chain was held against (null before the first). */
  anchor: { seq: number; at: string } | null;
}

/** The central's acknowledgement as this store keeps it. */
export type StoredAck = AuditAck & { deviceId: string };

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function verifies(message: string, key: KeyObject, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

async function settledBreaks(db: Db): Promise<Set<number>> {
  return new Set((await db.selectFrom('auditBreaks').select('seq').where('settledAt', 'is not', null).execute()).map((r) => r.seq));
}

/** Walks from after `from` to the end; the first break not settled, and the last entry passed. */
async function walk(db: Db, from: { seq: number; hash: string }, settled: Set<number>, pageSize = 5000) {
  let prevHash = from.hash;
  let expectedSeq = from.seq + 1;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      let problem: AuditBreak | null = null;
      if (row.seq !== expectedSeq) {
        problem = { seq: expectedSeq, problem: `Mất mục nhật ký số ${expectedSeq}.`, problemEn: `entry ${expectedSeq} is missing` };
      } else if (row.prevHash !== prevHash) {
        problem = {
          seq: row.seq,
          problem: `Mục nhật ký số ${row.seq} không nối với mục trước nó.`,
          problemEn: `entry ${row.seq} does not chain to the entry before it`,
        };
      } else if (auditEntryHash(prevHash, row) !== row.hash) {
        problem = { seq: row.seq, problem: `Mục nhật ký số ${row.seq} đã bị sửa sau khi ghi.`, problemEn: `entry ${row.seq} was altered after it was written` };
      }
      if (problem && !settled.has(problem.seq)) return { broken: problem, entries, last: { seq: expectedSeq - 1, hash: prevHash } };
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      entries += 1;
    }
  }
  return { broken: null, entries, last: { seq: expectedSeq - 1, hash: prevHash } };
}

/** The chain against the central's acknowledged head; null when it holds (or there is none yet). */
async function anchorBreak(db: Db, settled: Set<number>): Promise<{ broken: AuditBreak | null; anchor: AuditVerification['anchor'] }> {
  const state = await db.selectFrom('syncState').select(['auditAck', 'centralPublicKey']).where('id', '=', 1).executeTakeFirst();
  if (!state?.auditAck) return { broken: null, anchor: null };
  const ack = JSON.parse(state.auditAck) as StoredAck;
  const anchor = { seq: ack.seq, at: ack.at };
  if (ack.seq === 0 || settled.has(ack.seq)) return { broken: null, anchor };
  if (state.centralPublicKey) {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(state.centralPublicKey, 'base64')]), format: 'der', type: 'spki' });
    if (!verifies(auditAckMessage(ack.deviceId, ack.seq, ack.hash, ack.at), key, ack.signature)) {
      return {
        broken: {
          seq: ack.seq,
          problem: 'Xác nhận của trung tâm lưu trên máy đã bị sửa (chữ ký không đúng).',
          problemEn: 'the central’s acknowledgement kept on this device was altered (its signature does not verify)',
        },
        anchor,
      };
    }
  }
  const entry = await db.selectFrom('auditLog').select('hash').where('seq', '=', ack.seq).executeTakeFirst();
  if (!entry) {
    const last = (await db.selectFrom('auditLog').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())?.seq ?? 0;
    return {
      broken: {
        seq: ack.seq,
        problem: `Mất các mục nhật ký từ số ${last + 1} đến ${ack.seq}: trung tâm đã xác nhận đến mục ${ack.seq}.`,
        problemEn: `entries ${last + 1} to ${ack.seq} are missing: the central acknowledged the chain up to ${ack.seq}`,
      },
      anchor,
    };
  }
  if (entry.hash !== ack.hash) {
    return {
      broken: {
        seq: ack.seq,
        problem: `Nhật ký đến mục ${ack.seq} đã bị viết lại sau khi trung tâm xác nhận.`,
        problemEn: `the chain up to entry ${ack.seq} was rewritten after the central acknowledged it`,
      },
      anchor,
    };
  }
  return { broken: null, anchor };
}

function result(entries: number, broken: AuditBreak | null, anchor: AuditVerification['anchor']): AuditVerification {
  return { ok: broken === null, entries, firstBrokenSeq: broken?.seq ?? null, problem: broken?.problem ?? null, problemEn: broken?.problemEn ?? null, anchor };
}

/** The whole chain from its first entry, then against the central's acknowledged head. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification & { broken: AuditBreak | null }> {
  const settled = await settledBreaks(db);
  const walked = await walk(db, { seq: 0, hash: GENESIS_HASH }, settled, pageSize);
  const anchored = await anchorBreak(db, settled);
  const broken = walked.broken ?? anchored.broken;
  return { ...result(walked.entries, broken, anchored.anchor), broken };
}

/**
 * The start-up check: the checkpoint entry still has the hash it had, the entries after it chain,
 * and the chain holds against the central's head. Moves the checkpoint to the end when all holds.
 */
export async function verifyAuditSinceCheckpoint(db: Db, at: string): Promise<AuditBreak | null> {
  const settled = await settledBreaks(db);
  const checkpoint = await db.selectFrom('auditCheckpoint').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (checkpoint.seq > 0 && !settled.has(checkpoint.seq)) {
    const entry = await db.selectFrom('auditLog').select('hash').where('seq', '=', checkpoint.seq).executeTakeFirst();
    if (entry?.hash !== checkpoint.hash) {
      return {
        seq: checkpoint.seq,
        problem: `Mục nhật ký số ${checkpoint.seq}, đã kiểm tra ở lần mở máy trước, nay bị sửa hoặc xóa.`,
        problemEn: `entry ${checkpoint.seq}, checked at the previous start, has since been altered or deleted`,
      };
    }
  }
  const walked = await walk(db, checkpoint, settled);
  const broken = walked.broken ?? (await anchorBreak(db, settled)).broken;
  if (!broken) await db.updateTable('auditCheckpoint').set({ seq: walked.last.seq, hash: walked.last.hash, checkedAt: at }).where('id', '=', 1).execute();
  return broken;
}

/** Keeps a break found (once per sequence): it stays open until a supervisor settles it. */
export async function recordAuditBreak(db: Db, broken: AuditBreak, at: string): Promise<void> {
  await db
    .insertInto('auditBreaks')
    .values({ seq: broken.seq, problem: broken.problem, problemEn: broken.problemEn, foundAt: at, settledBy: null, settledAt: null, note: null })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
}
