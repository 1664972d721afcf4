// A registration the central held as a possible duplicate, after the supervisor has checked the
// papers. Two different people: the registration goes again as the person is now, with that
// decision (`duplicateReviewed`, which the central honours). The same person, registered elsewhere
// (the ID typed here is wrong): it goes again under the candidate's personal ID, which the central
// answers DUPLICATE and links to the candidate, as the office then does with its record (which
// takes that ID too, unless the candidate's own record, pulled here, holds it). Either way the
// work that waited for this person follows: the payments, the household they head, its member
// lists and voids, which the central held or refused for want of the person. Each goes again with
// its original payload (the same contribution id and receipt number: the central never stored
// them) in the order it was first made, and its inbox item is settled as sent again (also one a
// supervisor had already acknowledged: the central still lacks it). Such work not yet sent moves
// behind the registration. Updates of the person, refused or unsent, are settled without sending:
// the registration carries the person as they are now.
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import type { OperationInput } from '../../../shared/sync/operations';
import { appendOutbox, logMutation, storedOperation } from '../db/mutation-log';
import * as outbox from '../db/repositories/outbox-repository';
import * as participants from '../db/repositories/participants-repository';
import * as issues from '../db/repositories/sync-issues-repository';
import type { Database } from '../db/schema';

/** The resolution written on the items sent again together with the reviewed registration. */
export const RESENT_WITH_PERSON = 'resent-with-person';

/** Inbox codes of items the central held or refused for want of a person it has not accepted. */
export const WAITS_FOR_PERSON: readonly string[] = ['PERSON_NOT_ACCEPTED', 'NOT_FOUND'];

interface HeldRegistration {
  id: string;
  kind: string;
  class: string;
  entityId: string;
  details: string;
}

/** An operation that waits for the person: answered (its inbox item) or not yet sent (its outbox row). */
interface WaitingItem {
  issueId: string | null;
  seq: number | null;
  /** When it goes into the outbox again: now for answered ones, as first made for unsent ones. */
  createdAt: string;
  operation: OperationInput;
}

export async function resendReviewedRegistration(
  trx: Transaction<Database>,
  issue: HeldRegistration,
  decision: { staffId: string | null; note: string; at: string; samePerson: boolean },
): Promise<void> {
  if (issue.kind !== 'participant.register' || issue.class !== 'POSSIBLE_DUPLICATE') {
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: 'Chỉ gửi lại được bản đăng ký mà trung tâm tạm giữ vì nghi trùng người.',
      en: 'Only a registration held centrally as a possible duplicate can be sent again this way.',
    });
  }
  const person = await participants.findParticipant(trx, issue.entityId);
  if (!person) throw new OfficeError('NOT_FOUND', { field: 'entityId' });
  const { at, staffId, note } = decision;
  const sameAs = decision.samePerson ? await candidateOf(trx, issue) : null;
  // The same person: the ID typed here was wrong. The record takes the right one unless a record
  // here already holds it (the person the central named, pulled earlier), which the link points at.
  const corrected = sameAs !== null && sameAs.personalId !== person.personalId && !(await participants.findByPersonalId(trx, sameAs.personalId));
  if (corrected) await participants.updateParticipantRow(trx, person.id, { personalId: sameAs.personalId, updatedAt: at });
  const participant = participants.toParticipant(corrected ? { ...person, personalId: sameAs.personalId, updatedAt: at } : person);
  // Work for this person not yet sent (taken while the decision waited, perhaps offline for days)
  // would reach the central before the registration and be held again: it goes after it instead.
  const unsent = await outbox.pendingEntries(trx);
  await logMutation(trx, {
    at,
    staffId,
    operation: {
      kind: 'participant.register',
      payload: { ...participant, ...(sameAs ? { personalId: sameAs.personalId } : {}), duplicateReviewed: true, duplicateReviewNote: note },
    },
    details: { participant, resentAfterReview: { issueId: issue.id, note, sameAs, personalIdCorrectedFrom: corrected ? person.personalId : null } },
  });
  // What the central held or refused for want of this person, settled or not (a supervisor may have
  // acknowledged a held payment before deciding on the registration), unless already sent again.
  const waiting = await answeredWaiting(trx, at, { notSentAgain: true, except: issue.id });
  // Answered items first, then the unsent ones: both in the order they were made.
  const items: WaitingItem[] = [
    ...waiting,
    ...unsent.map((row) => ({
      issueId: null,
      seq: row.seq,
      createdAt: row.createdAt,
      operation: storedOperation(row),
    })),
  ];
  await sendAfterRegistration(trx, dependentsOf(person.id, items), { staffId, note, at });
}

