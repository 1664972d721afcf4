// Quotes and records contributions. A quote is computed with the reference values in force on the
// payment date; recording recomputes it inside the transaction, refuses if the total differs from
// what the clerk showed, refuses months already paid, then writes contribution + receipt (with a
// gap-free number) + outbox + audit together.
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import type { PaymentMethod, Quote, Receipt } from '../../../shared/contract/contribution';
import { formatDong } from '../../../shared/domain/amount-in-words';
import { businessDate, vietnameseDate } from '../../../shared/domain/business-date';
import { type QuoteQuestion, computeQuote, supportOf } from '../../../shared/domain/contribution-quote';
import { type SupportCategory, supportCategoryNames } from '../../../shared/contract/participant';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import * as contributions from '../db/repositories/contributions-repository';
import * as households from '../db/repositories/households-repository';
import { findParticipant, type ParticipantRow, supportFactsOf } from '../db/repositories/participants-repository';
import { communeStatusesOf } from '../db/repositories/reference-repository';
import type { Database } from '../db/schema';
import { knownContributedMonths, monthsContributedForShortfall, occupiesCalendarMonths } from '../../../shared/domain/months-contributed';
import { addMonths, methodForMonths } from './contribution-rules';
import { type ContributionView, issuerOf, type RecordableQuote, writeContribution } from './contribution-recording';
import { monthsAlreadyPaid, shortfallAlreadyPaid } from './paid-months-conflict';
import { activeSchedule } from './reference-schedule-store';
import { requireDayOpen } from './day-status';
import { type FieldVisitOfPayment, refuseVisitByCounter, writeVisit } from './visit-service';

type Db = CoreContext['db'] | Transaction<Database>;

export interface QuoteRequest {
  participantId: string;
  scheme: 'VSI' | 'HHI';
  fromMonth: string;
  months: number;
  incomeBasis?: number | undefined;
  method?: PaymentMethod | undefined;
  paidOn?: string | undefined;
  contributedMonths?: number | undefined;
}

/**
 * A record carried over from the single support category (migration 0019) may declare "ethnic
 * minority" or "island" where its facts do not show it: no amount until the clerk checks the record
 * and saves it again, rather than a share the state may not owe (or one it owes, left out).
 */
function requireDeclaredSupportSettled(person: ParticipantRow, derived: readonly string[]): void {
  const declared = person.declaredSupportCategory;
  if (declared === 'other' || derived.includes(declared)) return;
  const name = supportCategoryNames[declared as SupportCategory] ?? { vi: declared, en: declared };
  throw new OfficeError('VALIDATION', {
    field: 'participantId',
    vi: `Hồ sơ của ${person.fullName} ghi diện "${name.vi}" từ trước, nhưng dân tộc và xã/phường trên hồ sơ không cho thấy diện này; kiểm tra giấy tờ, sửa và lưu lại hồ sơ trước khi thu.`,
    en: `${person.fullName}'s record declares "${name.en}" from before, but its ethnicity and commune do not show it; check the papers, correct and save the record before collecting.`,
  });
}

