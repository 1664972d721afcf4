// Applies what the office's other devices did (ADR 0026), from the feed or the picture's first fill,
// inside the page's transaction. Payments are kept apart (`pulled_contributions`: never in this
// device's outbox, never renumbered, never sent back); a void made elsewhere joins the one voids
// table; households and enrollments are the office's shared records and land in the device's own
// tables — unless this device changed the household and has not had that change answered (the
// central will refuse it, being made on an older list, and that refusal is the inbox item), or the
// supervisor has not yet chosen after such a refusal (the item then holds the latest central list):
// nothing local is overwritten.
import type { Transaction } from 'kysely';
import type { CentralChange, ChangePayload } from '../../../shared/sync/changes';
import { type PaymentMethod, paymentMethods } from '../../../shared/contract/contribution';
import { type OtherCoverage, otherCoverages } from '../../../shared/contract/household';
import * as contributions from '../db/repositories/contributions-repository';
import { insertHandover } from '../db/repositories/handovers-repository';
import { findHouseholdRow, householdIdsHeld, type MemberEntry, placeNewPulledHouseholds, placePulledHousehold } from '../db/repositories/households-repository';
import { upsertPulledDayClosure } from '../db/repositories/office-devices-repository';
import { localRecordsOf } from '../db/repositories/participants-repository';
import { storePaidThrough } from '../db/repositories/paid-through-repository';
import { insertPulledContributions, insertVoidFromElsewhere, pulledRow } from '../db/repositories/pulled-payments-repository';
import type { Database, HouseholdsTable } from '../db/schema';
import { withUnansweredOperations } from '../db/repositories/outbox-repository';
import { openHouseholdClashes, replaceIssueDetails } from '../db/repositories/sync-issues-repository';
import { settleRefundedPayment } from '../services/sync-issues-service';

export type OfficeChange = Extract<
  CentralChange,
  { kind: 'contribution' | 'receipt.voided' | 'paid-through' | 'household' | 'enrollment' | 'day.closed' | 'cash.handover' }
>;

export const OFFICE_CHANGE_KINDS: ReadonlySet<string> = new Set([
  'contribution',
  'receipt.voided',
  'paid-through',
  'household',
  'enrollment',
  'day.closed',
  'cash.handover',
]);

export function isOfficeChange(change: CentralChange): change is OfficeChange {
  return OFFICE_CHANGE_KINDS.has(change.kind);
}

/** Applies a page's office changes in feed order; payments are written together. */
export async function applyOfficeChanges(trx: Transaction<Database>, changes: OfficeChange[], at: string): Promise<void> {
  if (changes.length === 0) return;
  const people = await localRecordsOf(
    trx,
    changes.flatMap((c) =>
      c.kind === 'household'
        ? [c.payload.headParticipantId, ...c.payload.members.map((m) => m.participantId)]
        : c.kind === 'enrollment'
          ? [c.payload.participantId]
          : [],
    ),
  );
  let payments: ChangePayload<'contribution'>[] = [];
  // The central's paid-through months, in feed order (the last word on a person stands): written together at the end.
  const paidThrough: ChangePayload<'paid-through'>[] = [];
  const flush = async () => {
    await insertPulledContributions(trx, payments.map(pulledRow));
    payments = [];
  };
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (change.kind === 'household') {
      // A run of households (a picture's page is thousands): those new here are placed together.
      let end = k;
      while (end + 1 < changes.length && changes[end + 1]!.kind === 'household') end++;
      await flush();
      await applyHouseholds(
        trx,
        changes.slice(k, end + 1).map((c) => c.payload as ChangePayload<'household'>),
        people,
        at,
      );
      k = end;
      continue;
    }
    if (change.kind === 'contribution') {
      payments.push(change.payload);
      continue;
    }
    if (change.kind === 'paid-through') {
      paidThrough.push(change.payload);
      continue;
    }
    // A void may be of a payment of this very page: the payments go in first.
    await flush();
    switch (change.kind) {
      case 'receipt.voided':
        await applyVoid(trx, change.payload, at);
        break;
      case 'enrollment':
        await applyEnrollment(trx, change.payload, people);
        break;
      case 'day.closed':
        await upsertPulledDayClosure(trx, change.payload);
        break;
      case 'cash.handover':
        await insertHandover(trx, { ...handoverRow(change.payload), sourceDeviceId: change.payload.deviceId });
        break;
    }
  }
  await flush();
  await storePaidThrough(trx, paidThrough);
}

function handoverRow(h: ChangePayload<'cash.handover'>) {
  return {
    id: h.id,
    fromDeviceId: h.fromDeviceId,
    collectorStaffId: h.collectorStaffId,
    collectorName: h.collectorName,
    businessDates: JSON.stringify(h.businessDates),
    receiptCount: h.receiptCount,
    expected: h.expected,
    cashCounted: h.cashCounted,
    note: h.note,
    receivedBy: null,
    receivedByName: h.receivedByName,
    receivedAt: h.receivedAt,
    receivedOn: h.receivedOn,
  };
}

