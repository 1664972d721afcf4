// Registration, correction and lookup of participants, with the checks a clerk must see at once:
// the personal ID agrees with the form, the commune is in the province, the same ID is refused,
// a close name with the same birth date is warned (saving anyway needs a reason, audited).
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { Participant, ParticipantDetail, ParticipantFields, ParticipantSummary } from '../../../shared/contract/participant';
import { vietnameseDate } from '../../../shared/domain/business-date';
import { classifyQuery, foldName, nameHasWords, normaliseFullName } from '../../../shared/domain/name-folding';
import { oldAddressInQuery } from '../../../shared/domain/legacy-communes';
import { checkPersonalId } from '../../../shared/domain/personal-id';
import { birthDateProblem } from '../../../shared/domain/age-rules';
import { birthDateTypos } from '../../../shared/domain/birth-date-typos';
import { businessDate } from '../../../shared/domain/business-date';
import { legacyCommune } from '../db/repositories/legacy-communes-repository';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as repo from '../db/repositories/participants-repository';
import { communeBelongsTo } from '../db/repositories/reference-repository';
import type { Database } from '../db/schema';
import type { Transaction } from 'kysely';
import { isCloseName } from './duplicate-names';
import { requireHamletOfCommune } from './hamlet-service';
import { legacyIndex } from './legacy-address-service';

type Fields = ParticipantFields & { duplicateOverrideReason?: string | undefined };
type CheckedFields = Pick<ParticipantFields, 'personalId' | 'dateOfBirth' | 'sex' | 'provinceCode' | 'communeCode' | 'hamletId'> & {
  legacyAddress: { legacyCommuneCode: string; text: string } | null;
};
/** Changing any of these is the clerk confirming the facts: a category declared before facts is then settled. */
const FACT_FIELDS = ['poverty', 'student', 'agriAverage', 'ethnicity', 'communeCode'] as const;

async function checkFields(trx: Transaction<Database>, fields: CheckedFields, selfId: string | null, today: string) {
  const problems = checkPersonalId(fields.personalId, fields.dateOfBirth, fields.sex);
  if (problems.length > 0) {
    throw new OfficeError('VALIDATION', {
      field: 'personalId',
      vi: problems.map((p) => p.vi).join(' '),
      en: problems.map((p) => p.en).join(' '),
      details: { reasons: problems.map((p) => p.reason) },
    });
  }
  const birth = birthDateProblem(fields.dateOfBirth, today);
  if (birth) throw new OfficeError('VALIDATION', { field: 'dateOfBirth', vi: birth.vi, en: birth.en });
  if (fields.legacyAddress) {
    const went = await legacyCommune(trx, fields.legacyAddress.legacyCommuneCode);
    if (went.length === 0) {
      throw new OfficeError('VALIDATION', {
        field: 'legacyAddress',
        vi: 'Không có xã/phường cũ này trong danh mục.',
        en: 'No such old commune in the reference table.',
      });
    }
    if (!went.some((w) => w.communeCode === fields.communeCode)) {
      throw new OfficeError('VALIDATION', {
        field: 'communeCode',
        vi: `${went[0]!.legacyCommune} (cũ) nay thuộc ${went.map((w) => w.commune).join(' hoặc ')}, không phải xã/phường đã chọn.`,
        en: `The old ${went[0]!.legacyCommune} went to ${went.map((w) => w.commune).join(' or ')}, not the commune chosen.`,
        details: { candidates: went.map((w) => ({ provinceCode: w.provinceCode, communeCode: w.communeCode, commune: w.commune })) },
      });
    }
  }
  if (!(await communeBelongsTo(trx, fields.provinceCode, fields.communeCode))) {
    throw new OfficeError('VALIDATION', {
      field: 'communeCode',
      vi: 'Xã/phường không thuộc tỉnh/thành phố đã chọn.',
      en: 'The commune is not in the chosen province.',
    });
  }
  await requireHamletOfCommune(trx, fields.hamletId ?? null, fields.communeCode);
  const sameId = await repo.findByPersonalId(trx, fields.personalId);
  if (sameId && sameId.id !== selfId) {
    throw new OfficeError('DUPLICATE_PERSON', {
      field: 'personalId',
      vi: `Số định danh ${fields.personalId} đã đăng ký cho ${sameId.fullName} (sinh ngày ${vietnameseDate(sameId.dateOfBirth)}).`,
      en: `Personal ID ${fields.personalId} is already registered to ${sameId.fullName}.`,
      details: { participantId: sameId.id, fullName: sameId.fullName },
    });
  }
}

