// Enrollments, contributions and receipts: SQL only. Paid periods are read from contributions
// whose receipt is not voided.
import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { preparedInsert, preparedQuery } from '../prepared-query';
import { samePersonRecords } from './participants-repository';
import { pulledPaidPeriods } from './pulled-payments-repository';
import { forgetPaidThrough } from './paid-through-repository';
import { receiptLabel } from './receipt-numbers';
import type { ContributionsTable, Database, EnrollmentsTable, ReceiptPrintsTable, ReceiptsTable, ReceiptVoidsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

const enrollmentOf = preparedQuery<{ participantId: string; scheme: 'VSI' | 'HHI' }, EnrollmentsTable>((db, arg) =>
  db.selectFrom('enrollments').selectAll().where('participantId', '=', arg('participantId')).where('scheme', '=', arg('scheme')),
);

export function findEnrollment(db: Db, participantId: string, scheme: 'VSI' | 'HHI'): Promise<EnrollmentsTable | undefined> {
  return enrollmentOf.executeTakeFirst(db, { participantId, scheme });
}

export function listEnrollments(db: Db, participantId: string): Promise<EnrollmentsTable[]> {
  return db.selectFrom('enrollments').selectAll().where('participantId', '=', participantId).orderBy('scheme').execute();
}

export async function upsertEnrollment(db: Db, row: EnrollmentsTable): Promise<void> {
  await db
    .insertInto('enrollments')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['participantId', 'scheme']).doUpdateSet({
        method: row.method,
        incomeBasis: row.incomeBasis,
        fromMonth: row.fromMonth,
        status: row.status,
        version: row.version,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

/** A period paid in a scheme: by this device's receipt, or a pulled one (another device of the office, ADR 0026). */
export type PaidPeriod = Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths' | 'receiptId' | 'method' | 'months'> & { pulled: boolean };

const paidPeriods = preparedQuery<
  { participantId: string; scheme: 'VSI' | 'HHI' },
  Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths' | 'receiptId' | 'method' | 'months'>
>((db, arg) =>
  db
    .selectFrom('contributions')
    .select([
      'contributions.fromMonth',
      'contributions.toMonth',
      'contributions.supportedMonths',
      'contributions.receiptId',
      'contributions.method',
      'contributions.months',
    ])
    .where('contributions.participantId', '=', arg('participantId'))
    .where('contributions.scheme', '=', arg('scheme'))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('receiptVoids').select('receiptVoids.id').whereRef('receiptVoids.receiptId', '=', 'contributions.receiptId'))),
    )
    .orderBy('contributions.fromMonth'),
);

/**
 * The periods a person has paid (receipt not voided) in a scheme, oldest first, on any of their
 * records here (samePersonRecords: months paid on a linked record are paid) and wherever in the
 * office they were paid as of the last pull (pulled payments, ADR 0026). Read from covering indexes
 * alone (`contributions_paid_periods`, migrations 0006 and 0030; `pulled_contributions_paid_periods`,
 * migrations 0023 and 0030): a regular payer has dozens of contributions, and the rows carry line
 * breakdowns. A lump sum for the months missing to a pension is among them but pays no calendar
 * month (`occupiesCalendarMonths`, ADR 0036): callers asking which months are paid leave it out.
 */
export async function paidContributions(db: Db, participant: { id: string; canonicalId?: string | null }, scheme: 'VSI' | 'HHI'): Promise<PaidPeriod[]> {
  const records = await samePersonRecords(db, participant);
  const all: PaidPeriod[] = [];
  for (const id of records) {
    for (const p of await paidPeriods.execute(db, { participantId: id, scheme })) all.push({ ...p, pulled: false });
    for (const p of await pulledPaidPeriods.execute(db, { participantId: id, scheme })) all.push({ ...p, pulled: true });
  }
  return all.sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : 0));
}