async function applyVoid(trx: Transaction<Database>, v: ChangePayload<'receipt.voided'>, at: string): Promise<void> {
  if (!(await insertVoidFromElsewhere(trx, v))) return;
  // This device's own payment refunded elsewhere: an open review of it is settled, as a refund here would.
  const own = await contributions.contributionOfReceipt(trx, v.receiptId);
  if (own) await settleRefundedPayment(trx, own.id, null, `${v.reason} (${v.voidedByName ?? ''})`, at);
}

const unsentFor = async (trx: Transaction<Database>, entityId: string) => (await withUnansweredOperations(trx, [entityId])).has(entityId);

/**
 * Households in feed order. Those this device has never held are placed together when no person is
 * listed in two households of the run (order cannot matter then); the rest one by one.
 */
async function applyHouseholds(trx: Transaction<Database>, hs: ChangePayload<'household'>[], people: Map<string, string>, at: string): Promise<void> {
  const held = await householdIdsHeld(
    trx,
    hs.map((h) => h.id),
  );
  const listed = new Set<string>();
  let overlap = false;
  for (const h of hs)
    for (const m of h.members) {
      if (listed.has(m.participantId)) overlap = true;
      listed.add(m.participantId);
    }
  const fresh: { row: HouseholdsTable; list: MemberEntry[] }[] = [];
  for (const h of hs) {
    const head = people.get(h.headParticipantId);
    if (overlap || held.has(h.id) || !head) await applyHousehold(trx, h, people, at);
    else fresh.push({ row: pulledHouseholdRow(h, head, at, at), list: memberList(h, people) });
  }
  await placeNewPulledHouseholds(trx, fresh);
}

function pulledHouseholdRow(h: ChangePayload<'household'>, head: string, createdAt: string, at: string): HouseholdsTable {
  return {
    id: h.id,
    headParticipantId: head,
    provinceCode: h.provinceCode,
    communeCode: h.communeCode,
    addressLine: h.addressLine,
    version: h.version,
    baseDeviceId: h.deviceId,
    createdAt,
    updatedAt: at,
  };
}

function memberList(h: ChangePayload<'household'>, people: Map<string, string>): MemberEntry[] {
  return h.members.flatMap((m) => {
    const id = people.get(m.participantId);
    const coveredBy = (otherCoverages as readonly string[]).includes(m.coveredBy ?? '') ? (m.coveredBy as OtherCoverage) : null;
    return id ? [{ participantId: id, coveredBy }] : [];
  });
}

async function applyHousehold(trx: Transaction<Database>, h: ChangePayload<'household'>, people: Map<string, string>, at: string): Promise<void> {
  const local = await findHouseholdRow(trx, h.id);
  const head = people.get(h.headParticipantId);
  if (!head) return; // Its head is not on this device (another province, not registered by this office).
  if (local) {
    if (local.version > h.version || (local.version === h.version && local.baseDeviceId === h.deviceId)) return; // older news
    if (await unsentFor(trx, h.id)) return; // this device's change goes first; its answer says whether it clashed
    const [clash] = await openHouseholdClashes(trx, h.id);
    if (clash) {
      // The open clash keeps the latest central list, which the supervisor's choice then takes or answers.
      const held = JSON.parse(clash.details) as Record<string, unknown>;
      await replaceIssueDetails(trx, clash.id, JSON.stringify({ ...held, central: h, centralVersion: h.version }));
      return;
    }
  }
  await placePulledHousehold(trx, pulledHouseholdRow(h, head, local?.createdAt ?? at, at), memberList(h, people));
}

async function applyEnrollment(trx: Transaction<Database>, e: ChangePayload<'enrollment'>, people: Map<string, string>): Promise<void> {
  const participantId = people.get(e.participantId);
  if (!participantId || !(paymentMethods as readonly string[]).includes(e.method)) return;
  const local = await contributions.findEnrollment(trx, participantId, e.scheme);
  if (local) {
    // This device's own setting not yet answered goes on and reaches the others; an older one yields.
    if (await unsentFor(trx, local.id)) return;
    if (local.id === e.id && local.version >= e.version) return;
  }
  await contributions.replaceEnrollment(trx, local?.id ?? null, {
    id: e.id,
    participantId,
    scheme: e.scheme,
    method: e.method as PaymentMethod,
    incomeBasis: e.incomeBasis,
    fromMonth: e.fromMonth,
    status: e.status,
    version: e.version,
    createdBy: null,
    createdAt: local?.createdAt ?? e.updatedAt,
    updatedAt: e.updatedAt,
  });
}
