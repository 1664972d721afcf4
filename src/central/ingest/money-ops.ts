// Money operations: a recorded contribution is recomputed with the shared rules and the schedule
// version the device used — a different amount is REJECTED with the expected one; a receipt number
// is unique in its series nationally; voids and day closures are kept as records.
import { sql } from 'kysely';
import { OfficeError } from '../../shared/contract/errors';
import type { QuoteQuestion } from '../../shared/domain/contribution-quote';
import { addMonths } from '../../shared/domain/payment-periods';
import { occupiesCalendarMonths } from '../../shared/domain/months-contributed';
import { reviewContributionFacts } from './contribution-facts';
import { parseSchedule, type ReferenceSchedule } from '../../shared/domain/reference-schedule';
import { type OpResult, type OpReview, rejected } from '../../shared/sync/op-results';
import type { OperationPayload } from '../../shared/sync/operations';
import type { OpContext } from './op-context';
import { dayClosedChange, paidThroughChange, personOffice, tellOffices, voidChange } from './office-changes';
import { forgetPaidReceipt, paidThroughOf, reviewPaidMonths } from './paid-periods';
import { notePayment, noteVoid } from './paid-through';
import { resolvePersonId } from './person-ops';
import { centralPerson } from './person-support';
import { quotedTotal } from './quoted-totals';
import { withKeysAtEnd } from './same-json';

const schedules = new Map<string, ReferenceSchedule>();

async function scheduleFor(ctx: OpContext, version: string): Promise<ReferenceSchedule | null> {
  const cached = schedules.get(version);
  if (cached) return cached;
  const row = await ctx.trx.selectFrom('referenceSchedules').select('body').where('version', '=', version).executeTakeFirst();
  if (!row) return null;
  const schedule = parseSchedule(typeof row.body === 'string' ? JSON.parse(row.body) : row.body);
  schedules.set(version, schedule);
  return schedule;
}

