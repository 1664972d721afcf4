// Household and enrollment operations; member ids are mapped through person aliases so a member
// who turned out to be a duplicate is linked to the canonical person.
import { sql } from 'kysely';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import type { OpContext } from './op-context';
import { resolvePersonId } from './person-ops';

export async function createHousehold(ctx: OpContext, opId: string, payload: OperationPayload<'household.create'>): Promise<OpResult> {
  const head = await resolvePersonId(ctx.trx, payload.headParticipantId, ctx.cache);
  if (!head) {
    return {
      opId,
      status: 'HELD',
      heldClass: 'PERSON_NOT_ACCEPTED',
      error: {
        code: 'PERSON_NOT_ACCEPTED',
        message: 'Hộ được tạm giữ vì chủ hộ chưa được trung tâm chấp nhận.',
        messageEn: 'Held until the head is accepted.',
      },
    };
  }
  await ctx.trx
    .insertInto('households')
    .values({
      id: payload.id,
      headId: head,
      memberIds: JSON.stringify([head]),
      data: JSON.stringify(payload),
      officeCode: ctx.device.officeCode,
      version: payload.version,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { opId, status: 'APPLIED' };
}

export async function setHouseholdMembers(ctx: OpContext, opId: string, payload: OperationPayload<'household.setMembers'>): Promise<OpResult> {
  const { householdId, memberIds: ids } = payload;
  const exists = await ctx.trx.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst();
  if (!exists) return rejected(opId, 'NOT_FOUND', 'Trung tâm chưa có hộ gia đình này.', 'Unknown household.', 'householdId');
  const resolved: string[] = [];
  for (const id of ids) {
    const canonical = await ctx.trx.selectFrom('personAliases').select('canonicalId').where('localId', '=', id).executeTakeFirst();
    resolved.push(canonical?.canonicalId ?? id);
  }
  // Members another scheme insures (left out of the HHI sequence), by the same resolved ids.
  const marks = payload.coverage ?? {};
  const coverage = Object.fromEntries(ids.flatMap((id, i) => (marks[id] ? [[resolved[i]!, marks[id]]] : [])));
  await ctx.trx
    .updateTable('households')
    .set({ memberIds: JSON.stringify(resolved), version: payload.version, data: sql`data || ${JSON.stringify({ coverage })}::jsonb` })
    .where('id', '=', householdId)
    .execute();
  return { opId, status: 'APPLIED' };
}

export async function setEnrollment(ctx: OpContext, opId: string, payload: OperationPayload<'enrollment.set'>): Promise<OpResult> {
  const personId = (await resolvePersonId(ctx.trx, payload.participantId, ctx.cache)) ?? payload.participantId;
  const values = { id: payload.id, personId, scheme: payload.scheme, data: JSON.stringify(payload) };
  if (ctx.deferred) ctx.deferred.enrollments.push(values);
  else {
    await ctx.trx
      .insertInto('enrollments')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ personId, scheme: values.scheme, data: values.data }))
      .execute();
  }
  return { opId, status: 'APPLIED' };
}
