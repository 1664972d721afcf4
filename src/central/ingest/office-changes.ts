// The changes an office's devices receive about each other's work (ADR 0026): payments, voids,
// households, enrollments, day closures and cash handovers, addressed to the office that did the
// work — and, for a payment or void of a person registered by another office, to that office too,
// so each office's picture holds every payment of its people. Built from the rows as the central
// stored them (canonical person ids), never from the office's payload as sent.
import type { CentralChange, ChangePayload } from '../../shared/sync/changes';
import type { OperationPayload } from '../../shared/sync/operations';
import { businessDate } from '../../shared/domain/business-date';
import type { ChangeContent, OpContext, PendingChange } from './op-context';

/** The office that registered a (canonical) person, or null when the central has no such person. */
export async function personOffice(ctx: OpContext, personId: string): Promise<string | null> {
  const cached = ctx.cache?.officeOf.get(personId);
  if (cached !== undefined) return cached;
  const row = await ctx.trx.selectFrom('persons').select('officeCode').where('id', '=', personId).executeTakeFirst();
  if (row) ctx.cache?.officeOf.set(personId, row.officeCode);
  return row?.officeCode ?? null;
}

/** Queues `change` for each office named (once each; null entries skipped). */
export function tellOffices(ctx: OpContext, change: ChangeContent, offices: (string | null | undefined)[]): void {
  // A plain loop (no Set, no filtered copy): called twice for each payment of a batch.
  for (let i = 0; i < offices.length; i++) {
    const officeCode = offices[i];
    if (typeof officeCode !== 'string' || offices.indexOf(officeCode) !== i) continue;
    // Every change of one shape (not a spread of each kind's own), read by batch-finish.ts field by field.
    ctx.changes.push({
      kind: change.kind,
      from: change.from,
      payload: change.payload,
      payloadJson: change.payloadJson,
      provinceCode: null,
      officeCode,
    } as PendingChange);
  }
}

/** The person's paid-through month in one scheme, as the central counts it after a payment or a void. */
export function paidThroughChange(personId: string, scheme: string, month: string | null): CentralChange {
  return { kind: 'paid-through', payload: { participantId: personId, [scheme === 'HHI' ? 'HHI' : 'VSI']: month } };
}

export function voidChange(payload: OperationPayload<'receipt.void'>, ctx: OpContext): ChangePayload<'receipt.voided'> {
  const refund = payload.refund;
  return {
    receiptId: payload.receiptId,
    voidId: payload.id,
    reason: payload.reason,
    voidedAt: payload.voidedAt,
    voidedBy: payload.voidedBy,
    voidedByName: payload.voidedByName ?? null,
    businessDate: payload.businessDate ?? businessDate(new Date(payload.voidedAt)),
    deviceId: ctx.device.id,
    officeCode: ctx.device.officeCode,
    refund: refund
      ? {
          businessDate: refund.businessDate,
          paidOutBy: refund.paidOutBy,
          paidOutByName: refund.paidOutByName ?? null,
          amount: refund.amount,
          voucher: refund.voucher,
        }
      : null,
  };
}

export function dayClosedChange(payload: OperationPayload<'day.close'>, ctx: OpContext): ChangePayload<'day.closed'> {
  return {
    deviceId: ctx.device.id,
    businessDate: payload.businessDate,
    closedAt: payload.closedAt,
    closedByName: payload.closedByName ?? null,
    collectors: payload.collectors.map((c) => ({
      staffId: c.staffId,
      fullName: c.fullName ?? null,
      receiptCount: c.receiptCount,
      total: c.total,
      refundCount: c.refundCount ?? 0,
      refundTotal: c.refundTotal ?? 0,
      cashCounted: c.cashCounted,
      note: c.note,
    })),
  };
}

export function handoverChange(payload: OperationPayload<'cash.handover'>, ctx: OpContext): ChangePayload<'cash.handover'> {
  const { receivedBy: _receivedBy, ...rest } = payload;
  return { ...rest, deviceId: ctx.device.id };
}
