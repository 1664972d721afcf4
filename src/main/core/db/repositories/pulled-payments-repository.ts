// Payments the office's other devices took, as pulled (ADR 0026), and the voids made elsewhere:
// SQL only. A pulled payment is written once, by id, and never changed; the voids of every
// receipt — this device's or pulled — are in one table (`receipt_voids`, `source_device_id` NULL
// for this device's own), so "voided" means one thing everywhere.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ChangePayload } from '../../../../shared/sync/changes';
import { occupiesCalendarMonths } from '../../../../shared/domain/months-contributed';
import { addMonths } from '../../../../shared/domain/payment-periods';
import { bulkInsert } from '../bulk-insert';
import { preparedQuery } from '../prepared-query';
import type { Database, PulledContributionsTable } from '../schema';
import { receiptLabel } from './receipt-numbers';
import { jsonList } from '../json-list';

type Db = Kysely<Database> | Transaction<Database>;

export const pulledColumns = [
  'id',
  'participantId',
  'householdId',
  'scheme',
  'method',
  'fromMonth',
  'toMonth',
  'months',
  'incomeBasis',
  'memberPosition',
  'paidOn',
  'businessDate',
  'total',
  'supportedMonths',
  'receiptId',
  'receiptSeries',
  'receiptNumber',
  'issuedAt',
  'officeCode',
  'sourceDeviceId',
  'collectorStaffId',
  'collectorName',
] as const satisfies readonly (keyof PulledContributionsTable)[];

// Each row's values in the columns' order, read by name in one function (five million rows a picture;
// pulled-row-values.test.ts holds the two lists together).
export const pulledValues = (r: PulledContributionsTable): unknown[] => [
  r.id,
  r.participantId,
  r.householdId,
  r.scheme,
  r.method,
  r.fromMonth,
  r.toMonth,
  r.months,
  r.incomeBasis,
  r.memberPosition,
  r.paidOn,
  r.businessDate,
  r.total,
  r.supportedMonths,
  r.receiptId,
  r.receiptSeries,
  r.receiptNumber,
  r.issuedAt,
  r.officeCode,
  r.sourceDeviceId,
  r.collectorStaffId,
  r.collectorName,
];

const insertPulled = bulkInsert<PulledContributionsTable>('pulled_contributions', pulledColumns, pulledValues, true);

export function pulledRow(p: ChangePayload<'contribution'>): PulledContributionsTable {
  return {
    id: p.id,
    participantId: p.participantId,
    householdId: p.householdId,
    scheme: p.scheme,
    method: p.method,
    fromMonth: p.fromMonth,
    // A lump sum for the months missing to a pension is stored in the month it was paid (ADR 0036).
    toMonth: occupiesCalendarMonths(p.method) ? addMonths(p.fromMonth, p.months - 1) : p.fromMonth,
    months: p.months,
    incomeBasis: p.incomeBasis,
    memberPosition: p.memberPosition,
    paidOn: p.paidOn,
    businessDate: p.businessDate,
    total: p.total,
    supportedMonths: p.supportedMonths,
    receiptId: p.receipt.id,
    receiptSeries: p.receipt.series,
    receiptNumber: p.receipt.number,
    issuedAt: p.issuedAt,
    officeCode: p.officeCode,
    sourceDeviceId: p.deviceId,
    collectorStaffId: p.collectorStaffId,
    collectorName: p.collectorName,
  };
}

/**
 * Stores pulled payments, each once; a payment whose receipt this device issued itself (a copy
 * restored from a backup hears of its own old work) stays only as its own.
 */
export async function insertPulledContributions(db: Db, rows: PulledContributionsTable[]): Promise<void> {
  if (rows.length === 0) return;
  // This device's own receipts among them (a page of its own payments pulled back): one statement,
  // the ids as one JSON parameter — not a query built with hundreds of values, 10 000 times a fill.
  const { rows: held } = await sql<{ id: string }>`SELECT id FROM receipts WHERE id IN ${jsonList(rows.map((r) => r.receiptId))}`.execute(db);
  const own = new Set(held.map((r) => r.id));
  await insertPulled.run(db, own.size === 0 ? rows : rows.filter((r) => !own.has(r.receiptId)));
}