/**
 * Answers that arrive after the supervisor's decision on the person they wait for — they were on
 * their way when it was made (in an exported file, or a batch in flight) — follow the reviewed
 * registration too: sent again with their original payloads, settled as sent again.
 */
export async function followReviewedRegistrations(trx: Transaction<Database>, issueIds: string[], at: string): Promise<void> {
  if (issueIds.length === 0) return;
  const items = await answeredWaiting(trx, at, { only: issueIds });
  if (items.length === 0) return;
  const reviewed = await issues.reviewedRegistrations(trx, ['different-person-resend', 'same-person-merge']);
  const done = new Set<string>();
  for (const person of reviewed) {
    if (done.has(person.entityId)) continue;
    done.add(person.entityId);
    const decision = { staffId: person.resolvedBy, note: person.resolutionNote ?? '', at };
    await sendAfterRegistration(trx, dependentsOf(person.entityId, items), decision);
  }
}

/**
 * Inbox items the central held or refused for want of a person — only those given, or all but one
 * and, with `notSentAgain`, not yet sent again — with the payloads of their operations, in the order
 * they were made; sent again, they go in the outbox now.
 */
async function answeredWaiting(
  trx: Transaction<Database>,
  at: string,
  filter: { only?: string[]; except?: string; notSentAgain?: boolean },
): Promise<WaitingItem[]> {
  const rows = await issues.issuesWithOperations(trx, WAITS_FOR_PERSON, {
    ...(filter.only ? { only: filter.only } : {}),
    ...(filter.except ? { except: filter.except } : {}),
    ...(filter.notSentAgain ? { notResolvedAs: RESENT_WITH_PERSON } : {}),
  });
  return rows.map((row) => ({
    issueId: row.id,
    seq: null,
    createdAt: at,
    operation: storedOperation(row),
  }));
}

/** Sends the items again (updates of the person excepted: the registration carries them) and settles them. */
async function sendAfterRegistration(
  trx: Transaction<Database>,
  items: WaitingItem[],
  decision: { staffId: string | null; note: string; at: string },
): Promise<void> {
  const { staffId, note, at } = decision;
  for (const item of items) {
    if (item.operation.kind !== 'participant.update') await appendOutbox(trx, { operation: item.operation, createdAt: item.createdAt });
    // An unsent operation moves behind the registration: the same payload under a new op id (the
    // central never saw the old one); the audit log keeps the mutation as it was made.
    if (item.seq !== null) await outbox.withdrawPending(trx, item.seq);
    if (item.issueId !== null) await issues.resolveIssue(trx, item.issueId, { resolution: RESENT_WITH_PERSON, note, staffId, at });
  }
}

/**
 * The person the central named: its personal ID from the held answer, or (an answer of an older
 * central) from that person's record here, pulled from the central.
 */
async function candidateOf(trx: Transaction<Database>, issue: HeldRegistration): Promise<{ id: string; personalId: string }> {
  const held = (JSON.parse(issue.details) as { error?: { details?: { candidateId?: string; candidatePersonalId?: string } } | null }).error?.details;
  const id = held?.candidateId;
  const personalId = held?.candidatePersonalId ?? (id ? (await participants.findParticipant(trx, id))?.personalId : undefined);
  if (!id || !personalId) {
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: 'Trung tâm chưa cho biết số định danh của người đã đăng ký ở nơi khác và máy này chưa có hồ sơ đó; hỏi trung tâm số định danh đúng.',
      en: 'The central did not give the ID of the person registered elsewhere, and this device does not hold that record; ask the central for the right ID.',
    });
  }
  return { id, personalId };
}

/**
 * The waiting items that name the person, a household created with them as head, or a receipt of
 * one of their payments, in the order they were made (a household's member lists follow its
 * creation, a void follows its payment).
 */
function dependentsOf(personId: string, waiting: WaitingItem[]): WaitingItem[] {
  const households = new Set<string>();
  const receipts = new Set<string>();
  return waiting.filter(({ operation: op }) => {
    switch (op.kind) {
      case 'participant.update':
        return op.payload.id === personId;
      case 'enrollment.set':
        return op.payload.participantId === personId;
      case 'contribution.record':
        if (op.payload.participantId !== personId) return false;
        receipts.add(op.payload.receipt.id);
        return true;
      case 'household.create':
        if (op.payload.headParticipantId !== personId) return false;
        households.add(op.payload.id);
        return true;
      case 'household.setMembers':
        return households.has(op.payload.householdId);
      case 'receipt.void':
        return receipts.has(op.payload.receiptId);
      default:
        return false;
    }
  });
}
