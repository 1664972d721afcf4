// A person's (or a household's) payments as the office knows them (ADR 0026): those taken on this
// device, on the same person's other records here, and those pulled from the office's other
// devices (or another office, for a person of this one), each saying where it was taken — the
// device's name and who collected — so a clerk sees "Quầy 2 · Nguyễn Văn A · biên lai …" before
// taking money for the same months.
import type { Contribution } from '../../../shared/contract/contribution';
import type { CoreContext } from '../core-context';
import * as contributions from '../db/repositories/contributions-repository';
import { samePersonRecords } from '../db/repositories/participants-repository';
import { listPulledContributions, type PulledPaymentRow, pulledForHousehold, pulledLabel } from '../db/repositories/pulled-payments-repository';
import { receiptLabel } from '../db/repositories/receipt-numbers';
import { requireOfficeRow } from '../db/repositories/office-repository';

type OwnRow = Awaited<ReturnType<typeof contributions.listContributions>>[number];

function ownView(row: OwnRow, officeCode: string): Contribution {
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
    takenOn: { thisDevice: true, deviceId: null, deviceName: null, collectorName: row.collectorName, officeCode },
  };
}

/** A pulled payment, under the local record `participantId` stands for here (the person asked about). */
export function pulledView(row: PulledPaymentRow, participantId: string): Contribution {
  return {
    id: row.id,
    participantId,
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
    referenceVersion: '',
    receiptId: row.receiptId,
    receiptLabel: pulledLabel(row),
    voided: row.voidId !== null,
    refundedOn: row.refundPaidBy ? row.voidDate : null,
    createdAt: row.issuedAt ?? row.paidOn,
    takenOn: { thisDevice: false, deviceId: row.sourceDeviceId, deviceName: row.deviceName, collectorName: row.collectorName, officeCode: row.officeCode },
  };
}

const latestFirst = (a: Contribution, b: Contribution) =>
  a.fromMonth !== b.fromMonth ? (a.fromMonth < b.fromMonth ? 1 : -1) : a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;

async function officeCode(ctx: CoreContext): Promise<string> {
  return (await requireOfficeRow(ctx.db)).code;
}

/**
 * A person's payments, with those taken on the other records of the same person (participantId
 * tells which) and those the office's other devices took (`takenOn`), latest period first.
 */
export async function listContributionsFor(ctx: CoreContext, participantId: string): Promise<{ items: Contribution[] }> {
  const records = await samePersonRecords(ctx.db, { id: participantId });
  const code = await officeCode(ctx);
  const own = (await contributions.listContributions(ctx.db, records)).map((r) => ownView(r, code));
  // A pulled payment is of the central's person, which is the person asked about.
  const pulled = (await listPulledContributions(ctx.db, records)).map((r) => pulledView(r, participantId));
  return { items: [...own, ...pulled].sort(latestFirst) };
}

/** The payments the office's other devices took for a household's members (its page shows them beside its own). */
export async function pulledPaymentsOfHousehold(ctx: CoreContext, householdId: string): Promise<Contribution[]> {
  return (await pulledForHousehold(ctx.db, householdId)).map((r) => pulledView(r, r.participantId));
}