/** A void made on another device (of a receipt of this device or a pulled one); the first void of a receipt stands. */
export async function insertVoidFromElsewhere(db: Db, v: ChangePayload<'receipt.voided'>): Promise<boolean> {
  const result = await db
    .insertInto('receiptVoids')
    .values({
      id: v.voidId,
      receiptId: v.receiptId,
      reason: v.reason,
      voidedBy: v.voidedBy,
      voidedAt: v.voidedAt,
      businessDate: v.businessDate,
      refundPaidBy: v.refund?.paidOutBy ?? null,
      refundVoucherSeries: null,
      refundVoucherNumber: null,
      voidedByName: v.voidedByName,
      refundPaidByName: v.refund?.paidOutByName ?? null,
      refundAmount: v.refund?.amount ?? null,
      refundVoucher: v.refund?.voucher ?? null,
      sourceDeviceId: v.deviceId,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

type Periods = Pick<PulledContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths' | 'receiptId' | 'method' | 'months'>;

/** The periods pulled payments of one record paid in a scheme (receipt not voided), from the covering index. */
export const pulledPaidPeriods = preparedQuery<{ participantId: string; scheme: 'VSI' | 'HHI' }, Periods>((db, arg) =>
  db
    .selectFrom('pulledContributions')
    .select([
      'pulledContributions.fromMonth',
      'pulledContributions.toMonth',
      'pulledContributions.supportedMonths',
      'pulledContributions.receiptId',
      'pulledContributions.method',
      'pulledContributions.months',
    ])
    .where('pulledContributions.participantId', '=', arg('participantId'))
    .where('pulledContributions.scheme', '=', arg('scheme'))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('receiptVoids').select('receiptVoids.id').whereRef('receiptVoids.receiptId', '=', 'pulledContributions.receiptId'))),
    ),
);

/** Pulled payments with their void (if any) and the name of the device that took them. */
function pulledWithVoids(db: Db) {
  return db
    .selectFrom('pulledContributions')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'pulledContributions.receiptId')
    .leftJoin('officeDevices', 'officeDevices.id', 'pulledContributions.sourceDeviceId')
    .selectAll('pulledContributions')
    .select([
      'officeDevices.name as deviceName',
      'receiptVoids.id as voidId',
      'receiptVoids.reason as voidReason',
      'receiptVoids.voidedAt',
      'receiptVoids.voidedBy',
      'receiptVoids.voidedByName',
      'receiptVoids.businessDate as voidDate',
      'receiptVoids.refundPaidBy',
      'receiptVoids.refundPaidByName',
      'receiptVoids.refundVoucher',
      'receiptVoids.refundVoucherSeries',
      'receiptVoids.refundVoucherNumber',
      'receiptVoids.sourceDeviceId as voidDeviceId',
    ]);
}

export type PulledPaymentRow = Awaited<ReturnType<ReturnType<typeof pulledWithVoids>['execute']>>[number];

/** The pulled payments of these records (one person's), latest period first. */
export function listPulledContributions(db: Db, participantIds: string[]): Promise<PulledPaymentRow[]> {
  return pulledWithVoids(db)
    .where('pulledContributions.participantId', 'in', participantIds)
    .orderBy('pulledContributions.fromMonth', 'desc')
    .orderBy('pulledContributions.issuedAt', 'desc')
    .execute();
}

export function findPulledByReceipt(db: Db, receiptId: string): Promise<PulledPaymentRow | undefined> {
  return pulledWithVoids(db).where('pulledContributions.receiptId', '=', receiptId).executeTakeFirst();
}

/** The pulled payment of a receipt (its label, device and collector), for a refusal that names where months were paid. */
export function pulledLabel(row: Pick<PulledContributionsTable, 'receiptSeries' | 'receiptNumber'>): string {
  return receiptLabel(row.receiptSeries, row.receiptNumber);
}

/**
 * Each other device's takings on a business day, by collector: receipts issued (a void made while
 * that day was open on its device takes one out; a refund made later does not — the day's cash was
 * counted with it), as pulled.
 */
export async function pulledTakingsOfDay(db: Db, day: string) {
  const rows = await db
    .selectFrom('pulledContributions')
    .leftJoin('receiptVoids', (join) => join.onRef('receiptVoids.receiptId', '=', 'pulledContributions.receiptId').on('receiptVoids.refundPaidBy', 'is', null))
    .select((eb) => [
      'pulledContributions.sourceDeviceId as deviceId',
      'pulledContributions.collectorStaffId as staffId',
      eb.fn.max('pulledContributions.collectorName').as('fullName'),
      eb.fn.countAll<number>().as('receiptCount'),
      eb.fn.count<number>('receiptVoids.id').as('voidedCount'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb.case().when('receiptVoids.id', 'is', null).then(eb.ref('pulledContributions.total')).else(0).end()), eb.lit(0))
        .as('total'),
    ])
    .where('pulledContributions.businessDate', '=', day)
    .where('pulledContributions.officeCode', '=', (eb) => eb.selectFrom('office').select('code').limit(1))
    .groupBy(['pulledContributions.sourceDeviceId', 'pulledContributions.collectorStaffId'])
    .execute();
  return rows.map((r) => ({ ...r, receiptCount: Number(r.receiptCount), voidedCount: Number(r.voidedCount), total: Number(r.total) }));
}

