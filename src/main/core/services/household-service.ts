// Households for HHI: created around a head, members appended in order, removed or reordered, and
// marked when another scheme already insures them (they stay listed, out of the HHI sequence).
// Creation sends the household with its member list (`household.create`); every later change
// sends the whole ordered list with those marks (`household.setMembers`), so the central service
// never has to replay positional edits. Each change is exactly one outbox entry.
import { uuidv7 } from 'uuidv7';
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import type { Household, OtherCoverage } from '../../../shared/contract/household';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as households from '../db/repositories/households-repository';
import { findParticipant } from '../db/repositories/participants-repository';
import type { Database } from '../db/schema';

async function requirePerson(trx: Transaction<Database>, id: string, field: string) {
  const person = await findParticipant(trx, id);
  if (!person) throw new OfficeError('NOT_FOUND', { field, vi: 'Không tìm thấy người tham gia.', en: 'Participant not found.' });
  return person;
}

function alreadyInHousehold(name: string, field: string): OfficeError {
  return new OfficeError('CONFLICT', {
    field,
    vi: `${name} đã thuộc một hộ gia đình khác. Rút khỏi hộ đó trước.`,
    en: `${name} already belongs to another household.`,
  });
}

async function saveMembers(
  trx: Transaction<Database>,
  caller: Caller,
  at: string,
  householdId: string,
  list: households.MemberEntry[],
  removed: string[],
  action: string,
): Promise<Household> {
  const row = await households.findHouseholdRow(trx, householdId);
  if (!row) throw new OfficeError('NOT_FOUND', { field: 'householdId' });
  await households.writeMembers(trx, householdId, list, removed);
  await households.bumpHousehold(trx, householdId, row.version + 1, at);
  const memberIds = list.map((m) => m.participantId);
  const coverage = Object.fromEntries(list.flatMap((m) => (m.coveredBy === null ? [] : [[m.participantId, m.coveredBy] as const])));
  await logMutation(trx, {
    at,
    staffId: caller.staffId,
    // The list this change was made on: the central applies it only on that one (ADR 0026).
    operation: {
      kind: 'household.setMembers',
      payload: { householdId, memberIds, coverage, version: row.version + 1, base: { version: row.version, deviceId: row.baseDeviceId } },
    },
    details: { change: action, memberIds, coverage, removed },
  });
  return (await households.loadHousehold(trx, householdId))!;
}

export async function createHousehold(ctx: CoreContext, caller: Caller, input: { headParticipantId: string }): Promise<Household> {
  const at = nowIso(ctx);
  const id = uuidv7();
  return ctx.db.transaction().execute(async (trx) => {
    const head = await requirePerson(trx, input.headParticipantId, 'headParticipantId');
    if (head.householdId) throw alreadyInHousehold(head.fullName, 'headParticipantId');
    const row = {
      id,
      headParticipantId: head.id,
      provinceCode: head.provinceCode,
      communeCode: head.communeCode,
      addressLine: head.addressLine,
      version: 1,
      baseDeviceId: null,
      createdAt: at,
      updatedAt: at,
    };
    await households.insertHousehold(trx, row);
    await households.writeMembers(trx, id, [{ participantId: head.id, coveredBy: null }], []);
    // One mutation, one outbox entry: the new household travels with its first member list.
    const { baseDeviceId: _base, ...created } = row;
    const payload = { ...created, memberIds: [head.id] };
    await logMutation(trx, { at, staffId: caller.staffId, operation: { kind: 'household.create', payload } });
    return (await households.loadHousehold(trx, id))!;
  });
}

export async function getHousehold(ctx: CoreContext, id: string): Promise<Household> {
  const household = await households.loadHousehold(ctx.db, id);
  if (!household) throw new OfficeError('NOT_FOUND', { field: 'id' });
  return household;
}

export async function addHouseholdMember(ctx: CoreContext, caller: Caller, input: { householdId: string; participantId: string }): Promise<Household> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, input.participantId, 'participantId');
    const list = await households.members(trx, input.householdId);
    if (list.some((m) => m.participantId === person.id)) {
      throw new OfficeError('CONFLICT', { field: 'participantId', vi: `${person.fullName} đã có trong hộ này.`, en: 'Already a member of this household.' });
    }
    if (person.householdId) throw alreadyInHousehold(person.fullName, 'participantId');
    return saveMembers(trx, caller, at, input.householdId, [...list, { participantId: person.id, coveredBy: null }], [], 'add');
  });
}

