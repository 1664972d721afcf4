// Visit outcomes (issue 21 item 3): paid (with the payment's receipts — written in the payment's
// own transaction when the payment is taken from the visit list), promised on a date, declined
// with a reason, not at home, moved away, deceased, wrong address. Each is a row, an outbox entry
// (`visit.record`, pulled by the office's other devices) and an audit entry in one transaction.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { DeclineReason, Visit, VisitOutcome } from '../../../shared/contract/field';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import { daysBetween } from '../../../shared/domain/visit-status';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import { findHouseholdRow } from '../db/repositories/households-repository';
import { findParticipant, samePersonRecords } from '../db/repositories/participants-repository';
import { findStaffById } from '../db/repositories/staff-repository';
import * as repo from '../db/repositories/visit-list-repository';
import type { Database, VisitsTable } from '../db/schema';
import { HamletMatcher } from '../../../shared/domain/hamlets';
import { hamletsOfCommunes } from '../db/repositories/hamlets-repository';
import { inArea } from './area-picture';
import { areaOf } from './field-area';

export interface VisitRequest {
  participantId?: string | undefined;
  householdId?: string | undefined;
  outcome: VisitOutcome;
  promisedOn?: string | undefined;
  declineReason?: DeclineReason | undefined;
  note?: string | undefined;
  receiptIds?: string[] | undefined;
}

/** What a payment taken from the visit list says about its visit. */
export interface FieldVisitOfPayment {
  note?: string | undefined;
}

/** Counter staff take payments at the counter, not on visits. */
export function refuseVisitByCounter(caller: Caller, fieldVisit: FieldVisitOfPayment | undefined): void {
  if (fieldVisit && caller.role !== 'field' && caller.role !== 'supervisor') {
    throw new OfficeError('FORBIDDEN', { field: 'fieldVisit', vi: 'Chỉ cán bộ thu tại địa bàn ghi lần đến thăm.', en: 'Only field officers record visits.' });
  }
}

/** Who did it, when the device that did it named no one (a visit or enrollment pulled from an older release). */
export const VISIT_UNKNOWN_OFFICER = 'Cán bộ ở thiết bị khác';

/** A promise is for a day to come, within a year. */
const PROMISE_HORIZON_DAYS = 366;

export function toVisit(row: VisitsTable): Visit {
  return {
    id: row.id,
    participantId: row.participantId,
    householdId: row.householdId,
    outcome: row.outcome,
    promisedOn: row.promisedOn,
    declineReason: row.declineReason,
    note: row.note,
    receiptIds: JSON.parse(row.receiptIds) as string[],
    visitedOn: row.visitedOn,
    visitedAt: row.visitedAt,
    staffName: row.staffName,
  };
}

/** The people a visit is about: the person, or the household's members. */
async function targetOf(trx: Transaction<Database>, input: VisitRequest) {
  if (input.participantId) {
    const person = await findParticipant(trx, input.participantId);
    if (!person) throw new OfficeError('NOT_FOUND', { field: 'participantId', vi: 'Không tìm thấy người tham gia.', en: 'Participant not found.' });
    return { place: person, people: new Set([person.id]) };
  }
  const household = await findHouseholdRow(trx, input.householdId!);
  if (!household) throw new OfficeError('NOT_FOUND', { field: 'householdId', vi: 'Không tìm thấy hộ gia đình.', en: 'Household not found.' });
  const members = await repo.householdMemberIds(trx, household.id);
  // A household is where its head lives.
  const head = await findParticipant(trx, household.headParticipantId);
  return { place: head ?? { ...household, hamletId: null }, people: new Set(members.map((m) => m.participantId)) };
}