/** Refunds other devices paid out on a day, by device and the staff member whose cash paid them. */
export async function refundsElsewhereOfDay(db: Db, day: string) {
  const rows = await db
    .selectFrom('receiptVoids')
    .select((eb) => [
      'receiptVoids.sourceDeviceId as deviceId',
      'receiptVoids.refundPaidBy as staffId',
      eb.fn.max('receiptVoids.refundPaidByName').as('fullName'),
      eb.fn.countAll<number>().as('refundCount'),
      eb.fn.coalesce(eb.fn.sum<number>('receiptVoids.refundAmount'), eb.lit(0)).as('refundTotal'),
    ])
    .where('receiptVoids.businessDate', '=', day)
    .where('receiptVoids.sourceDeviceId', 'is not', null)
    .where('receiptVoids.refundPaidBy', 'is not', null)
    .groupBy(['receiptVoids.sourceDeviceId', 'receiptVoids.refundPaidBy'])
    .execute();
  return rows.map((r) => ({ ...r, deviceId: r.deviceId!, staffId: r.staffId!, refundCount: Number(r.refundCount), refundTotal: Number(r.refundTotal) }));
}

/** The pulled payments of a household's members (its page shows who paid where). */
export function pulledForHousehold(db: Db, householdId: string): Promise<PulledPaymentRow[]> {
  return pulledWithVoids(db).where('pulledContributions.householdId', '=', householdId).orderBy('pulledContributions.fromMonth', 'desc').execute();
}

/** How many pulled payments this device holds (the Sync page; tests). */
export async function countPulled(db: Db): Promise<number> {
  const row = await db
    .selectFrom('pulledContributions')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One collector's days on another device between two dates: receipts, their total (as the day-end
 * counts it), the refunds they paid out, and what they owe (total − refunds), as pulled.
 */
export async function collectorDays(db: Db, deviceId: string, staffId: string, from: string, to: string) {
  const takings = await db
    .selectFrom('pulledContributions')
    .leftJoin('receiptVoids', (join) => join.onRef('receiptVoids.receiptId', '=', 'pulledContributions.receiptId').on('receiptVoids.refundPaidBy', 'is', null))
    .select((eb) => [
      'pulledContributions.businessDate',
      eb.fn.max('pulledContributions.collectorName').as('fullName'),
      eb.fn.countAll<number>().as('receiptCount'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb.case().when('receiptVoids.id', 'is', null).then(eb.ref('pulledContributions.total')).else(0).end()), eb.lit(0))
        .as('total'),
    ])
    .where('pulledContributions.sourceDeviceId', '=', deviceId)
    .where('pulledContributions.collectorStaffId', '=', staffId)
    .where('pulledContributions.businessDate', '>=', from)
    .where('pulledContributions.businessDate', '<=', to)
    .groupBy('pulledContributions.businessDate')
    .execute();
  const refunds = await db
    .selectFrom('receiptVoids')
    .select((eb) => [
      'receiptVoids.businessDate',
      eb.fn.max('receiptVoids.refundPaidByName').as('fullName'),
      eb.fn.coalesce(eb.fn.sum<number>('receiptVoids.refundAmount'), eb.lit(0)).as('refundTotal'),
    ])
    .where('receiptVoids.sourceDeviceId', '=', deviceId)
    .where('receiptVoids.refundPaidBy', '=', staffId)
    .where('receiptVoids.businessDate', '>=', from)
    .where('receiptVoids.businessDate', '<=', to)
    .groupBy('receiptVoids.businessDate')
    .execute();
  const days = new Map<string, { businessDate: string; fullName: string | null; receiptCount: number; total: number; refundTotal: number; expected: number }>();
  for (const t of takings)
    days.set(t.businessDate, {
      businessDate: t.businessDate,
      fullName: t.fullName,
      receiptCount: Number(t.receiptCount),
      total: Number(t.total),
      refundTotal: 0,
      expected: 0,
    });
  for (const r of refunds) {
    const d = days.get(r.businessDate) ?? { businessDate: r.businessDate, fullName: r.fullName, receiptCount: 0, total: 0, refundTotal: 0, expected: 0 };
    d.refundTotal = Number(r.refundTotal);
    days.set(r.businessDate, d);
  }
  return [...days.values()].map((d) => ({ ...d, expected: d.total - d.refundTotal })).sort((a, b) => (a.businessDate < b.businessDate ? -1 : 1));
}
