// Quotes and records contributions. A quote is computed with the reference values in force on the
// payment date; recording recomputes it inside the transaction, refuses if the total differs from
// what the clerk showed, refuses months already paid, then writes contribution + receipt (with a
// gap-free number) + outbox + audit together.
import { uuidv7 } from 'uuidv7';
import type { Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import type { PaymentMethod, Quote, Receipt } from '../../../shared/contract/contribution';
import { amountInWords, formatDong } from '../../../shared/domain/amount-in-words';
import { minoritySupportProblem } from '../../../shared/domain/ethnicities';
import { businessDate, vietnameseMonthRange } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import { preparedQuery } from '../db/prepared-query';
import * as contributions from '../db/repositories/contributions-repository';
import * as households from '../db/repositories/households-repository';
import { findParticipant, type ParticipantRow, samePersonRecords } from '../db/repositories/participants-repository';
import { deviceSeries, receiptLabel, takeReceiptNumber } from '../db/repositories/receipt-numbers';
import { placeNames } from '../db/repositories/reference-repository';
import type { Database } from '../db/schema';
import { addMonths, computeQuote, methodForMonths } from './contribution-rules';
import { activeSchedule } from './reference-schedule-store';
import { enrollmentFromPayment, writeEnrollment } from './enrollment-service';
import { requireDayOpen } from './day-status';

type Db = CoreContext['db'] | Transaction<Database>;

const officeOfReceipt = preparedQuery<Record<string, never>, { code: string; name: string; deviceId: string }>((db) =>
  db.selectFrom('office').select(['code', 'name', 'deviceId']),
);
const staffName = preparedQuery<{ id: string }, { fullName: string }>((db, arg) => db.selectFrom('staff').select('fullName').where('id', '=', arg('id')));

export interface QuoteRequest {
  participantId: string;
  scheme: 'VSI' | 'HHI';
  fromMonth: string;
  months: number;
  incomeBasis?: number | undefined;
  method?: PaymentMethod | undefined;
  paidOn?: string | undefined;
}

type InternalQuote = Quote & { supportedMonthsUsed: number; person: ParticipantRow; enrolled: boolean };

async function buildQuote(ctx: CoreContext, db: Db, input: QuoteRequest): Promise<InternalQuote> {
  const person = await findParticipant(db, input.participantId);
  if (!person) throw new OfficeError('NOT_FOUND', { field: 'participantId', vi: 'Không tìm thấy người tham gia.', en: 'Participant not found.' });
  const paidOn = input.paidOn ?? businessDate(ctx.clock.now());
  const enrollment = await contributions.findEnrollment(db, person.id, input.scheme);
  const method = input.method ?? methodForMonths(input.scheme, input.months);
  const paid = await contributions.paidContributions(db, person, input.scheme);
  const toMonth = addMonths(input.fromMonth, input.months - 1);
  const overlap = paid.find((c) => c.fromMonth <= toMonth && c.toMonth >= input.fromMonth);
  if (overlap) {
    throw new OfficeError('CONFLICT', {
      field: 'fromMonth',
      vi: `${overlap.fromMonth === overlap.toMonth ? 'Tháng' : 'Các tháng'} ${vietnameseMonthRange(overlap.fromMonth, overlap.toMonth)} đã được đóng. Chọn kỳ bắt đầu từ tháng chưa đóng.`,
      en: `Months ${overlap.fromMonth}–${overlap.toMonth} are already paid.`,
      details: { paidFrom: overlap.fromMonth, paidTo: overlap.toMonth },
    });
  }
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
  // A record saved before the support category was checked against the ethnicity: no amount until
  // it is corrected, rather than a support share the state does not owe.
  const support = minoritySupportProblem(person.supportCategory, person.ethnicity);
  if (support) {
    throw new OfficeError('VALIDATION', {
      field: 'participantId',
      vi: `${support.vi} (hồ sơ của ${person.fullName}); sửa diện hỗ trợ hoặc dân tộc trong hồ sơ trước khi thu.`,
      en: `${support.en} (${person.fullName}'s record); correct the support category or the ethnicity on the record before collecting.`,
    });
  }
  const incomeBasis = input.scheme === 'VSI' ? (input.incomeBasis ?? enrollment?.incomeBasis ?? null) : null;
  const supportedMonthsUsed = input.scheme === 'VSI' ? paid.reduce((n, c) => n + c.supportedMonths, 0) : 0;
  const schedule = await activeSchedule(db);
  const result = computeQuote(schedule, {
    scheme: input.scheme,
    paidOn,
    fromMonth: input.fromMonth,
    months: input.months,
    method,
    incomeBasis,
    memberPosition,
    supportCategory: person.supportCategory,
    supportedMonthsUsed,
    participantId: person.id,
  });
  return {
    participantId: person.id,
    scheme: input.scheme,
    method,
    fromMonth: input.fromMonth,
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
    supportNotes: [],
    supportedMonthsUsed,
    person,
    enrolled: enrollment !== undefined,
  };
}

export async function quoteContribution(ctx: CoreContext, input: QuoteRequest): Promise<Quote> {
  const { supportedMonthsUsed: _used, person: _person, enrolled: _enrolled, ...quote } = await buildQuote(ctx, ctx.db, input);
  return quote;
}

export async function recordContribution(
  ctx: CoreContext,
  caller: Caller,
  input: QuoteRequest & { expectedTotal: number },
): Promise<{ contribution: ContributionView; receipt: Receipt }> {
  const at = nowIso(ctx);
  const today = businessDate(ctx.clock.now());
  if (input.paidOn && input.paidOn > today) {
    throw new OfficeError('VALIDATION', { field: 'paidOn', vi: 'Ngày nộp tiền không thể sau hôm nay.', en: 'The payment date cannot be in the future.' });
  }
  const contributionId = uuidv7();
  const receiptId = uuidv7();
  // Everything the answer shows is known when the transaction commits, so nothing is read back.
  return ctx.db.transaction().execute(async (trx) => {
    await requireDayOpen(trx, today);
    const quote = await buildQuote(ctx, trx, input);
    if (quote.total !== input.expectedTotal) {
      throw new OfficeError('CONFLICT', {
        field: 'expectedTotal',
        vi: `Số tiền phải thu là ${formatDong(quote.total)}, khác với ${formatDong(input.expectedTotal)} đã báo. Kiểm tra lại trước khi thu.`,
        en: `The amount due is ${quote.total}, not ${input.expectedTotal}.`,
        details: { total: quote.total },
      });
    }
    const office = await officeOfReceipt.executeTakeFirst(trx, {});
    if (!office) throw new OfficeError('NOT_SET_UP');
    const person = quote.person;
    const collector = await staffName.executeTakeFirst(trx, { id: caller.staffId! });
    const series = deviceSeries(office.code, office.deviceId);
    const number = await takeReceiptNumber(trx, series);
    const supportedMonths = quote.lines.filter((l) => l.supportAmount > 0).length;
    const contributionRow = {
      id: contributionId,
      participantId: person.id,
      householdId: quote.householdId,
      scheme: quote.scheme,
      method: quote.method,
      fromMonth: quote.fromMonth,
      toMonth: quote.toMonth,
      months: quote.months,
      incomeBasis: quote.incomeBasis,
      memberPosition: quote.memberPosition,
      paidOn: quote.paidOn,
      total: quote.total,
      supportedMonths,
      lines: JSON.stringify(quote.lines),
      referenceVersion: quote.referenceVersion,
      collectorStaffId: caller.staffId!,
      receiptId,
      createdAt: at,
    };
    await contributions.insertContribution(trx, contributionRow);
    const receiptRow = {
      id: receiptId,
      series,
      number,
      contributionId,
      participantId: person.id,
      payerName: person.fullName,
      payerPersonalId: person.personalId,
      payerAddress: await addressOf(trx, person),
      scheme: quote.scheme,
      periodFrom: quote.fromMonth,
      periodTo: quote.toMonth,
      months: quote.months,
      amount: quote.total,
      amountWords: amountInWords(quote.total),
      collectorStaffId: caller.staffId!,
      collectorName: collector?.fullName ?? '',
      officeName: office.name,
      issuedAt: at,
      businessDate: today,
    };
    await contributions.insertReceipt(trx, receiptRow);
    if (!quote.enrolled) await writeEnrollment(trx, caller, enrollmentFromPayment(caller, at, quote));
    await logMutation(trx, {
      at,
      staffId: caller.staffId,
      operation: {
        kind: 'contribution.record',
        payload: {
          id: contributionId,
          participantId: person.id,
          householdId: quote.householdId,
          memberPosition: quote.memberPosition,
          scheme: quote.scheme,
          method: quote.method,
          fromMonth: quote.fromMonth,
          months: quote.months,
          incomeBasis: quote.incomeBasis,
          supportCategory: person.supportCategory,
          supportedMonthsUsed: quote.supportedMonthsUsed,
          paidOn: quote.paidOn,
          total: quote.total,
          lines: quote.lines,
          referenceVersion: quote.referenceVersion,
          collectorStaffId: caller.staffId,
          receipt: { id: receiptId, series, number },
        },
      },
    });
    const label = receiptLabel(series, number);
    const { supportedMonths: _supported, lines: _lines, collectorStaffId: _collector, ...view } = contributionRow;
    return {
      contribution: { ...view, receiptLabel: label, voided: false, refundedOn: null },
      receipt: {
        ...receiptRow,
        label,
        officeCode: office.code,
        method: quote.method,
        incomeBasis: quote.incomeBasis,
        memberPosition: quote.memberPosition,
        lines: quote.lines,
        referenceVersion: quote.referenceVersion,
        void: null,
        printCount: 0,
      },
    };
  });
}

async function addressOf(db: Db, person: { addressLine: string; communeCode: string; provinceCode: string }): Promise<string> {
  const place = await placeNames(db, person.provinceCode, person.communeCode);
  return [person.addressLine, place.commune, place.province].filter(Boolean).join(', ');
}

export interface ContributionView {
  id: string;
  participantId: string;
  householdId: string | null;
  scheme: 'VSI' | 'HHI';
  method: string;
  fromMonth: string;
  toMonth: string;
  months: number;
  incomeBasis: number | null;
  memberPosition: number | null;
  paidOn: string;
  total: number;
  referenceVersion: string;
  receiptId: string;
  receiptLabel: string;
  voided: boolean;
  refundedOn: string | null;
  createdAt: string;
}

function toView(row: Awaited<ReturnType<typeof contributions.listContributions>>[number]): ContributionView {
  return {
    id: row.id,
    participantId: row.participantId,
    householdId: row.householdId,
    scheme: row.scheme,
    method: row.method,
    fromMonth: row.fromMonth,
    toMonth: row.toMonth,
    months: row.months,
    incomeBasis: row.incomeBasis,
    memberPosition: row.memberPosition,
    paidOn: row.paidOn,
    total: row.total,
    referenceVersion: row.referenceVersion,
    receiptId: row.receiptId,
    receiptLabel: receiptLabel(row.series, row.number),
    voided: row.voidId !== null,
    refundedOn: row.refundPaidBy ? row.voidDate : null,
    createdAt: row.createdAt,
  };
}

/** A person's payments, with those taken on the other records of the same person (participantId tells which). */
export async function listContributionsFor(ctx: CoreContext, participantId: string): Promise<{ items: ContributionView[] }> {
  const records = await samePersonRecords(ctx.db, { id: participantId });
  return { items: (await contributions.listContributions(ctx.db, records)).map(toView) };
}