/** Close names born the same day, and the same name born on a date one typo away (day/month swapped, one digit). */
async function closeMatches(trx: Transaction<Database>, nameFolded: string, dateOfBirth: string, selfId: string | null, today: string) {
  const close = (await repo.findNamesBornOn(trx, dateOfBirth)).filter((c) => isCloseName(c.nameFolded, nameFolded));
  const people = [
    ...(await repo.findByRowids(
      trx,
      close.map((c) => c.rowid),
    )),
    ...(await repo.findSameNameBornOnAny(trx, nameFolded, birthDateTypos(dateOfBirth, today))),
  ];
  return people.filter((c) => c.id !== selfId).map((c) => ({ id: c.id, fullName: c.fullName, dateOfBirth: c.dateOfBirth, personalId: c.personalId }));
}

function requireOverride(matches: { id: string }[], reason: string | undefined) {
  if (matches.length > 0 && !reason) {
    throw new OfficeError('POSSIBLE_DUPLICATE', { field: 'fullName', details: { matches } });
  }
}

export async function registerParticipant(ctx: CoreContext, caller: Caller, input: Fields): Promise<Participant> {
  const at = nowIso(ctx);
  const id = uuidv7();
  const fullName = normaliseFullName(input.fullName);
  const nameFolded = foldName(fullName);
  const today = businessDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    await checkFields(trx, input, null, today);
    const matches = await closeMatches(trx, nameFolded, input.dateOfBirth, null, today);
    requireOverride(matches, input.duplicateOverrideReason);
    const row: repo.ParticipantRow = {
      id,
      fullName,
      nameFolded,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      ethnicity: input.ethnicity,
      nationality: input.nationality,
      personalId: input.personalId,
      siNumber: input.siNumber ?? null,
      phone: input.phone ?? null,
      provinceCode: input.provinceCode,
      communeCode: input.communeCode,
      addressLine: input.addressLine,
      hamletId: input.hamletId ?? null,
      declaredSupportCategory: 'other',
      ...repo.factColumns(input),
      householdId: null,
      officialNumber: null,
      canonicalId: null,
      version: 1,
      createdBy: caller.staffId,
      createdAt: at,
      updatedAt: at,
    };
    await repo.insertParticipant(trx, row);
    const participant = repo.toParticipant(row);
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: { kind: 'participant.register', payload: outgoing(participant) },
      details: matches.length > 0 ? { participant, duplicateOverride: { reason: input.duplicateOverrideReason, matches } } : participant,
    });
    return participant;
  });
}

