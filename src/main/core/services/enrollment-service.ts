// Enrollment in a scheme: VSI with a chosen income and payment method; HHI through the person's
// household. The enrollment knows what is owed next: the first month after the last paid one.
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { Enrollment, PaymentMethod } from '../../../shared/contract/contribution';
import type { Caller, CoreContext } from '../core-context';
import { nowIso } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as contributions from '../db/repositories/contributions-repository';
import { findParticipant, samePersonRecords } from '../db/repositories/participants-repository';
import { centralPaidThrough } from '../db/repositories/paid-through-repository';
import type { Database, EnrollmentsTable } from '../db/schema';
import type { Transaction } from 'kysely';
import { computeQuote, deadlineFor, nextDue } from './contribution-rules';
import { activeSchedule } from './reference-schedule-store';
import { businessDate } from '../../../shared/domain/business-date';
import { occupiesCalendarMonths } from '../../../shared/domain/months-contributed';

async function toEnrollment(ctx: CoreContext, row: EnrollmentsTable): Promise<Enrollment> {
  const paid = await contributions.paidContributions(ctx.db, { id: row.participantId }, row.scheme);
  // A lump sum for the months missing to a pension pays no calendar month (ADR 0036): it moves no period on.
  const held = paid.reduce<string | null>((last, c) => (occupiesCalendarMonths(c.method) && (last === null || c.toMonth > last) ? c.toMonth : last), null);
  // The central's count as of the last pull covers payments this device does not hold (ADR 0035).
  const central = await centralPaidThrough(ctx.db, await samePersonRecords(ctx.db, { id: row.participantId }), row.scheme);
  const lastPaidMonth = central && (held === null || central > held) ? central : held;
  const method = row.method as PaymentMethod;
  const due = nextDue(row.scheme, method, row.fromMonth, lastPaidMonth);
  return {
    id: row.id,
    participantId: row.participantId,
    scheme: row.scheme,
    method,
    incomeBasis: row.incomeBasis,
    fromMonth: row.fromMonth,
    status: row.status,
    nextDue: { ...due, deadline: deadlineFor(method, due.fromMonth) },
    lastPaidMonth,
  };
}

export async function enroll(
  ctx: CoreContext,
  caller: Caller,
  input: { participantId: string; scheme: 'VSI' | 'HHI'; method: PaymentMethod; incomeBasis?: number | undefined; fromMonth: string },
): Promise<Enrollment> {
  const at = nowIso(ctx);
  if (input.scheme === 'VSI' && input.incomeBasis === undefined) {
    throw new OfficeError('VALIDATION', { field: 'incomeBasis', vi: 'Nhập mức thu nhập lựa chọn để đóng BHXH tự nguyện.', en: 'Choose an income for VSI.' });
  }
  if (input.scheme === 'HHI' && !['quarterly', 'semiannual', 'annual'].includes(input.method)) {
    throw new OfficeError('VALIDATION', { field: 'method', vi: 'BHYT hộ gia đình đóng theo 3, 6 hoặc 12 tháng.', en: 'HHI is paid for 3, 6 or 12 months.' });
  }
  if (input.scheme === 'VSI' && input.incomeBasis !== undefined) {
    // Refuse an income no payment could use today (same rule and message as a quote), rather than
    // at the counter later.
    computeQuote(await activeSchedule(ctx.db), {
      scheme: 'VSI',
      paidOn: businessDate(ctx.clock.now()),
      fromMonth: input.fromMonth,
      months: 1,
      method: 'monthly',
      incomeBasis: input.incomeBasis,
      memberPosition: null,
      supportCategory: 'other',
      supportedMonthsUsed: 0,
      participantId: input.participantId,
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const person = await findParticipant(trx, input.participantId);
    if (!person) throw new OfficeError('NOT_FOUND', { field: 'participantId' });
    if (input.scheme === 'HHI' && !person.householdId) {
      throw new OfficeError('VALIDATION', { field: 'scheme', vi: 'Cần lập hộ gia đình trước khi tham gia BHYT hộ gia đình.', en: 'Create a household first.' });
    }
    const existing = await contributions.findEnrollment(trx, person.id, input.scheme);
    const row: EnrollmentsTable = {
      id: existing?.id ?? uuidv7(),
      participantId: person.id,
      scheme: input.scheme,
      method: input.method,
      incomeBasis: input.scheme === 'VSI' ? (input.incomeBasis ?? null) : null,
      fromMonth: existing?.fromMonth ?? input.fromMonth,
      status: 'active',
      version: (existing?.version ?? 0) + 1,
      createdBy: existing?.createdBy ?? caller.staffId,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    await writeEnrollment(trx, caller, row);
  });
  const saved = await contributions.findEnrollment(ctx.db, input.participantId, input.scheme);
  return toEnrollment(ctx, saved!);
}

/** Saves an enrollment with its outbox and audit entries (inside the caller's transaction). */
export async function writeEnrollment(trx: Transaction<Database>, caller: Caller, row: EnrollmentsTable): Promise<void> {
  await contributions.upsertEnrollment(trx, row);
  await logMutation(trx, { at: row.updatedAt, staffId: caller.staffId, operation: { kind: 'enrollment.set', payload: row } });
}

/**
 * The enrollment a first payment makes when the person had none in that scheme (a clerk who takes
 * the money without enrolling first): the method, income and first month of that payment, so the
 * person shows as enrolled with the next period due rather than as paid but not taking part.
 */
export function enrollmentFromPayment(
  caller: Caller,
  at: string,
  payment: { participantId: string; scheme: 'VSI' | 'HHI'; method: PaymentMethod; incomeBasis: number | null; fromMonth: string },
): EnrollmentsTable {
  return {
    id: uuidv7(),
    participantId: payment.participantId,
    scheme: payment.scheme,
    method: payment.method,
    incomeBasis: payment.scheme === 'VSI' ? payment.incomeBasis : null,
    fromMonth: payment.fromMonth,
    status: 'active',
    version: 1,
    createdBy: caller.staffId,
    createdAt: at,
    updatedAt: at,
  };
}

export async function listEnrollmentsFor(ctx: CoreContext, participantId: string): Promise<{ items: Enrollment[] }> {
  const rows = await contributions.listEnrollments(ctx.db, participantId);
  return { items: await Promise.all(rows.map((r) => toEnrollment(ctx, r))) };
}