/** A field officer visits only inside their area (commune, and hamlet where the area names hamlets). */
async function requireInArea(trx: Transaction<Database>, caller: Caller, place: { communeCode: string; hamletId: string | null; addressLine: string }) {
  if (caller.role !== 'field') return;
  const area = (await areaOf(trx, caller)) ?? [];
  const matcher = new HamletMatcher(await hamletsOfCommunes(trx, [place.communeCode]));
  if (!inArea(area, { communeCode: place.communeCode, placedIn: matcher.hamletOf(place) })) {
    throw new OfficeError('FORBIDDEN', {
      vi: 'Người/hộ này không thuộc địa bàn được giao cho bạn.',
      en: 'This person or household is not in your assigned area.',
    });
  }
}

/**
 * The receipts of a "paid" visit: issued to the person or household's members (any record of the
 * same person), here or on another device of the office (pulled, ADR 0026), not voided.
 */
async function requireOwnReceipts(trx: Transaction<Database>, receiptIds: string[], people: Set<string>): Promise<void> {
  const rows = [...(await repo.receiptsWithVoids(trx, receiptIds)), ...(await repo.pulledReceiptsWithVoids(trx, receiptIds))];
  const records = new Set<string>();
  for (const id of people) for (const r of await samePersonRecords(trx, { id })) records.add(r);
  const ok = rows.filter((r) => records.has(r.participantId) && r.voidId === null);
  if (ok.length !== new Set(receiptIds).size) {
    throw new OfficeError('VALIDATION', {
      field: 'receiptIds',
      vi: 'Biên lai không phải của người/hộ được đến thăm, hoặc đã bị hủy.',
      en: 'A receipt is not of the person or household visited, or was voided.',
    });
  }
}

/** Writes one visit (row + outbox + audit) inside the caller's transaction. */
export async function writeVisit(trx: Transaction<Database>, caller: Caller, input: VisitRequest, at: string, today: string): Promise<Visit> {
  const target = await targetOf(trx, input);
  await requireInArea(trx, caller, target.place);
  if (input.outcome === 'promised') {
    const days = daysBetween(today, input.promisedOn!);
    if (days < 0 || days > PROMISE_HORIZON_DAYS) {
      throw new OfficeError('VALIDATION', {
        field: 'promisedOn',
        vi: `Ngày hẹn phải từ hôm nay (${vietnameseDate(today)}) đến trong vòng một năm.`,
        en: `The promised date must be from today (${today}) to within a year.`,
      });
    }
  }
  if (input.receiptIds) await requireOwnReceipts(trx, input.receiptIds, target.people);
  const staff = caller.staffId ? await findStaffById(trx, caller.staffId) : undefined;
  const row: VisitsTable = {
    id: uuidv7(),
    participantId: input.participantId ?? null,
    householdId: input.participantId ? null : (input.householdId ?? null),
    outcome: input.outcome,
    promisedOn: input.outcome === 'promised' ? (input.promisedOn ?? null) : null,
    declineReason: input.outcome === 'declined' ? (input.declineReason ?? null) : null,
    note: input.note ? input.note : null,
    receiptIds: JSON.stringify(input.outcome === 'paid' ? (input.receiptIds ?? []) : []),
    visitedOn: today,
    visitedAt: at,
    staffId: caller.staffId,
    staffName: staff?.fullName ?? '',
    staffUsername: staff?.username ?? null,
    sourceDeviceId: null,
  };
  await repo.insertVisit(trx, row);
  const { sourceDeviceId: _source, receiptIds, ...payload } = row;
  await logMutation(trx, {
    at,
    staffId: caller.staffId,
    operation: { kind: 'visit.record', payload: { ...payload, receiptIds: JSON.parse(receiptIds) as string[] } },
  });
  return toVisit(row);
}

export async function recordVisit(ctx: CoreContext, caller: Caller, input: VisitRequest): Promise<Visit> {
  const at = nowIso(ctx);
  const today = businessDate(ctx.clock.now());
  return ctx.db.transaction().execute((trx) => writeVisit(trx, caller, input, at, today));
}

export async function visitsFor(
  ctx: CoreContext,
  input: { participantId?: string | undefined; householdId?: string | undefined },
): Promise<{ items: Visit[] }> {
  return { items: (await repo.visitsOf(ctx.db, input)).map(toVisit) };
}