export async function updateParticipant(
  ctx: CoreContext,
  caller: Caller,
  input: Partial<ParticipantFields> & { id: string; expectedVersion: number; duplicateOverrideReason?: string | undefined },
): Promise<Participant> {
  const at = nowIso(ctx);
  const today = businessDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findParticipant(trx, input.id);
    if (!current) throw new OfficeError('NOT_FOUND', { field: 'id' });
    if (current.version !== input.expectedVersion) {
      throw new OfficeError('CONFLICT', { details: { currentVersion: current.version } });
    }
    const { id: _id, expectedVersion: _v, duplicateOverrideReason, supportCategory: _old, ...changes } = input;
    const {
      poverty,
      student,
      agriAverage,
      legacyAddress,
      declaredSupportCategory: _declared,
      ...merged
    } = { ...repo.toParticipant(current), ...stripUndefined(changes) };
    merged.fullName = normaliseFullName(merged.fullName);
    const nameFolded = foldName(merged.fullName);
    await checkFields(trx, { ...merged, legacyAddress }, current.id, today);
    if (nameFolded !== current.nameFolded || merged.dateOfBirth !== current.dateOfBirth) {
      requireOverride(await closeMatches(trx, nameFolded, merged.dateOfBirth, current.id, today), duplicateOverrideReason);
    }
    const factsConfirmed = FACT_FIELDS.some((f) => changes[f] !== undefined);
    const next: repo.ParticipantRow = {
      ...current,
      ...merged,
      ...repo.factColumns({ poverty, student, agriAverage, legacyAddress }),
      declaredSupportCategory: factsConfirmed ? 'other' : current.declaredSupportCategory,
      nameFolded,
      version: current.version + 1,
      updatedAt: at,
    };
    await repo.updateParticipantRow(trx, current.id, next);
    const participant = repo.toParticipant(next);
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: { kind: 'participant.update', payload: { ...outgoing(participant), baseVersion: current.version } },
      details: { before: repo.toParticipant(current), after: participant, reason: duplicateOverrideReason ?? null },
    });
    return participant;
  });
}

/** A person as the central receives them: a category pending review here is this office's own business. */
function outgoing(participant: Participant): Omit<Participant, 'declaredSupportCategory'> {
  const { declaredSupportCategory: _pending, ...sent } = participant;
  return sent;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function getParticipant(ctx: CoreContext, id: string): Promise<ParticipantDetail> {
  const row = await repo.findParticipant(ctx.db, id);
  if (!row) throw new OfficeError('NOT_FOUND', { field: 'id' });
  const otherRecords = [];
  for (const other of (await repo.samePersonRecords(ctx.db, row)).slice(1)) {
    const record = await repo.findParticipant(ctx.db, other);
    if (record) otherRecords.push({ id: record.id, fullName: record.fullName, personalId: record.personalId, officialNumber: record.officialNumber });
  }
  // Named only when there are any: a lone record reads as register and update return it.
  return otherRecords.length > 0 ? { ...repo.toParticipant(row), otherRecords } : repo.toParticipant(row);
}

export async function searchParticipants(
  ctx: CoreContext,
  input: { query: string; limit: number },
): Promise<{ items: ParticipantSummary[]; matchedBy: 'personalId' | 'siNumber' | 'phone' | 'name' | 'oldAddress' }> {
  const kind = classifyQuery(input.query);
  if (kind !== 'name') {
    const compact = input.query.replace(/[\s.-]/g, '');
    const columns = kind === 'personalId' ? (['personalId'] as const) : (['siNumber', 'phone'] as const);
    for (const column of columns) {
      const items = await repo.findByNumber(ctx.db, column, compact, input.limit);
      if (items.length > 0) return { items, matchedBy: column };
    }
    return { items: [], matchedBy: kind };
  }
  const folded = foldName(input.query);
  const items = await repo.findByNamePrefix(ctx.db, folded, input.limit);
  const seen = new Set(items.map((i) => i.id));
  const add = (found: ParticipantSummary[]) => {
    for (const item of found) {
      if (items.length >= input.limit) break;
      if (seen.has(item.id)) continue;
      items.push(item);
      seen.add(item.id);
    }
  };
  if (items.length < input.limit) add(await repo.findByNameWords(ctx.db, folded, input.limit));
  if (items.length > 0) return { items, matchedBy: 'name' };
  // Nobody by that name: the query may name an old commune (as on the person's old papers), alone
  // or with the name — the people recorded with that old address.
  const address = oldAddressInQuery(await legacyIndex(ctx), folded);
  if (address) {
    const people = await repo.findByLegacyCommunes(ctx.db, address.legacyCommuneCodes, input.limit * 20);
    add(people.filter((p) => nameHasWords(p.nameFolded, address.nameWords)).map(({ nameFolded: _n, ...summary }) => summary));
    if (items.length > 0) return { items, matchedBy: 'oldAddress' };
  }
  return { items, matchedBy: 'name' };
}