/** The quote of one person's payment, with what recording it needs (computed again inside the recording transaction). */
export async function buildQuote(ctx: CoreContext, db: Db, input: QuoteRequest): Promise<RecordableQuote> {
  const person = await findParticipant(db, input.participantId);
  if (!person) throw new OfficeError('NOT_FOUND', { field: 'participantId', vi: 'Không tìm thấy người tham gia.', en: 'Participant not found.' });
  const paidOn = input.paidOn ?? businessDate(ctx.clock.now());
  const enrollment = await contributions.findEnrollment(db, person.id, input.scheme);
  const method = input.method ?? methodForMonths(input.scheme, input.months);
  const paid = await contributions.paidContributions(db, person, input.scheme);
  // A lump sum for the months missing to a pension pays time, not calendar months (ADR 0036): it is
  // kept in the month it is paid, and neither it nor any payment is checked against it for months paid.
  const shortfall = method === 'lump-sum-shortfall';
  const fromMonth = shortfall ? paidOn.slice(0, 7) : input.fromMonth;
  const toMonth = shortfall ? fromMonth : addMonths(fromMonth, input.months - 1);
  const overlap = shortfall ? undefined : paid.find((c) => occupiesCalendarMonths(c.method) && c.fromMonth <= toMonth && c.toMonth >= fromMonth);
  if (overlap) throw await monthsAlreadyPaid(db, overlap);
  const earlierShortfall = shortfall ? paid.find((c) => !occupiesCalendarMonths(c.method)) : undefined;
  if (earlierShortfall) throw await shortfallAlreadyPaid(db, earlierShortfall);
  let householdId: string | null = null;
  let memberPosition: number | null = null;
  if (input.scheme === 'HHI') {
    if (!person.householdId) {
      throw new OfficeError('VALIDATION', {
        field: 'scheme',
        vi: 'Người này chưa thuộc hộ gia đình nào. BHYT hộ gia đình cần lập hộ trước.',
        en: 'This person has no household; create one first.',
      });
    }
    householdId = person.householdId;
    const list = households.hhiPositions(await households.members(db, householdId));
    const member = list.find((m) => m.participantId === person.id);
    if (!member || member.hhiPosition === null) {
      throw new OfficeError('VALIDATION', {
        field: 'scheme',
        vi: `${person.fullName} đã có BHYT theo diện khác (đánh dấu trong hộ gia đình), không đóng BHYT hộ gia đình.`,
        en: `${person.fullName} is insured by another scheme (marked in the household) and pays no household HI.`,
      });
    }
    memberPosition = member.hhiPosition;
  }
  const incomeBasis = input.scheme === 'VSI' ? (input.incomeBasis ?? enrollment?.incomeBasis ?? null) : null;
  const supportedMonthsUsed = input.scheme === 'VSI' ? paid.reduce((n, c) => n + c.supportedMonths, 0) : 0;
  const schedule = await activeSchedule(db);
  const contributed = shortfall ? contributedMonthsOf(input.contributedMonths, paid) : null;
  const question: QuoteQuestion = {
    scheme: input.scheme,
    paidOn,
    fromMonth,
    months: input.months,
    method,
    incomeBasis,
    memberPosition,
    person: { dateOfBirth: person.dateOfBirth, sex: person.sex, provinceCode: person.provinceCode, facts: supportFactsOf(person) },
    communeStatuses: await communeStatusesOf(db, person.communeCode),
    supportedMonthsUsed,
    contributedMonths: contributed?.months ?? null,
    participantId: person.id,
  };
  const support = supportOf(question);
  requireDeclaredSupportSettled(person, support.categories);
  const result = computeQuote(schedule, question);
  return {
    participantId: person.id,
    scheme: input.scheme,
    method,
    fromMonth,
    toMonth,
    months: input.months,
    incomeBasis,
    paidOn,
    householdId,
    memberPosition,
    total: result.total,
    lines: result.lines,
    referenceVersion: result.referenceVersion,
    support: result.support ?? null,
    topUp: result.topUp ?? null,
    provisional: result.provisional,
    supportNotes: contributed?.note ? [...support.notes, contributed.note] : support.notes,
    supportedMonthsUsed,
    person,
    enrolled: enrollment !== undefined,
    contributedMonths: contributed?.months ?? null,
    contributedMonthsFromBook: contributed?.typed ?? null,
  };
}

/**
 * The months contributed a shortfall lump sum is priced on (ADR 0036): the SI book's figure the clerk
 * typed, never fewer than the months the payments known here make (this device's and those pulled
 * from the office's other devices, receipts not voided). When the office knows more, the quote says so.
 */
