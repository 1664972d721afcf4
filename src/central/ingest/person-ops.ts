// Person operations: national dedup by personal ID (a second office gets DUPLICATE with the
// canonical person and an alias, so its later operations still land), a HELD result for a close
// name with the same birth date, and updates that never overwrite a newer central version.
import { sql, type Transaction } from 'kysely';
import { foldName } from '../../shared/domain/name-folding';
import { checkPersonalId } from '../../shared/domain/personal-id';
import { type OpResult, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import type { CentralDb } from '../db/schema';
import { nearMatchCandidates } from './batch-prefetch';
import { supportFactsOfData } from './person-support';
import { withKeysAtEnd } from './same-json';
import { type BatchCache, type KnownPerson, nearMatchKey, nearMatchParts, type OpContext } from './op-context';

type PersonPayload = OperationPayload<'participant.register'> | OperationPayload<'participant.update'>;

export async function resolvePersonId(trx: Transaction<CentralDb>, id: string, cache?: BatchCache): Promise<string | null> {
  const cached = cache?.personOf.get(id);
  if (cached !== undefined) return cached;
  const alias = await trx.selectFrom('personAliases').select('canonicalId').where('localId', '=', id).executeTakeFirst();
  const resolved = alias ? alias.canonicalId : ((await trx.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst())?.id ?? null);
  cache?.personOf.set(id, resolved);
  return resolved;
}

async function personWithPersonalId(ctx: OpContext, personalId: string): Promise<KnownPerson | null> {
  const cached = ctx.cache?.byPersonalId.get(personalId);
  if (cached !== undefined) return cached;
  const row = await ctx.trx
    .selectFrom('persons')
    .select(['id', 'officialNumber', 'fullName', 'nameFolded', 'personalId'])
    .where('personalId', '=', personalId)
    .executeTakeFirst();
  return row ?? null;
}

/** People born the same day whose folded name has the same first and last word (`key`: their nearMatchKey). */
async function nearMatches(ctx: OpContext, dateOfBirth: string, nameFolded: string, key: string): Promise<KnownPerson[]> {
  const cached = ctx.cache?.nearMatches.get(key);
  if (cached !== undefined) return cached;
  return nearMatchCandidates(ctx.trx, [nearMatchParts(dateOfBirth, nameFolded)]);
}

async function nextOfficialNumber(ctx: OpContext): Promise<number> {
  const reserved = ctx.cache?.officialNumbers.shift();
  if (reserved !== undefined) return reserved;
  const seq = await sql<{ n: number }>`SELECT nextval('official_number_seq') AS n`.execute(ctx.trx);
  return Number(seq.rows[0]!.n);
}

/** The shared rule the payload's shape cannot say: the personal ID agrees with the birth date and sex. */
function validatePerson(opId: string, payload: PersonPayload): OpResult | null {
  const problems = checkPersonalId(payload.personalId, payload.dateOfBirth, payload.sex);
  if (problems.length > 0) return rejected(opId, 'VALIDATION', problems.map((p) => p.vi).join(' '), problems.map((p) => p.en).join(' '), 'personalId');
  return null;
}

// A close name: same family and given name, the middle name differs or is missing — the usual
// re-registration slip. With the same birth date that is exactly a same near-match key, which is
// how candidates are found (op-context.ts, migration 0002).

export async function registerPerson(ctx: OpContext, opId: string, payload: OperationPayload<'participant.register'>): Promise<OpResult> {
  const invalid = validatePerson(opId, payload);
  if (invalid) return invalid;
  const { id, personalId, fullName, dateOfBirth, provinceCode, version } = payload;
  const { trx } = ctx;
  // The office's supervisor has reviewed this registration (held before as a possible duplicate):
  // whatever the answer now, the earlier held item is settled.
  if (payload.duplicateReviewed === true) {
    await trx
      .updateTable('heldItems')
      .set({ status: 'reviewed' })
      .where('kind', '=', 'participant.register')
      .where('status', '=', 'open')
      .where(sql<boolean>`payload->>'id' = ${id}`)
      .execute();
  }
  const same = await personWithPersonalId(ctx, personalId);
  if (same) {
    if (same.id !== id) {
      const alias = { localId: id, canonicalId: same.id, deviceId: ctx.device.id };
      if (ctx.deferred) ctx.deferred.personAliases.push(alias);
      else
        await trx
          .insertInto('personAliases')
          .values(alias)
          .onConflict((oc) => oc.column('localId').doNothing())
          .execute();
      ctx.cache?.personOf.set(id, same.id);
    }
    return { opId, status: 'DUPLICATE', canonical: { canonicalId: same.id, officialNumber: same.officialNumber, fullName: same.fullName } };
  }
  const nameFolded = ctx.cache?.folded.get(fullName) ?? foldName(fullName);
  const nearKey = nearMatchKey(dateOfBirth, nameFolded);
  const near = await nearMatches(ctx, dateOfBirth, nameFolded, nearKey);
  const match = near[0];
  if (match && payload.duplicateReviewed !== true) {
    await trx
      .insertInto('heldItems')
      .values({ opId, class: 'POSSIBLE_DUPLICATE', kind: 'participant.register', payload: JSON.stringify(payload), deviceId: ctx.device.id })
      .onConflict((oc) => oc.column('opId').doNothing())
      .execute();
    return {
      opId,
      status: 'HELD',
      heldClass: 'POSSIBLE_DUPLICATE',
      error: {
        code: 'POSSIBLE_DUPLICATE',
        message: `Trung tâm tạm giữ: trùng ngày sinh và gần trùng họ tên với ${match.fullName} (số định danh ${match.personalId}) đã đăng ký ở nơi khác.`,
        messageEn: `Held: same birth date and a close name to ${match.fullName} registered elsewhere.`,
        details: { candidateId: match.id, candidatePersonalId: match.personalId, candidateOfficialNumber: match.officialNumber, candidateName: match.fullName },
      },
    };
  }
  const officialNumber = `${provinceCode}${String(await nextOfficialNumber(ctx)).padStart(8, '0')}`;
  // The record's JSON, made once: the person's row, and the change the offices pull (made from the
  // row, batch-finish.ts). `{ ...payload, officialNumber, canonicalId: null }`: from the payload's
  // JSON as sent when the schema changed nothing (same-json.ts), else serialised from the parsed one.
  const dataJson =
    ctx.sentJson !== undefined
      ? withKeysAtEnd(ctx.sentJson, `"officialNumber":${JSON.stringify(officialNumber)},"canonicalId":null`)
      : JSON.stringify({ ...payload, officialNumber, canonicalId: null });
  const row = {
    id,
    officialNumber,
    personalId,
    fullName,
    nameFolded,
    dateOfBirth,
    provinceCode,
    officeCode: ctx.device.officeCode,
    data: dataJson,
    version,
    originDeviceId: ctx.device.id,
  };
  if (ctx.deferred) ctx.deferred.persons.push(row);
  else await trx.insertInto('persons').values(row).execute();
  if (ctx.cache) {
    const person: KnownPerson = { id, officialNumber, fullName, nameFolded, personalId };
    ctx.cache.personOf.set(id, id);
    ctx.cache.supportOf.set(id, supportFactsOfData(payload));
    // A new person has paid nothing yet (their payments in this batch are noted as they come).
    ctx.cache.paidOf.set(id, []);
    ctx.cache.officeOf.set(id, ctx.device.officeCode);
    ctx.cache.byPersonalId.set(personalId, person);
    ctx.cache.nearMatches.get(nearKey)?.push(person);
  }
  // The province's offices receive every person of it; the registering office also those of other provinces.
  ctx.changes.push({ kind: 'participant', provinceCode, officeCode: ctx.device.officeCode, from: { person: id } });
  return { opId, status: 'APPLIED', officialNumber };
}

export async function updatePerson(ctx: OpContext, opId: string, payload: OperationPayload<'participant.update'>): Promise<OpResult> {
  const invalid = validatePerson(opId, payload);
  if (invalid) return invalid;
  const { trx } = ctx;
  const id = await resolvePersonId(trx, payload.id, ctx.cache);
  if (!id)
    return rejected(opId, 'NOT_FOUND', 'Trung tâm chưa có hồ sơ này (bản đăng ký có thể đang bị tạm giữ).', 'The person is not registered centrally.', 'id');
  const person = await trx.selectFrom('persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (person.version !== payload.baseVersion) {
    return {
      opId,
      status: 'REJECTED',
      error: {
        code: 'CONFLICT',
        message: 'Hồ sơ đã được sửa ở trung tâm hoặc văn phòng khác kể từ lần đồng bộ trước. Xem bản trung tâm và chọn cách xử lý.',
        messageEn: 'The central record changed since this device last saw it.',
        details: { central: person.data, centralVersion: person.version },
      },
    };
  }
  const data = { ...(person.data as Record<string, unknown>), ...payload, id, officialNumber: person.officialNumber };
  const taken = await trx.selectFrom('persons').select('id').where('personalId', '=', payload.personalId).where('id', '!=', id).executeTakeFirst();
  if (taken)
    return rejected(
      opId,
      'DUPLICATE_PERSON',
      'Số định danh mới đã thuộc về người khác ở trung tâm.',
      'The new personal ID belongs to another person.',
      'personalId',
    );
  // A registration of this batch is told as it was registered, not as the row will be after this change.
  for (const change of ctx.changes) {
    if (change.from && 'person' in change.from && change.from.person === id) Object.assign(change, { from: undefined, payload: person.data });
  }
  await trx
    .updateTable('persons')
    .set({
      fullName: payload.fullName,
      nameFolded: foldName(payload.fullName),
      personalId: payload.personalId,
      dateOfBirth: payload.dateOfBirth,
      provinceCode: payload.provinceCode,
      data: JSON.stringify(data),
      version: payload.version,
      updatedAt: new Date(),
    })
    .where('id', '=', id)
    .execute();
  ctx.cache?.supportOf.set(id, supportFactsOfData(data));
  // Identity and birth date may have changed: later lookups of either read the database again.
  ctx.cache?.byPersonalId.delete(person.personalId);
  ctx.cache?.byPersonalId.delete(payload.personalId);
  ctx.cache?.nearMatches.delete(nearMatchKey(person.dateOfBirth, person.nameFolded));
  ctx.cache?.nearMatches.delete(nearMatchKey(payload.dateOfBirth, foldName(payload.fullName)));
  ctx.changes.push({ kind: 'participant', provinceCode: payload.provinceCode, officeCode: person.officeCode, payload: data });
  return { opId, status: 'APPLIED', officialNumber: person.officialNumber };
}
