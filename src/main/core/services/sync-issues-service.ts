// The supervisor's sync-issues inbox: rejected, held, conflicting and duplicate items with the
// reason, and the decision taken on each. An issue is closed only by a recorded decision (who,
// when, which resolution, a note), audited; "accept the central version" overwrites the local
// record with the central one (for a payment flagged FACTS_DIFFER: the payer's support category),
// "send the household again" answers a payment flagged for the member's place with this office's
// member list, "merge" links the person to the canonical one, and a registration held as a
// possible duplicate goes again after the supervisor's check (held-resend.ts).
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { OfficeError } from '../../../shared/contract/errors';
import { participantFields, supportCategories } from '../../../shared/contract/participant';
import { factsFromCategory } from '../../../shared/domain/support-facts';
import { minoritySupportProblem } from '../../../shared/domain/ethnicities';
import type { IssueResolution, SyncIssue } from '../../../shared/contract/sync';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { findContributionPayer } from '../db/repositories/contributions-repository';
import { findHouseholdRow } from '../db/repositories/households-repository';
import { factColumns, findParticipant, updateParticipantRow } from '../db/repositories/participants-repository';
import * as issues from '../db/repositories/sync-issues-repository';
import type { Database } from '../db/schema';
import { resendHouseholdMembers } from './household-service';
import { isHouseholdConflict, settleHouseholdConflict } from './household-conflicts';
import { resendReviewedRegistration } from './held-resend';

export async function listSyncIssues(ctx: CoreContext, state: 'open' | 'resolved' | 'all'): Promise<{ items: SyncIssue[] }> {
  const rows = await issues.listIssues(ctx.db, state);
  return {
    items: rows.map(({ resolvedBy: _by, ...r }) => ({
      ...r,
      details: JSON.parse(r.details) as unknown,
      resolvedByName: r.resolvedByName ?? null,
      receiptId: r.receiptId ?? null,
    })),
  };
}

export async function resolveSyncIssue(ctx: CoreContext, caller: Caller, input: { id: string; resolution: IssueResolution; note: string }): Promise<SyncIssue> {
  const at = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const issue = await issues.findIssue(trx, input.id);
    if (!issue) throw new OfficeError('NOT_FOUND', { field: 'id' });
    if (issue.state === 'resolved') throw new OfficeError('CONFLICT', { vi: 'Vấn đề này đã được xử lý.', en: 'Already resolved.' });
    const details = JSON.parse(issue.details) as {
      central?: Record<string, unknown> | null;
      canonical?: { canonicalId?: string; officialNumber?: string } | null;
      error?: { details?: { central?: Record<string, unknown>; centralFacts?: unknown; householdId?: string } } | null;
    };
    if (isHouseholdConflict(issue)) {
      // One decision settles every open clash of the household (the others below, this one after).
      const others = await settleHouseholdConflict(trx, caller, at, issue, input.resolution, details);
      for (const id of others.filter((o) => o !== input.id)) {
        await recordDecision(trx, id, { resolution: input.resolution, note: input.note, staffId: caller.staffId, at });
      }
    } else if (input.resolution === 'resend-household') {
      await resendFlaggedHousehold(trx, caller, at, issue, details.error?.details?.householdId);
    } else if (input.resolution === 'accept-central' && issue.class === 'FACTS_DIFFER') {
      await acceptCentralSupportCategory(trx, issue.entityId, details.error?.details?.central, details.error?.details?.centralFacts, at);
    } else if (input.resolution === 'accept-central') {
      const central = details.central ?? details.error?.details?.central;
      if (!central || !issue.kind.startsWith('participant.')) {
        throw new OfficeError('VALIDATION', {
          field: 'resolution',
          vi: 'Không có bản ghi trung tâm để áp dụng cho vấn đề này.',
          en: 'No central version to accept.',
        });
      }
      const current = await findParticipant(trx, issue.entityId);
      if (!current) throw new OfficeError('NOT_FOUND', { field: 'entityId' });
      const allowed = [
        'fullName',
        'dateOfBirth',
        'sex',
        'ethnicity',
        'nationality',
        'phone',
        'provinceCode',
        'communeCode',
        'addressLine',
        'supportCategory',
        'siNumber',
      ] as const;
      const changes: Record<string, unknown> = {};
      for (const key of allowed) if (key in central) changes[key] = central[key];
      await updateParticipantRow(trx, issue.entityId, { ...changes, version: current.version + 1, updatedAt: at });
    }
    if (input.resolution === 'different-person-resend' || input.resolution === 'same-person-merge') {
      await resendReviewedRegistration(trx, issue, { staffId: caller.staffId, note: input.note, at, samePerson: input.resolution === 'same-person-merge' });
    }
    if (input.resolution === 'merge-into-canonical') {
      const canonicalId = details.canonical?.canonicalId;
      if (!canonicalId) {
        throw new OfficeError('VALIDATION', { field: 'resolution', vi: 'Trung tâm chưa chỉ ra hồ sơ gốc để gộp.', en: 'No canonical person to merge into.' });
      }
      await updateParticipantRow(trx, issue.entityId, { canonicalId, officialNumber: details.canonical?.officialNumber ?? null });
    }
    await recordDecision(trx, input.id, { resolution: input.resolution, note: input.note, staffId: caller.staffId, at });
  });
  const all = await listSyncIssues(ctx, 'all');
  return all.items.find((i) => i.id === input.id)!;
}