/** The payments of these records (one person's records linked through the central), latest period first. */
export function listContributions(db: Db, participantIds: string[]) {
  return db
    .selectFrom('contributions')
    .innerJoin('receipts', 'receipts.id', 'contributions.receiptId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
    .selectAll('contributions')
    .select([
      'receipts.series',
      'receipts.number',
      'receipts.collectorName',
      'receiptVoids.id as voidId',
      'receiptVoids.refundPaidBy',
      'receiptVoids.businessDate as voidDate',
    ])
    .where('contributions.participantId', 'in', participantIds)
    .orderBy('contributions.fromMonth', 'desc')
    .orderBy('contributions.createdAt', 'desc')
    .execute();
}

const contributionInsert = preparedInsert<'contributions', ContributionsTable>('contributions', {
  id: true,
  participantId: true,
  householdId: true,
  scheme: true,
  method: true,
  fromMonth: true,
  toMonth: true,
  months: true,
  incomeBasis: true,
  memberPosition: true,
  paidOn: true,
  total: true,
  supportedMonths: true,
  lines: true,
  supportRule: true,
  referenceVersion: true,
  collectorStaffId: true,
  receiptId: true,
  createdAt: true,
});

const receiptInsert = preparedInsert<'receipts', ReceiptsTable>('receipts', {
  id: true,
  series: true,
  number: true,
  contributionId: true,
  participantId: true,
  payerName: true,
  payerPersonalId: true,
  payerAddress: true,
  scheme: true,
  periodFrom: true,
  periodTo: true,
  months: true,
  amount: true,
  amountWords: true,
  collectorStaffId: true,
  collectorName: true,
  officeName: true,
  issuedAt: true,
  businessDate: true,
});

/** Whom a payment was for, and the household it was paid as a member of. */
export function findContributionPayer(db: Db, id: string): Promise<{ participantId: string; householdId: string | null } | undefined> {
  return db.selectFrom('contributions').select(['participantId', 'householdId']).where('id', '=', id).executeTakeFirst();
}

export async function insertContribution(db: Db, row: ContributionsTable): Promise<void> {
  await contributionInsert.execute(db, row);
}

export async function insertReceipt(db: Db, row: ReceiptsTable): Promise<void> {
  await receiptInsert.execute(db, row);
}

/**
 * A receipt's void, if any: who, when, why, and — for a refund of a closed day's receipt — the day
 * paid out and by whom. A void made on another device of the office names its staff as that device
 * knew them (`voidedByName`, `refundPaidByName` on the void), and says which device (ADR 0026).
 */
const voidColumns = (eb: ExpressionBuilder<VoidJoins, 'receiptVoids' | 'voider' | 'refunder'>) => [
  eb.ref('receiptVoids.reason').as('voidReason'),
  eb.ref('receiptVoids.voidedBy').as('voidedBy'),
  eb.ref('receiptVoids.voidedAt').as('voidedAt'),
  eb.fn.coalesce('voider.fullName', 'receiptVoids.voidedByName').as('voidedByName'),
  eb.ref('receiptVoids.businessDate').as('voidDate'),
  eb.ref('receiptVoids.refundPaidBy').as('refundPaidBy'),
  eb.fn.coalesce('refunder.fullName', 'receiptVoids.refundPaidByName').as('refundPaidByName'),
  eb.ref('receiptVoids.refundVoucherSeries').as('refundVoucherSeries'),
  eb.ref('receiptVoids.refundVoucherNumber').as('refundVoucherNumber'),
  eb.ref('receiptVoids.refundVoucher').as('refundVoucher'),
  eb.ref('receiptVoids.sourceDeviceId').as('voidDeviceId'),
];

type VoidJoins = Database & { voider: Database['staff']; refunder: Database['staff'] };

export function findReceipt(db: Db, id: string) {
  return db
    .selectFrom('receipts')
    .innerJoin('contributions', 'contributions.id', 'receipts.contributionId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .leftJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .leftJoin('staff as refunder', 'refunder.id', 'receiptVoids.refundPaidBy')
    .selectAll('receipts')
    .select([
      'contributions.lines',
      'contributions.supportRule',
      'contributions.referenceVersion',
      'contributions.method',
      'contributions.incomeBasis',
      'contributions.memberPosition',
    ])
    .select(voidColumns)
    .select((eb) =>
      eb.selectFrom('receiptPrints').select(eb.fn.countAll<number>().as('n')).whereRef('receiptPrints.receiptId', '=', 'receipts.id').as('printCount'),
    )
    .where('receipts.id', '=', id)
    .executeTakeFirst();
}

export function receiptsOfDay(db: Db, businessDate: string, collectorStaffId: string | undefined) {
  let query = db
    .selectFrom('receipts')
    .innerJoin('contributions', 'contributions.id', 'receipts.contributionId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .leftJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .leftJoin('staff as refunder', 'refunder.id', 'receiptVoids.refundPaidBy')
    .selectAll('receipts')
    .select(['contributions.memberPosition'])
    .select(voidColumns)
    // The province's top-up in the amount, its own line in the day report (migration 0020; 0 before).
    .select(sql<number>`coalesce(json_extract(contributions.support_rule, '$.topUp.total'), 0)`.as('topUp'))
    .select((eb) =>
      eb.selectFrom('receiptPrints').select(eb.fn.countAll<number>().as('n')).whereRef('receiptPrints.receiptId', '=', 'receipts.id').as('printCount'),
    )
    .where('receipts.businessDate', '=', businessDate);
  if (collectorStaffId) query = query.where('receipts.collectorStaffId', '=', collectorStaffId);
  return query.orderBy('receipts.series').orderBy('receipts.number').execute();
}

/**
 * Receipts of earlier, closed days refunded from this device's cash on `businessDate` (optionally
 * only from one person's), in void order, each with its receipt and voucher numbers as printed —
 * this device's receipts, and those of the office's other devices a supervisor refunded here
 * (pulled, ADR 0026). Refunds other devices paid out are theirs, not in this list.
 */
export async function refundsOfDay(db: Db, businessDate: string, paidOutBy: string | undefined) {
  let query = db
    .selectFrom('receiptVoids')
    .leftJoin('receipts', 'receipts.id', 'receiptVoids.receiptId')
    .leftJoin('pulledContributions as pulled', 'pulled.receiptId', 'receiptVoids.receiptId')
    .innerJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .innerJoin('staff as refunder', 'refunder.id', 'receiptVoids.refundPaidBy')
    .select((eb) => [
      'receiptVoids.receiptId',
      eb.fn.coalesce('receipts.series', 'pulled.receiptSeries').as('series'),
      eb.fn.coalesce('receipts.number', 'pulled.receiptNumber').as('number'),
      eb.fn.coalesce('receipts.businessDate', 'pulled.businessDate').as('receiptDate'),
      eb.fn
        .coalesce(
          'receipts.payerName',
          eb
            .selectFrom('participants')
            .select('participants.fullName')
            .where((w) => w.or([w('participants.id', '=', w.ref('pulled.participantId')), w('participants.canonicalId', '=', w.ref('pulled.participantId'))]))
            .limit(1),
          eb.val(''),
        )
        .as('payerName'),
      eb.fn
        .coalesce(
          'receipts.payerPersonalId',
          eb
            .selectFrom('participants')
            .select('participants.personalId')
            .where((w) => w.or([w('participants.id', '=', w.ref('pulled.participantId')), w('participants.canonicalId', '=', w.ref('pulled.participantId'))]))
            .limit(1),
          eb.val(''),
        )
        .as('payerPersonalId'),
      eb.fn.coalesce('receipts.amount', 'pulled.total').as('amount'),
      'receiptVoids.refundPaidBy as paidOutBy',
      'receiptVoids.refundVoucherSeries as voucherSeries',
      'receiptVoids.refundVoucherNumber as voucherNumber',
      'refunder.fullName as paidOutByName',
      'voider.fullName as voidedByName',
      'receiptVoids.voidedAt',
      'receiptVoids.reason',
    ])
    .where('receiptVoids.businessDate', '=', businessDate)
    .where('receiptVoids.refundPaidBy', 'is not', null)
    .where('receiptVoids.sourceDeviceId', 'is', null);
  if (paidOutBy) query = query.where('receiptVoids.refundPaidBy', '=', paidOutBy);
  const rows = await query.orderBy('receiptVoids.voidedAt').execute();
  return rows.map(({ series, number, voucherSeries, voucherNumber, paidOutBy: payer, receiptDate, amount, ...r }) => ({
    ...r,
    receiptDate: receiptDate ?? '',
    amount: Number(amount ?? 0),
    label: receiptLabel(series ?? '', Number(number ?? 0)),
    voucher: receiptLabel(voucherSeries ?? '', voucherNumber ?? 0),
    paidOutBy: payer!,
  }));
}

/**
 * A void made on this device (of its own receipt or a pulled one). The central's paid-through month
 * of the person in that scheme is out of date from now until the central answers (ADR 0035), so it
 * is dropped: the device counts from the payments it holds meanwhile.
 */
export async function insertReceiptVoid(db: Db, row: Insertable<ReceiptVoidsTable>): Promise<void> {
  await db.insertInto('receiptVoids').values(row).execute();
  const paid = await db
    .selectFrom('contributions')
    .select(['participantId', 'scheme'])
    .where('receiptId', '=', row.receiptId)
    .unionAll(db.selectFrom('pulledContributions').select(['participantId', 'scheme']).where('receiptId', '=', row.receiptId))
    .execute();
  for (const p of paid) await forgetPaidThrough(db, await samePersonRecords(db, { id: p.participantId }), p.scheme);
}

export async function insertReceiptPrint(db: Db, row: ReceiptPrintsTable): Promise<void> {
  await db.insertInto('receiptPrints').values(row).execute();
}

/** This device's own payment of a receipt, if it issued it. */
export function contributionOfReceipt(db: Db, receiptId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('contributions').select('id').where('receiptId', '=', receiptId).executeTakeFirst();
}

/** An enrollment set on another device of the office (pulled) takes the place of this device's for that scheme. */
export async function replaceEnrollment(trx: Transaction<Database>, replacedId: string | null, row: EnrollmentsTable): Promise<void> {
  if (replacedId) await trx.deleteFrom('enrollments').where('id', '=', replacedId).execute();
  await trx.insertInto('enrollments').values(row).execute();
}

/** One of this device's own receipts, as the refusal of months already paid names it (with the office's code). */
export function ownReceiptOf(db: Db, receiptId: string) {
  return db
    .selectFrom('receipts')
    .innerJoin('office', (join) => join.onTrue())
    .select(['receipts.series', 'receipts.number', 'receipts.businessDate', 'receipts.collectorName', 'office.code'])
    .where('receipts.id', '=', receiptId)
    .executeTakeFirst();
}
