// Household health insurance for several members in one pass (ADR 0020): one quote with each
// member's lines and place in the household, one confirmation, and one transaction that writes
// every member's contribution and receipt (numbered one after another), outbox and audit entries —
// all of them or none. Each member's payment is exactly what a single payment for them would be
// (same quote, same receipt, same operation to the central), so voids, refunds and the central's
// checks stay per person.
import type { Transaction } from 'kysely';
import type { HouseholdQuote, Receipt } from '../../../shared/contract/contribution';
import { OfficeError } from '../../../shared/contract/errors';
import type { Caller, CoreContext } from '../core-context';
import { findHouseholdRow } from '../db/repositories/households-repository';
import { findParticipant } from '../db/repositories/participants-repository';
import type { Database } from '../db/schema';
import { type ContributionView, issuerOf, type RecordableQuote, writeContribution } from './contribution-recording';
import { buildQuote, inPaymentTransaction, quoteView, refuseChangedTotal } from './contribution-service';
import { type FieldVisitOfPayment, refuseVisitByCounter, writeVisit } from './visit-service';

type Db = CoreContext['db'] | Transaction<Database>;

export interface HouseholdPaymentRequest {
  householdId: string;
  months: number;
  method?: RecordableQuote['method'] | undefined;
  members: { participantId: string; fromMonth: string }[];
  paidOn?: string | undefined;
}

/** A member's refusal, said of that member and placed at their row (`members.<i>.<field>`). */
function ofMember(error: unknown, index: number, name: string): unknown {
  if (!(error instanceof OfficeError)) return error;
  return new OfficeError(error.code, {
    field: `members.${index}.${error.field ?? 'participantId'}`,
    vi: `${name}: ${error.message}`,
    en: `${name}: ${error.messageEn}`,
    ...(error.details ? { details: error.details } : {}),
  });
}

async function quoteMembers(ctx: CoreContext, db: Db, input: HouseholdPaymentRequest): Promise<RecordableQuote[]> {
  if (!(await findHouseholdRow(db, input.householdId))) {
    throw new OfficeError('NOT_FOUND', { field: 'householdId', vi: 'Không tìm thấy hộ gia đình.', en: 'Household not found.' });
  }
  const seen = new Set<string>();
  const quotes: RecordableQuote[] = [];
  for (const [i, member] of input.members.entries()) {
    const person = await findParticipant(db, member.participantId);
    if (!person || person.householdId !== input.householdId) {
      throw new OfficeError('VALIDATION', {
        field: `members.${i}.participantId`,
        vi: `${person?.fullName ?? 'Người này'} không thuộc hộ gia đình này.`,
        en: `${person?.fullName ?? 'This person'} is not a member of this household.`,
      });
    }
    if (seen.has(person.id)) {
      throw new OfficeError('VALIDATION', {
        field: `members.${i}.participantId`,
        vi: `${person.fullName} có hai lần trong cùng một lần thu.`,
        en: `${person.fullName} is listed twice in one payment.`,
      });
    }
    seen.add(person.id);
    try {
      quotes.push(
        await buildQuote(ctx, db, {
          participantId: person.id,
          scheme: 'HHI',
          fromMonth: member.fromMonth,
          months: input.months,
          method: input.method,
          paidOn: input.paidOn,
        }),
      );
    } catch (error) {
      throw ofMember(error, i, person.fullName);
    }
  }
  return quotes;
}

export async function quoteHouseholdPayment(ctx: CoreContext, input: HouseholdPaymentRequest): Promise<HouseholdQuote> {
  const quotes = await quoteMembers(ctx, ctx.db, input);
  return {
    householdId: input.householdId,
    total: quotes.reduce((sum, q) => sum + q.total, 0),
    members: quotes.map(quoteView),
  };
}

export async function recordHouseholdPayment(
  ctx: CoreContext,
  caller: Caller,
  input: HouseholdPaymentRequest & { expectedTotal: number; fieldVisit?: FieldVisitOfPayment | undefined },
): Promise<{ items: { contribution: ContributionView; receipt: Receipt }[] }> {
  refuseVisitByCounter(caller, input.fieldVisit);
  return inPaymentTransaction(ctx, input.paidOn, async (trx, when) => {
    const quotes = await quoteMembers(ctx, trx, input);
    refuseChangedTotal(
      quotes.reduce((sum, q) => sum + q.total, 0),
      input.expectedTotal,
    );
    const issuer = await issuerOf(trx, caller);
    const items = [];
    for (const quote of quotes) items.push(await writeContribution(trx, caller, issuer, quote, when));
    if (input.fieldVisit) {
      const receiptIds = items.map((i) => i.receipt.id);
      await writeVisit(trx, caller, { householdId: input.householdId, outcome: 'paid', receiptIds, note: input.fieldVisit.note }, when.at, when.today);
    }
    return { items };
  });
}
