// The field officers' operations at the central (issue 21, ADR 0029): a hamlet and an officer's
// area are kept by version — a change made on an older version than the central's is refused as a
// CONFLICT with the central's record, never a silent overwrite — and a visit is written once. Each
// goes on the pull feed: a hamlet to the province (a commune's hamlets are the same for every office
// there), an area and a visit with their office named (other offices' devices skip them).
import { sql } from 'kysely';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import type { OpContext } from './op-context';
import { resolvePersonId } from './person-ops';

async function putVersioned(ctx: OpContext, opId: string, kind: string, id: string, version: number, data: object): Promise<OpResult | null> {
  const current = await ctx.trx.selectFrom('fieldRecords').select(['version', 'data']).where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  if (current && current.version >= version) {
    return rejected(
      opId,
      'CONFLICT',
      'Trung tâm đã có bản mới hơn của bản ghi này (sửa ở thiết bị khác); mở lại danh sách rồi sửa.',
      'The central holds a newer version of this record; reload the list and edit again.',
      'version',
      { central: current.data },
    );
  }
  await sql`INSERT INTO field_records (kind, id, office_code, version, data) VALUES (${kind}, ${id}, ${ctx.device.officeCode}, ${version}, ${JSON.stringify(data)}::jsonb)
    ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, data = excluded.data, office_code = excluded.office_code, updated_at = now()`.execute(
    ctx.trx,
  );
  return null;
}

export async function setHamlet(ctx: OpContext, opId: string, payload: OperationPayload<'hamlet.set'>): Promise<OpResult> {
  const refused = await putVersioned(ctx, opId, 'hamlet', payload.id, payload.version, payload);
  if (refused) return refused;
  ctx.changes.push({ kind: 'hamlet', provinceCode: ctx.device.provinceCode, payload });
  return { opId, status: 'APPLIED' };
}

export async function setAssignment(ctx: OpContext, opId: string, payload: OperationPayload<'field.assignment.set'>): Promise<OpResult> {
  const refused = await putVersioned(ctx, opId, 'assignment', `${ctx.device.officeCode}:${payload.username}`, payload.version, payload);
  if (refused) return refused;
  ctx.changes.push({ kind: 'field.assignment', provinceCode: ctx.device.provinceCode, payload: { ...payload, officeCode: ctx.device.officeCode } });
  return { opId, status: 'APPLIED' };
}

export async function recordVisit(ctx: OpContext, opId: string, payload: OperationPayload<'visit.record'>): Promise<OpResult> {
  // A person who turned out to be a duplicate is visited as the canonical person.
  const participantId = payload.participantId ? ((await resolvePersonId(ctx.trx, payload.participantId, ctx.cache)) ?? payload.participantId) : null;
  const stored = { ...payload, participantId };
  // The device is kept with the visit for a new device's picture (picture-feed.ts), as the feed names it.
  const inserted =
    await sql`INSERT INTO field_records (kind, id, office_code, version, data) VALUES ('visit', ${payload.id}, ${ctx.device.officeCode}, 1, ${JSON.stringify({ ...stored, deviceId: ctx.device.id })}::jsonb)
    ON CONFLICT (kind, id) DO NOTHING`.execute(ctx.trx);
  if (Number(inserted.numAffectedRows ?? 0) > 0) {
    ctx.changes.push({
      kind: 'visit',
      provinceCode: ctx.device.provinceCode,
      payload: { ...stored, officeCode: ctx.device.officeCode, deviceId: ctx.device.id },
    });
  }
  return { opId, status: 'APPLIED' };
}