function contributedMonthsOf(typed: number | undefined, paid: readonly contributions.PaidPeriod[]) {
  if (typed === undefined) return { months: null, typed: null, note: null };
  const known = knownContributedMonths(paid);
  const months = monthsContributedForShortfall(typed, known);
  const note =
    months > typed
      ? {
          vi: `Văn phòng đã thu ${known} tháng BHXH tự nguyện của người này (kể cả ở máy khác của văn phòng), nhiều hơn ${typed} tháng ghi trên sổ BHXH: tính theo ${known} tháng. Đề nghị cập nhật sổ BHXH.`,
          en: `The office has taken ${known} months of voluntary SI from this person (its other devices included), more than the ${typed} in the SI book: priced on ${known}. The SI book should be brought up to date.`,
        }
      : null;
  return { months, typed, note };
}

/** A quote as the contract answers it: without what only recording needs. */
export function quoteView(quote: RecordableQuote): Quote {
  const { supportedMonthsUsed: _used, person: _person, enrolled: _enrolled, contributedMonths: _months, contributedMonthsFromBook: _book, ...view } = quote;
  return view;
}

export async function quoteContribution(ctx: CoreContext, input: QuoteRequest): Promise<Quote> {
  return quoteView(await buildQuote(ctx, ctx.db, input));
}

export async function recordContribution(
  ctx: CoreContext,
  caller: Caller,
  input: QuoteRequest & { expectedTotal: number; fieldVisit?: FieldVisitOfPayment | undefined },
): Promise<{ contribution: ContributionView; receipt: Receipt }> {
  refuseVisitByCounter(caller, input.fieldVisit);
  return inPaymentTransaction(ctx, input.paidOn, async (trx, when) => {
    const quote = await buildQuote(ctx, trx, input);
    refuseChangedTotal(quote.total, input.expectedTotal);
    const written = await writeContribution(trx, caller, await issuerOf(trx, caller), quote, when);
    if (input.fieldVisit) {
      const visit = { participantId: quote.participantId, outcome: 'paid' as const, receiptIds: [written.receipt.id], note: input.fieldVisit.note };
      await writeVisit(trx, caller, visit, when.at, when.today);
    }
    return written;
  });
}

/**
 * The transaction every payment is written in: dated today (a payment of another day is refused),
 * on a day still open, the quote recomputed inside it by `write`.
 */
export async function inPaymentTransaction<T>(
  ctx: CoreContext,
  paidOn: string | undefined,
  write: (trx: Transaction<Database>, when: { at: string; today: string }) => Promise<T>,
): Promise<T> {
  const at = nowIso(ctx);
  const today = businessDate(ctx.clock.now());
  refuseFuturePayment(paidOn, today);
  return ctx.db.transaction().execute(async (trx) => {
    await requireDayOpen(trx, today);
    return write(trx, { at, today });
  });
}

/** Money is taken today: a receipt dated otherwise would be priced with another day's values (a quote may price any date). */
export function refuseFuturePayment(paidOn: string | undefined, today: string): void {
  if (paidOn !== undefined && paidOn !== today) {
    throw new OfficeError('VALIDATION', {
      field: 'paidOn',
      vi: `Chỉ ghi thu với ngày nộp là hôm nay (${vietnameseDate(today)}); ngày ${vietnameseDate(paidOn)} chỉ dùng để tính thử.`,
      en: `A payment is recorded on today's date (${today}); ${paidOn} can only be quoted.`,
    });
  }
}

/** The rules now give `total`; the clerk showed `expected`. If they differ nothing is written. */
export function refuseChangedTotal(total: number, expected: number): void {
  if (total !== expected) {
    throw new OfficeError('CONFLICT', {
      field: 'expectedTotal',
      vi: `Số tiền phải thu là ${formatDong(total)}, khác với ${formatDong(expected)} đã báo. Kiểm tra lại trước khi thu.`,
      en: `The amount due is ${formatDong(total)}, not the ${formatDong(expected)} shown. Check it before collecting.`,
      details: { total },
    });
  }
}