export async function recordContribution(ctx: OpContext, opId: string, c: OperationPayload<'contribution.record'>): Promise<OpResult> {
  const personId = await resolvePersonId(ctx.trx, c.participantId, ctx.cache);
  if (!personId) {
    return {
      opId,
      status: 'HELD',
      heldClass: 'PERSON_NOT_ACCEPTED',
      error: {
        code: 'PERSON_NOT_ACCEPTED',
        message: 'Khoản thu được tạm giữ vì hồ sơ người nộp chưa được trung tâm chấp nhận.',
        messageEn: 'Held until the person is accepted centrally.',
      },
    };
  }
  const schedule = await scheduleFor(ctx, c.referenceVersion);
  if (!schedule)
    return rejected(
      opId,
      'REFERENCE_UNKNOWN',
      `Trung tâm không có bảng mức đóng phiên bản ${c.referenceVersion}.`,
      `Unknown reference version ${c.referenceVersion}.`,
      'referenceVersion',
    );
  // The office's figures are checked on the office's facts — its support category and the
  // province whose top-up it applied —, with the central's record of the person for the lump sum
  // for missing years (its conditions: age and sex). Facts that differ are reviewed below. Other
  // payments leave the person out, so the same question at many offices is computed once.
  const shortfall = c.method === 'lump-sum-shortfall';
  const payer = shortfall ? await centralPerson(ctx, personId) : null;
  const question: QuoteQuestion = {
    scheme: c.scheme,
    paidOn: c.paidOn,
    fromMonth: c.fromMonth,
    months: c.months,
    method: c.method,
    incomeBasis: c.incomeBasis ?? null,
    memberPosition: c.memberPosition ?? null,
    supportCategory: c.supportCategory,
    provinceCode: c.provinceCode ?? c.topUp?.provinceCode ?? null,
    person: payer ? { dateOfBirth: payer.dateOfBirth, sex: payer.sex, provinceCode: payer.provinceCode, facts: payer.facts } : undefined,
    contributedMonths: shortfall ? (c.contributedMonths ?? null) : null,
    supportedMonthsUsed: c.supportedMonthsUsed ?? 0,
    participantId: personId,
  };
  let expected: number;
  try {
    expected = quotedTotal(schedule, question);
  } catch (error) {
    if (error instanceof OfficeError) return rejected(opId, 'VALIDATION', error.message, error.messageEn, error.field);
    throw error;
  }
  if (expected !== c.total) {
    return rejected(
      opId,
      'AMOUNT_MISMATCH',
      `Số tiền ${c.total.toLocaleString('vi-VN')} đ không khớp quy định; số phải thu là ${expected.toLocaleString('vi-VN')} đ.`,
      `Amount ${c.total} does not match the rules; expected ${expected}.`,
      'total',
      { expected },
    );
  }
  const receiptKey = `${c.receipt.series}/${c.receipt.number}`;
  const clash = ctx.cache?.receiptKeysLoaded.has(receiptKey)
    ? ctx.cache.receipts.has(receiptKey)
    : Boolean(
        await ctx.trx
          .selectFrom('contributions')
          .select('id')
          .where('receiptSeries', '=', c.receipt.series)
          .where('receiptNumber', '=', c.receipt.number)
          .executeTakeFirst(),
      );
  if (clash)
    return rejected(
      opId,
      'RECEIPT_NUMBER_TAKEN',
      `Số biên lai ${c.receipt.series}/${c.receipt.number} đã được dùng.`,
      'Receipt number already used in this series.',
      'receipt',
    );
  // The amount follows the rules from the office's facts; are they the central's too? And were
  // these months paid already for this person, at this office or another?
  const facts = await reviewContributionFacts(ctx, schedule, question, personId, c.householdId ?? null, c.total);
  // A lump sum for the months missing to a pension pays no calendar month: never months paid twice (ADR 0036).
  const twice = shortfall
    ? null
    : await reviewPaidMonths(ctx, personId, {
        scheme: c.scheme,
        fromMonth: c.fromMonth,
        months: c.months,
        receiptId: c.receipt.id,
        receipt: receiptKey,
        officeCode: ctx.device.officeCode,
      });
  const review = twice && facts ? bothReviews(twice, facts) : (twice ?? facts);
  const row = contributionRow(c, personId, ctx.device, ctx.sentJson);

  // A person another office registered: that office sees the payment too (ADR 0026).
  const home = await personOffice(ctx, personId);
  const audience = home !== null && home !== ctx.device.officeCode ? { officeCode: home, contributionId: c.id } : null;
  if (ctx.deferred) {
    ctx.deferred.contributions.push(row);
    if (audience) ctx.deferred.audience.push(audience);
  } else {
    await ctx.trx.insertInto('contributions').values(row).execute();
    if (audience)
      await ctx.trx
        .insertInto('contributionAudience')
        .values(audience)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  // Its change is made by the database from the row (contributionChangeSql, batch-finish.ts).
  tellOffices(ctx, { kind: 'contribution', from: { contribution: row.id } }, [ctx.device.officeCode, home]);
  // The person's paid-through month as the central now counts it (its own months included, whether
  // or not the batch's cache already holds them).
  const counted = await paidThroughOf(ctx, personId, c.scheme);
  // A lump sum for the months missing to a pension pays no calendar month (ADR 0036).
  const own = occupiesCalendarMonths(c.method) ? addMonths(c.fromMonth, c.months - 1) : null;
  const paidThrough = own !== null && (counted === null || own > counted) ? own : counted;
  if (paidThrough !== null) {
    await notePayment(ctx, personId, home ?? ctx.device.officeCode, c.scheme, paidThrough);
    tellOffices(ctx, paidThroughChange(personId, c.scheme, paidThrough), [ctx.device.officeCode, home]);
  }
  ctx.cache?.receipts.add(receiptKey);
  if (!review) return { opId, status: 'APPLIED' };
  await ctx.trx
    .insertInto('heldItems')
    .values({ opId, class: review.code, kind: 'contribution.record', payload: JSON.stringify({ ...c, review }), deviceId: ctx.device.id })
    .onConflict((oc) => oc.column('opId').doNothing())
    .execute();
  return { opId, status: 'APPLIED', review };
}

/**
 * A contribution's row as the central stores it: the payload as parsed, for the canonical person, from
 * this device. `sentJson`: the payload's JSON as sent, when it is the parsed payload (same-json.ts).
 */
export function contributionRow(c: OperationPayload<'contribution.record'>, personId: string, device: { id: string; officeCode: string }, sentJson?: string) {
  return {
    id: c.id,
    personId,
    scheme: c.scheme,
    fromMonth: c.fromMonth,
    months: c.months,
    paidOn: c.paidOn,
    total: c.total,
    receiptId: c.receipt.id,
    receiptSeries: c.receipt.series,
    receiptNumber: c.receipt.number,
    officeCode: device.officeCode,
    deviceId: device.id,
    // `{ ...c, participantId: personId, localParticipantId: c.participantId }`
    data:
      sentJson !== undefined
        ? withKeysAtEnd(sentJson, `"participantId":${JSON.stringify(personId)},"localParticipantId":${JSON.stringify(c.participantId)}`)
        : JSON.stringify({ ...c, participantId: personId, localParticipantId: c.participantId }),
    householdId: c.householdId ?? null,
    method: c.method,
    incomeBasis: c.incomeBasis ?? null,
    memberPosition: c.memberPosition ?? null,
    supportedMonths: c.lines.filter((l) => l.supportAmount > 0).length,
    businessDate: c.receipt.businessDate ?? c.paidOn,
    issuedAt: c.receipt.issuedAt ?? null,
    collectorStaffId: c.collectorStaffId ?? null,
    collectorName: c.collectorName ?? null,
  };
}

/** Months paid twice, and facts that differ too: one review, the months first (they decide a refund). */
function bothReviews(twice: OpReview, facts: OpReview): OpReview {
  const rest = (message: string) => message.slice(message.indexOf(' — ') + 3);
  return {
    ...twice,
    message: `${twice.message} Ngoài ra, ${rest(facts.message)}`,
    messageEn: `${twice.messageEn} Also, ${rest(facts.messageEn ?? '')}`,
    details: { ...(twice.details as object), facts: facts.details },
  };
}

export async function voidReceipt(ctx: OpContext, opId: string, payload: OperationPayload<'receipt.void'>): Promise<OpResult> {
  const { receiptId } = payload;
  const row = await ctx.trx
    .selectFrom('contributions')
    .select(['id', 'officeCode', 'personId', 'scheme'])
    .where('receiptId', '=', receiptId)
    .executeTakeFirst();
  if (!row) return rejected(opId, 'NOT_FOUND', 'Trung tâm chưa có biên lai này.', 'Unknown receipt.', 'receiptId');
  if (row.officeCode !== ctx.device.officeCode) {
    return rejected(
      opId,
      'VALIDATION',
      `Biên lai do văn phòng ${row.officeCode} lập; chỉ văn phòng đó được hủy hoặc hoàn trả.`,
      `The receipt was issued by office ${row.officeCode}; only that office may void or refund it.`,
      'receiptId',
    );
  }
  // A receipt is voided once: a second void — another device of the office refunded it too before
  // hearing of the first — is refused with the first, so the money paid out twice is found.
  const earlier = await ctx.trx
    .selectFrom('receiptVoids')
    .leftJoin('devices', 'devices.id', 'receiptVoids.deviceId')
    .select(['receiptVoids.data', 'receiptVoids.deviceId', 'devices.name'])
    .where('receiptVoids.receiptId', '=', receiptId)
    .executeTakeFirst();
  if (earlier) {
    const first = (typeof earlier.data === 'string' ? JSON.parse(earlier.data) : earlier.data) as OperationPayload<'receipt.void'>;
    const where = earlier.name ?? earlier.deviceId ?? '?';
    return {
      opId,
      status: 'REJECTED',
      error: {
        code: 'CONFLICT',
        message: `Biên lai đã được hủy trước đó tại ${where} (${first.voidedByName ?? ''}, ${first.voidedAt.slice(0, 10)}): ${first.reason}${first.refund ? ` — đã chi hoàn trả ${first.refund.amount.toLocaleString('vi-VN')} đ theo phiếu ${first.refund.voucher}` : ''}. Nếu máy này cũng đã chi tiền, cần thu hồi khoản chi thừa.`,
        messageEn: `The receipt was already voided at ${where} on ${first.voidedAt.slice(0, 10)}${first.refund ? ` and refunded (voucher ${first.refund.voucher})` : ''}. If this device paid a refund too, recover it.`,
        field: 'receiptId',
        details: { first: { ...first, deviceId: earlier.deviceId, deviceName: earlier.name } },
      },
    };
  }
  await ctx.trx
    .insertInto('receiptVoids')
    .values({ receiptId, data: JSON.stringify(payload), officeCode: row.officeCode, deviceId: ctx.device.id })
    .execute();
  const home = await personOffice(ctx, row.personId);
  tellOffices(ctx, { kind: 'receipt.voided', payload: voidChange(payload, ctx) }, [ctx.device.officeCode, home]);
  forgetPaidReceipt(ctx, receiptId);
  const paidThrough = await paidThroughOf(ctx, row.personId, row.scheme);
  await noteVoid(ctx, row.personId, home ?? row.officeCode, row.scheme, paidThrough);
  tellOffices(ctx, paidThroughChange(row.personId, row.scheme, paidThrough), [ctx.device.officeCode, home]);
  // A payment flagged for review (months paid twice, facts that differ), refunded — its receipt
  // voided: nothing left to review; a corrected payment is a new one.
  await ctx.trx
    .updateTable('heldItems')
    .set({ status: 'reviewed' })
    .where('class', 'in', ['MONTHS_ALREADY_PAID', 'FACTS_DIFFER'])
    .where('status', '=', 'open')
    .where(sql<string>`payload->'receipt'->>'id'`, '=', receiptId)
    .execute();
  await settleLaterPayments(ctx, receiptId);
  return { opId, status: 'APPLIED' };
}

/**
 * Payments flagged because this receipt paid their months first: once every receipt a flag named
 * is voided (refunded at its own office), the later payment stands alone — its item is marked
 * reviewed, and its office is told through the pull feed (`review.settled`) so its inbox closes
 * too. A flag that also says the facts differ is left for a person to look at.
 */
async function settleLaterPayments(ctx: OpContext, receiptId: string): Promise<void> {
  const flagged = await ctx.trx
    .selectFrom('heldItems')
    .innerJoin('devices', 'devices.id', 'heldItems.deviceId')
    .innerJoin('offices', 'offices.code', 'devices.officeCode')
    .select(['heldItems.opId', 'heldItems.payload', 'offices.provinceCode'])
    .where('heldItems.class', '=', 'MONTHS_ALREADY_PAID')
    .where('heldItems.status', '=', 'open')
    .where(sql<boolean>`held_items.payload->'review'->'details'->'paid' @> ${JSON.stringify([{ receiptId }])}::jsonb`)
    .execute();
  for (const item of flagged) {
    const payload = (typeof item.payload === 'string' ? JSON.parse(item.payload) : item.payload) as {
      review: { details: { paid: { receiptId: string; receipt: string; officeCode: string }[]; facts?: unknown } };
    };
    const { paid, facts } = payload.review.details;
    if (facts !== undefined) continue;
    const voided = await ctx.trx
      .selectFrom('receiptVoids')
      .select('receiptId')
      .where(
        'receiptId',
        'in',
        paid.map((p) => p.receiptId),
      )
      .execute();
    if (voided.length < new Set(paid.map((p) => p.receiptId)).size) continue;
    await ctx.trx.updateTable('heldItems').set({ status: 'reviewed' }).where('opId', '=', item.opId).execute();
    ctx.changes.push({
      kind: 'review.settled',
      provinceCode: item.provinceCode,
      payload: { opId: item.opId, code: 'MONTHS_ALREADY_PAID', refunded: paid.map(({ receipt, officeCode }) => ({ receipt, officeCode })) },
    });
  }
}

export async function closeDay(ctx: OpContext, opId: string, payload: OperationPayload<'day.close'>): Promise<OpResult> {
  const { businessDate } = payload;
  // A later closure of the same date (after a reopen) replaces the earlier one.
  await ctx.trx
    .insertInto('dayClosures')
    .values({ deviceId: ctx.device.id, businessDate, data: JSON.stringify(payload) })
    .onConflict((oc) => oc.columns(['deviceId', 'businessDate']).doUpdateSet({ data: JSON.stringify(payload) }))
    .execute();
  tellOffices(ctx, { kind: 'day.closed', payload: dayClosedChange(payload, ctx) }, [ctx.device.officeCode]);
  return { opId, status: 'APPLIED' };
}