export async function removeHouseholdMember(ctx: CoreContext, caller: Caller, input: { householdId: string; participantId: string }): Promise<Household> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await households.findHouseholdRow(trx, input.householdId);
    if (!row) throw new OfficeError('NOT_FOUND', { field: 'householdId' });
    if (row.headParticipantId === input.participantId) {
      throw new OfficeError('VALIDATION', { field: 'participantId', vi: 'Không thể rút chủ hộ khỏi hộ.', en: 'The head cannot be removed.' });
    }
    const list = await households.members(trx, input.householdId);
    if (!list.some((m) => m.participantId === input.participantId)) throw new OfficeError('NOT_FOUND', { field: 'participantId' });
    return saveMembers(
      trx,
      caller,
      at,
      input.householdId,
      list.filter((m) => m.participantId !== input.participantId),
      [input.participantId],
      'remove',
    );
  });
}

export async function reorderHousehold(ctx: CoreContext, caller: Caller, input: { householdId: string; memberIds: string[] }): Promise<Household> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const list = await households.members(trx, input.householdId);
    const byId = new Map(list.map((m) => [m.participantId, m]));
    const same = list.length === input.memberIds.length && new Set(input.memberIds).size === list.length && input.memberIds.every((i) => byId.has(i));
    if (!same) {
      throw new OfficeError('VALIDATION', {
        field: 'memberIds',
        vi: 'Danh sách sắp xếp phải gồm đúng các thành viên hiện có của hộ.',
        en: 'The new order must list exactly the current members.',
      });
    }
    return saveMembers(
      trx,
      caller,
      at,
      input.householdId,
      input.memberIds.map((id) => byId.get(id)!),
      [],
      'reorder',
    );
  });
}

/**
 * A child's own card lasts until the day before they turn six, or to 30 September of that year if
 * later (a child who turns six before the school year starts stays covered until then).
 */
function childCardEnded(dateOfBirth: string, today: string): boolean {
  const year = Number(dateOfBirth.slice(0, 4)) + 6;
  const sixthBirthday = `${year}${dateOfBirth.slice(4)}`;
  return today >= sixthBirthday && today > `${year}-09-30`;
}

/** Marks a member as insured by another scheme (or, with null, as joining household HI again). */
export async function setHouseholdCoverage(
  ctx: CoreContext,
  caller: Caller,
  input: { householdId: string; participantId: string; coveredBy: OtherCoverage | null },
): Promise<Household> {
  const at = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await households.findHouseholdRow(trx, input.householdId))) throw new OfficeError('NOT_FOUND', { field: 'householdId' });
    const list = await households.members(trx, input.householdId);
    const member = list.find((m) => m.participantId === input.participantId);
    if (!member) throw new OfficeError('NOT_FOUND', { field: 'participantId', vi: 'Người này không có trong hộ.', en: 'Not a member of this household.' });
    if (input.coveredBy === 'child-under-6') {
      const child = await requirePerson(trx, input.participantId, 'participantId');
      if (childCardEnded(child.dateOfBirth, businessDate(ctx.clock.now()))) {
        throw new OfficeError('VALIDATION', {
          field: 'coveredBy',
          vi: `${child.fullName} sinh ngày ${vietnameseDate(child.dateOfBirth)}, không còn thẻ BHYT trẻ em dưới 6 tuổi.`,
          en: `${child.fullName} (born ${child.dateOfBirth}) is no longer covered as a child under 6.`,
        });
      }
    }
    const next = list.map((m) => (m === member ? { ...m, coveredBy: input.coveredBy } : m));
    return saveMembers(trx, caller, at, input.householdId, next, [], 'coverage');
  });
}

/**
 * Sends the household's member list as it stands here again (one `household.setMembers`), inside
 * the caller's transaction: the central's list differs from this office's (a payment was flagged
 * for the member's place) and the supervisor has checked that the list here is the right one.
 */
export async function resendHouseholdMembers(trx: Transaction<Database>, caller: Caller, at: string, householdId: string): Promise<Household> {
  return saveMembers(trx, caller, at, householdId, await households.members(trx, householdId), [], 'resent');
}