/**
 * A payment the central recorded but flagged because its household member list differs from this
 * office's (the member's place, or the payer missing from it): the list here goes again as it
 * stands, so the central's matches and the next payment is not flagged. What was paid stays.
 */
async function resendFlaggedHousehold(
  trx: Transaction<Database>,
  caller: Caller,
  at: string,
  issue: { class: string; entityId: string },
  householdId: string | undefined,
): Promise<void> {
  const payment = await findContributionPayer(trx, issue.entityId);
  if (issue.class !== 'FACTS_DIFFER' || !householdId || payment?.householdId !== householdId) {
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: 'Trung tâm không báo khác biệt về danh sách thành viên hộ cho mục này; không có gì để gửi lại.',
      en: 'The central reports no difference in the household member list for this item; nothing to send again.',
    });
  }
  const exists = await findHouseholdRow(trx, householdId);
  if (!exists)
    throw new OfficeError('NOT_FOUND', {
      field: 'resolution',
      vi: 'Hộ gia đình của khoản thu không còn trên máy này.',
      en: "The payment's household is no longer on this machine.",
    });
  await resendHouseholdMembers(trx, caller, at, householdId);
}

/** The facts the central sends with its category (a central of an earlier release sends none). */
const centralFactsSchema = z.object({
  poverty: participantFields.shape.poverty.unwrap().unwrap().nullable(),
  student: z.boolean(),
  agriAverage: z.boolean(),
});

/**
 * A payment the central recorded but flagged because its record of the payer has another support
 * category: the payer's record here takes the central's facts behind it — the certificate with its
 * number and dates, pupil/student, farming household — so the next payment is quoted as the
 * central expects without asking for them again (what was already paid stays as paid; its
 * difference is settled at the counter). From a central that sends only the category, the fact it
 * stands for, without number or dates.
 */
