// Cash handovers (ADR 0026): a supervisor records the cash a collector of another device of the
// office (a field officer back from the villages) handed over, counted against that collector's
// receipts of those days. Kept once per collector and day: the same cash recorded again — on
// another supervisor's device before it heard of the first — is refused with the first.
import { sql } from 'kysely';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import { handoverChange, tellOffices } from './office-changes';
import type { OpContext } from './op-context';

export async function recordHandover(ctx: OpContext, opId: string, payload: OperationPayload<'cash.handover'>): Promise<OpResult> {
  const from = await ctx.trx.selectFrom('devices').select(['officeCode', 'name']).where('id', '=', payload.fromDeviceId).executeTakeFirst();
  if (!from || from.officeCode !== ctx.device.officeCode) {
    return rejected(opId, 'VALIDATION', 'Máy bàn giao tiền không thuộc văn phòng này.', 'The device the cash came from is not of this office.', 'fromDeviceId');
  }
  const earlier = await ctx.trx
    .selectFrom('cashHandovers')
    .select(['id', 'data'])
    .where('fromDeviceId', '=', payload.fromDeviceId)
    .where('collectorStaffId', '=', payload.collectorStaffId)
    .where('id', '!=', payload.id)
    .where(sql<boolean>`business_dates ?| ${payload.businessDates}::text[]`)
    .executeTakeFirst();
  if (earlier) {
    const first = (typeof earlier.data === 'string' ? JSON.parse(earlier.data) : earlier.data) as OperationPayload<'cash.handover'>;
    return {
      opId,
      status: 'REJECTED',
      error: {
        code: 'CONFLICT',
        message: `Tiền của ${payload.collectorName} cho các ngày này đã được ${first.receivedByName} nhận bàn giao (${first.receivedOn}, ${first.cashCounted.toLocaleString('vi-VN')} đ).`,
        messageEn: `${payload.collectorName}'s cash for these days was already received by ${first.receivedByName} on ${first.receivedOn}.`,
        field: 'businessDates',
        details: { first },
      },
    };
  }
  await ctx.trx
    .insertInto('cashHandovers')
    .values({
      id: payload.id,
      officeCode: ctx.device.officeCode,
      deviceId: ctx.device.id,
      fromDeviceId: payload.fromDeviceId,
      collectorStaffId: payload.collectorStaffId,
      businessDates: JSON.stringify(payload.businessDates),
      data: JSON.stringify(payload),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  tellOffices(ctx, { kind: 'cash.handover', payload: handoverChange(payload, ctx) }, [ctx.device.officeCode]);
  return { opId, status: 'APPLIED' };
}
