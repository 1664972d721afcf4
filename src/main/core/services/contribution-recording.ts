// Writes one payment inside the caller's transaction: the contribution, its receipt with the next
// gap-free number of this device's series, the enrollment a first payment makes, one outbox entry
// and one audit entry. A single payment (contribution-service) and a household's payment for
// several members (household-payment-service) both write through here, so a receipt is the same
// whichever way it was taken.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { OfficeError } from '../../../shared/contract/errors';
import type { contribution, Quote, Receipt } from '../../../shared/contract/contribution';
import type { z } from 'zod';
import { amountInWords } from '../../../shared/domain/amount-in-words';
import type { Caller } from '../core-context';
import { logMutation } from '../db/mutation-log';
import * as contributions from '../db/repositories/contributions-repository';
import { findOffice } from '../db/repositories/office-repository';
import type { ParticipantRow } from '../db/repositories/participants-repository';
import { deviceSeries, receiptLabel, takeReceiptNumber } from '../db/repositories/receipt-numbers';
import { placeNames } from '../db/repositories/reference-repository';
import { staffFullName } from '../db/repositories/staff-repository';
import type { Database } from '../db/schema';
import { enrollmentFromPayment, writeEnrollment } from './enrollment-service';

/** A quote as the core computed it inside the transaction, with what recording needs besides. */
export type RecordableQuote = Quote & {
  supportedMonthsUsed: number;
  person: ParticipantRow;
  enrolled: boolean;
  /** The shortfall lump sum: the months contributed it was priced on, and the SI book's figure the clerk typed (ADR 0036). */
  contributedMonths: number | null;
  contributedMonthsFromBook?: number | null;
};

/** A payment as the contract lists it (contributions.listForParticipant, recordOutput). */
export type ContributionView = z.infer<typeof contribution>;

/** Who issues the receipts of one transaction: the office, this device's series, the collector. */
export interface Issuer {
  office: { code: string; name: string; deviceId: string };
  series: string;
  collectorName: string;
}

export async function issuerOf(trx: Transaction<Database>, caller: Caller): Promise<Issuer> {
  const office = await findOffice(trx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  return { office, series: deviceSeries(office.code, office.deviceId), collectorName: (await staffFullName(trx, caller.staffId!)) ?? '' };
}

/**
 * Writes the payment `quote` describes (already checked against what the clerk showed). Everything
 * the answer shows is known when the transaction commits, so nothing is read back.
 */
export async function writeContribution(
  trx: Transaction<Database>,
  caller: Caller,
  issuer: Issuer,
  quote: RecordableQuote,
  when: { at: string; today: string },
): Promise<{ contribution: ContributionView; receipt: Receipt }> {
  const { at, today } = when;
  const contributionId = uuidv7();
  const receiptId = uuidv7();
  const person = quote.person;
  const { office, series } = issuer;
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
    supportRule: JSON.stringify({ support: quote.support, topUp: quote.topUp, provisional: quote.provisional }),
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
    collectorName: issuer.collectorName,
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
        // The category the office derived from the payer's facts for this scheme and date; the rule and top-up it applied.
        supportCategory: quote.support?.category ?? 'other',
        support: quote.support,
        topUp: quote.topUp,
        provinceCode: person.provinceCode,
        contributedMonths: quote.contributedMonths,
        ...(quote.contributedMonthsFromBook != null ? { contributedMonthsFromBook: quote.contributedMonthsFromBook } : {}),
        supportedMonthsUsed: quote.supportedMonthsUsed,
        paidOn: quote.paidOn,
        total: quote.total,
        lines: quote.lines,
        referenceVersion: quote.referenceVersion,
        collectorStaffId: caller.staffId,
        collectorName: issuer.collectorName,
        receipt: { id: receiptId, series, number, businessDate: today, issuedAt: at },
      },
    },
  });
  const label = receiptLabel(series, number);
  const { supportedMonths: _supported, lines: _lines, supportRule: _rule, collectorStaffId: _collector, ...view } = contributionRow;
  return {
    contribution: {
      ...view,
      receiptLabel: label,
      voided: false,
      refundedOn: null,
      takenOn: { thisDevice: true, deviceId: null, deviceName: null, collectorName: issuer.collectorName, officeCode: office.code },
    },
    receipt: {
      ...receiptRow,
      label,
      officeCode: office.code,
      method: quote.method,
      incomeBasis: quote.incomeBasis,
      memberPosition: quote.memberPosition,
      lines: quote.lines,
      referenceVersion: quote.referenceVersion,
      support: quote.support,
      topUp: quote.topUp,
      provisional: quote.provisional,
      void: null,
      printCount: 0,
    },
  };
}

async function addressOf(db: Transaction<Database>, person: { addressLine: string; communeCode: string; provinceCode: string }): Promise<string> {
  const place = await placeNames(db, person.provinceCode, person.communeCode);
  return [person.addressLine, place.commune, place.province].filter(Boolean).join(', ');
}