async function acceptCentralSupportCategory(
  trx: Transaction<Database>,
  contributionId: string,
  central: Record<string, unknown> | undefined,
  sentFacts: unknown,
  at: string,
): Promise<void> {
  const category = central?.supportCategory;
  const payer = await findContributionPayer(trx, contributionId);
  if (typeof category !== 'string' || !(supportCategories as readonly string[]).includes(category) || !payer) {
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: 'Trung tâm không nêu diện hỗ trợ khác cho người nộp; không có gì để nhận. Chọn "Đã xem" và ghi lại cách xử lý.',
      en: 'The central names no other support category for the payer; nothing to accept.',
    });
  }
  const person = (await findParticipant(trx, payer.participantId))!;
  // Support follows facts here: the central's category is taken as the fact it stands for. The
  // ethnicity and the commune are facts of the record itself, corrected on the form.
  const problem =
    category === 'island'
      ? { vi: 'Diện xã đảo/đặc khu theo xã/phường nơi cư trú', en: 'The island / special-zone share follows the commune of residence' }
      : minoritySupportProblem(category, person.ethnicity);
  if (problem)
    throw new OfficeError('VALIDATION', {
      field: 'resolution',
      vi: `${problem.vi}; sửa ${category === 'island' ? 'xã/phường' : 'dân tộc'} trong hồ sơ trước.`,
      en: `${problem.en}; correct the ${category === 'island' ? 'commune' : 'ethnicity'} on the record first.`,
    });
  const parsed = centralFactsSchema.safeParse(sentFacts);
  const facts = parsed.success && factsAgree(parsed.data, category) ? parsed.data : factsFromCategory(category);
  await updateParticipantRow(trx, payer.participantId, {
    ...factColumns({ ...facts, legacyAddress: null }),
    legacyCommuneCode: person.legacyCommuneCode,
    legacyAddress: person.legacyAddress,
    declaredSupportCategory: 'other',
    version: person.version + 1,
    updatedAt: at,
  });
}

/** The central's facts stand for its category (a certificate for a poor or near-poor one, and no other). */
function factsAgree(facts: z.infer<typeof centralFactsSchema>, category: string): boolean {
  if (category === 'poor' || category === 'near-poor') return facts.poverty?.kind === category;
  if (category === 'student') return facts.student;
  if (category === 'agri-average') return facts.agriAverage;
  return true;
}

/**
 * A payment the central flagged for review (months paid twice, or facts that differ) is settled by
 * its refund: voiding its receipt resolves the open item, by the staff member who voided it, with
 * the void's reason as the note (audited as any decision) — the money went back, a corrected
 * payment is a new one. Runs in the void's transaction.
 */
export async function settleRefundedPayment(
  trx: Transaction<Database>,
  contributionId: string,
  staffId: string | null,
  reason: string,
  at: string,
): Promise<void> {
  for (const id of await issues.openFlagsOfPayment(trx, contributionId))
    await recordDecision(trx, id, { resolution: 'acknowledged', note: `Đã hủy biên lai (hoàn trả): ${reason}`, staffId, at });
}

/**
 * The central says a payment flagged for months paid twice stands alone now: the receipts that paid
 * those months first were refunded at their offices. Its open inbox item is settled, by nobody here
 * (the note says by what), audited.
 */
export async function settleFromCentral(
  trx: Transaction<Database>,
  opId: string,
  refunded: { receipt: string; officeCode: string }[],
  at: string,
): Promise<void> {
  const open = await issues.openMonthsPaidTwice(trx, opId);
  const where = refunded.map((r) => `biên lai ${r.receipt} (văn phòng ${r.officeCode})`).join(', ');
  for (const id of open)
    await recordDecision(trx, id, {
      resolution: 'acknowledged',
      note: `Trung tâm báo: đã hoàn trả ${where}; khoản thu này không còn trùng tháng.`,
      staffId: null,
      at,
    });
}

/** Closes an issue with a decision (who, when, which resolution, a note), audited. */
async function recordDecision(
  trx: Transaction<Database>,
  issueId: string,
  decision: { resolution: IssueResolution; note: string; staffId: string | null; at: string },
): Promise<void> {
  const { resolution, note, staffId, at } = decision;
  await issues.resolveIssue(trx, issueId, decision);
  await appendAudit(trx, { at, staffId, action: 'sync.issueResolved', entity: 'syncIssue', entityId: issueId, details: { resolution, note } });
}
