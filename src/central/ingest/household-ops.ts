// Household and enrollment operations; member ids are mapped through person aliases so a member
// who turned out to be a duplicate is linked to the canonical person.
import { sql } from 'kysely';
import type { OpResult } from '../../shared/sync/protocol';
import { type OpContext, rejected } from './op-context';
import { resolvePersonId } from './person-ops';

export async function createHousehold(ctx: OpContext, opId: string, payload: Record<string, unknown>): Promise<OpResult> {
  const head = await resolvePersonId(ctx.trx, String(payload.headParticipantId ?? ''), ctx.cache);
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
      id: String(payload.id),
      headId: head,
      memberIds: JSON.stringify([head]),
      data: JSON.stringify(payload),
      officeCode: ctx.device.officeCode,
      version: Number(payload.version ?? 1),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { opId, status: 'APPLIED' };
}

export async function setHouseholdMembers(ctx: OpContext, opId: string, payload: Record<string, unknown>): Promise<OpResult> {
  const householdId = String(payload.householdId ?? '');
  const exists = await ctx.trx.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst();
  if (!exists) return rejected(opId, 'NOT_FOUND', 'Trung tâm chưa có hộ gia đình này.', 'Unknown household.', 'householdId');
  const ids = Array.isArray(payload.memberIds) ? payload.memberIds.map(String) : [];
  const resolved: string[] = [];
  for (const id of ids) {
    const canonical = await ctx.trx.selectFrom('personAliases').select('canonicalId').where('localId', '=', id).executeTakeFirst();
    resolved.push(canonical?.canonicalId ?? id);
  }
  // Members another scheme insures (left out of the HHI sequence), by the same resolved ids.
  const marks = payload.coverage && typeof payload.coverage === 'object' ? (payload.coverage as Record<string, unknown>) : {};
  const coverage = Object.fromEntries(ids.flatMap((id, i) => (typeof marks[id] === 'string' ? [[resolved[i]!, marks[id]]] : [])));
  await ctx.trx
    .updateTable('households')
    .set({ memberIds: JSON.stringify(resolved), version: Number(payload.version ?? 1), data: sql`data || ${JSON.stringify({ coverage })}::jsonb` })
    .where('id', '=', householdId)
    .execute();
  return { opId, status: 'APPLIED' };
}

export async function setEnrollment(ctx: OpContext, opId: string, payload: Record<string, unknown>): Promise<OpResult> {
  const personId = (await resolvePersonId(ctx.trx, String(payload.participantId ?? ''), ctx.cache)) ?? String(payload.participantId ?? '');
  const values = { id: String(payload.id), personId, scheme: String(payload.scheme), data: JSON.stringify(payload) };
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
