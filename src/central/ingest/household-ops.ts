// Household and enrollment operations; member ids are mapped through person aliases so a member
// who turned out to be a duplicate is linked to the canonical person. A household's list is kept
// by the office's devices together (ADR 0026): a change is applied only on the list it was made on
// (its `base`: version and the device that wrote it), so two devices editing the same household
// between syncs never overwrite each other — the second is refused with the central's list, and
// its supervisor chooses. Each applied change goes to the office's other devices.
import { sql } from 'kysely';
import type { ChangePayload } from '../../shared/sync/changes';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import { tellOffices } from './office-changes';
import type { OpContext } from './op-context';
import { resolvePersonId } from './person-ops';

type HouseholdData = { provinceCode?: string; communeCode?: string; addressLine?: string; coverage?: Record<string, string> };

function householdChange(
  row: { id: string; headId: string; memberIds: string[]; version: number; lastDeviceId: string | null },
  data: HouseholdData,
): ChangePayload<'household'> {
  const coverage = data.coverage ?? {};
  return {
    id: row.id,
    headParticipantId: row.headId,
    provinceCode: data.provinceCode ?? '',
    communeCode: data.communeCode ?? '',
    addressLine: data.addressLine ?? '',
    members: row.memberIds.map((participantId) => ({ participantId, coveredBy: coverage[participantId] ?? null })),
    version: row.version,
    deviceId: row.lastDeviceId,
  };
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

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
  const inserted = await ctx.trx
    .insertInto('households')
    .values({
      id: payload.id,
      headId: head,
      memberIds: JSON.stringify([head]),
      data: JSON.stringify(payload),
      officeCode: ctx.device.officeCode,
      version: payload.version,
      lastDeviceId: ctx.device.id,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    const row = { id: payload.id, headId: head, memberIds: [head], version: payload.version, lastDeviceId: ctx.device.id };
    tellOffices(ctx, { kind: 'household', payload: householdChange(row, payload) }, [ctx.device.officeCode]);
  }
  return { opId, status: 'APPLIED' };
}

export async function setHouseholdMembers(ctx: OpContext, opId: string, payload: OperationPayload<'household.setMembers'>): Promise<OpResult> {
  const { householdId, memberIds: ids } = payload;
  const current = await ctx.trx
    .selectFrom('households')
    .select(['id', 'headId', 'memberIds', 'data', 'version', 'lastDeviceId', 'officeCode'])
    .where('id', '=', householdId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return rejected(opId, 'NOT_FOUND', 'Trung tâm chưa có hộ gia đình này.', 'Unknown household.', 'householdId');
  const data = parse<HouseholdData>(current.data);
  const held = { ...current, memberIds: parse<string[]>(current.memberIds) };
  // The list this change was made on must be the list the central holds (a household written here
  // before the office picture has no writer recorded: its version alone is compared).
  const baseDevice = payload.base ? (payload.base.deviceId ?? ctx.device.id) : null;
  const stale = payload.base
    ? current.version !== payload.base.version || (current.lastDeviceId !== null && current.lastDeviceId !== baseDevice)
    : current.version >= payload.version;
  if (stale) {
    const writer = current.lastDeviceId
      ? await ctx.trx.selectFrom('devices').select('name').where('id', '=', current.lastDeviceId).executeTakeFirst()
      : undefined;
    const where = writer ? ` (${writer.name})` : '';
    return {
      opId,
      status: 'REJECTED',
      error: {
        code: 'CONFLICT',
        message: `Danh sách thành viên hộ đã được sửa ở máy khác${where} kể từ lần đồng bộ trước. Xem danh sách của trung tâm và chọn giữ danh sách nào.`,
        messageEn: `The household's member list was changed on another device${where} since this device last synced. Compare with the central's list and choose.`,
        field: 'memberIds',
        details: { central: householdChange(held, data), centralVersion: current.version },
      },
    };
  }
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
    .set({
      memberIds: JSON.stringify(resolved),
      version: payload.version,
      lastDeviceId: ctx.device.id,
      data: sql`data || ${JSON.stringify({ coverage })}::jsonb`,
    })
    .where('id', '=', householdId)
    .execute();
  const row = { ...held, memberIds: resolved, version: payload.version, lastDeviceId: ctx.device.id };
  tellOffices(ctx, { kind: 'household', payload: householdChange(row, { ...data, coverage }) }, [current.officeCode]);
  return { opId, status: 'APPLIED' };
}

export async function setEnrollment(ctx: OpContext, opId: string, payload: OperationPayload<'enrollment.set'>): Promise<OpResult> {
  const personId = (await resolvePersonId(ctx.trx, payload.participantId, ctx.cache)) ?? payload.participantId;
  const values = { id: payload.id, personId, scheme: payload.scheme, data: JSON.stringify(payload), officeCode: ctx.device.officeCode };
  if (ctx.deferred) ctx.deferred.enrollments.push(values);
  else {
    await ctx.trx
      .insertInto('enrollments')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet({ personId, scheme: values.scheme, data: values.data, officeCode: values.officeCode }))
      .execute();
  }
  const { id, scheme, method, incomeBasis, fromMonth, status, version, updatedAt } = payload;
  tellOffices(ctx, { kind: 'enrollment', payload: { id, participantId: personId, scheme, method, incomeBasis, fromMonth, status, version, updatedAt } }, [
    ctx.device.officeCode,
  ]);
  return { opId, status: 'APPLIED' };
}
