// After a supervisor has checked a registration the central held as a possible duplicate and found
// two different people, the registration goes again with that decision (`duplicateReviewed`,
// which the central honours), followed by the work that waited for this person: the payments,
// the household they head, its member lists and voids, which the central held or refused for want
// of the person. Each of those is sent again with its original payload (the same contribution id
// and receipt number: the central never stored them) in the order it was first made, and its open
// inbox item is settled as sent again. Updates of the person the central refused are not sent:
// the registration carries the person as they are now.
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { appendOutbox, logMutation } from '../db/mutation-log';
import * as participants from '../db/repositories/participants-repository';
import type { Database } from '../db/schema';

/** The resolution written on the items sent again together with the reviewed registration. */
export const RESENT_WITH_PERSON = 'resent-with-person';

interface HeldRegistration {
  id: string;
  kind: string;
  class: string;
  entityId: string;
}

interface WaitingItem {
  id: string;
  kind: string;
  entityId: string;
  payload: string;
}

export async function resendReviewedRegistration(
  trx: Transaction<Database>,
  issue: HeldRegistration,
  decision: { staffId: string | null; note: string; at: string },
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
  const participant = participants.toParticipant(person);
  await logMutation(trx, {
    at,
    staffId,
    action: 'participant.register',
    entity: 'participant',
    entityId: person.id,
    payload: { ...participant, duplicateReviewed: true, duplicateReviewNote: note },
    details: { participant, resentAfterReview: { issueId: issue.id, note } },
  });
  const waiting = await trx
    .selectFrom('syncIssues')
    .innerJoin('outbox', 'outbox.opId', 'syncIssues.opId')
    .select(['syncIssues.id', 'syncIssues.kind', 'syncIssues.entityId', 'outbox.payload'])
    .where('syncIssues.state', '=', 'open')
    .where('syncIssues.id', '!=', issue.id)
    .orderBy('outbox.seq')
    .execute();
  for (const item of dependentsOf(person.id, waiting)) {
    if (item.kind !== 'participant.update') await appendOutbox(trx, { kind: item.kind, entityId: item.entityId, payload: JSON.parse(item.payload), createdAt: at });
    await trx
      .updateTable('syncIssues')
      .set({ state: 'resolved', resolution: RESENT_WITH_PERSON, resolutionNote: note, resolvedBy: staffId, resolvedAt: at })
      .where('id', '=', item.id)
      .execute();
  }
}

/**
 * The waiting items that name the person, a household created with them as head, or a receipt of
 * one of their payments, in the order they were made (a household's member lists follow its
 * creation, a void follows its payment).
 */
function dependentsOf(personId: string, waiting: WaitingItem[]): WaitingItem[] {
  const households = new Set<string>();
  const receipts = new Set<string>();
  return waiting.filter((item) => {
    const p = JSON.parse(item.payload) as { id?: string; participantId?: string; headParticipantId?: string; householdId?: string; receiptId?: string; receipt?: { id?: string } };
    switch (item.kind) {
      case 'participant.update':
        return p.id === personId;
      case 'contribution.record':
        if (p.participantId !== personId) return false;
        if (p.receipt?.id) receipts.add(p.receipt.id);
        return true;
      case 'household.create':
        if (p.headParticipantId !== personId) return false;
        if (p.id) households.add(p.id);
        return true;
      case 'household.setMembers':
        return p.householdId !== undefined && households.has(p.householdId);
      case 'receipt.void':
        return p.receiptId !== undefined && receipts.has(p.receiptId);
      default:
        return false;
    }
  });
}
