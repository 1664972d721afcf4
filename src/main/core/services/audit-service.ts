// The audit trail for supervisors (ADR 0028): a full check of the chain (a break found is kept and
// raises the alert on every supervisor screen), its status, settling the breaks with a note (an
// audited act the central receives like any entry), and the list of entries with filters. The
// start-up check runs from the office core before the first call.
import { OfficeError } from '../../../shared/contract/errors';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { recordAuditBreak, verifyAuditChain, verifyAuditSinceCheckpoint } from '../db/audit-verification';
import { appendAudit } from '../db/mutation-log';
import * as audit from '../db/repositories/audit-repository';
import type { Database } from '../db/schema';
import type { Kysely, Transaction } from 'kysely';

export async function verifyAudit(ctx: CoreContext) {
  const { broken, ...verification } = await verifyAuditChain(ctx.db);
  if (broken) await recordAuditBreak(ctx.db, broken, nowIso(ctx));
  return verification;
}

/** At start-up, before any call: the entries since the last start, and the central's head. */
export async function checkAuditAtStart(db: Kysely<Database>, at: string): Promise<void> {
  const broken = await verifyAuditSinceCheckpoint(db, at);
  if (broken) await recordAuditBreak(db, broken, at);
}

export async function auditStatus(ctx: CoreContext) {
  const ack = await audit.keptAuditAck(ctx.db);
  return { openBreaks: await audit.openBreaks(ctx.db), anchor: ack ? { seq: ack.seq, at: ack.at } : null };
}

/** Refuses what must wait for a whole chain (closing the day) while a break is open. */
export async function requireAuditIntact(trx: Transaction<Database>): Promise<void> {
  if (await audit.hasOpenBreak(trx)) {
    throw new OfficeError('CONFLICT', {
      vi: 'Nhật ký kiểm toán của máy này bị sửa hoặc mất một phần: không thể khóa sổ cho đến khi giám sát viên kiểm tra và ghi nhận cách xử lý (trang Nhật ký).',
      en: 'The audit log of this device was altered or cut short: the day cannot be closed until a supervisor has checked it and recorded how it was dealt with (Audit page).',
    });
  }
}

/** The supervisor has looked into the open breaks (with the central) and says how: the alert ends. */
export async function settleAudit(ctx: CoreContext, caller: Caller, input: { note: string }) {
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const open = await audit.settleOpenBreaks(trx, { staffId: caller.staffId, at, note: input.note });
    if (open.length === 0) {
      throw new OfficeError('CONFLICT', { vi: 'Không có sai lệch nào của nhật ký đang chờ xử lý.', en: 'No break of the audit log is waiting to be settled.' });
    }
    await appendAudit(trx, {
      at,
      staffId: caller.staffId,
      action: 'audit.settled',
      entity: 'audit',
      entityId: null,
      details: { breaks: open.map((b) => ({ seq: b.seq, problem: b.problemEn, foundAt: b.foundAt })), note: input.note },
    });
  });
  // The check goes on from the chain as it now stands.
  await checkAuditAtStart(ctx.db, at);
  return auditStatus(ctx);
}

export async function listAudit(ctx: CoreContext, input: audit.AuditFilter) {
  const rows = await audit.listAuditEntries(ctx.db, input);
  const items = rows.slice(0, input.limit);
  return { items, nextBeforeSeq: rows.length > input.limit ? items[items.length - 1]!.seq : null, actions: await audit.auditActions(ctx.db) };
}
