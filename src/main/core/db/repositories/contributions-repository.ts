// Enrollments, contributions and receipts: SQL only. Paid periods are read from contributions
// whose receipt is not voided.
import { type Kysely, sql, type Transaction } from 'kysely';
import { preparedInsert, preparedQuery } from '../prepared-query';
import { samePersonRecords } from './participants-repository';
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

const paidPeriods = preparedQuery<{ participantId: string; scheme: 'VSI' | 'HHI' }, Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths'>>(
  (db, arg) =>
    db
      .selectFrom('contributions')
      .select(['contributions.fromMonth', 'contributions.toMonth', 'contributions.supportedMonths'])
      .where('contributions.participantId', '=', arg('participantId'))
      .where('contributions.scheme', '=', arg('scheme'))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('receiptVoids').select('receiptVoids.id').whereRef('receiptVoids.receiptId', '=', 'contributions.receiptId'))),
      )
      .orderBy('contributions.fromMonth'),
);

/**
 * The periods a person has paid (receipt not voided) in a scheme, oldest first, on any of their
 * records here (samePersonRecords: months paid on a linked record are paid). Read from the
 * covering index `contributions_paid_periods` alone (migration 0006): a regular payer has dozens
 * of contributions, and the rows themselves carry the line breakdowns.
 */
export async function paidContributions(
  db: Db,
  participant: { id: string; canonicalId?: string | null },
  scheme: 'VSI' | 'HHI',
): Promise<Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths'>[]> {
  const records = await samePersonRecords(db, participant);
  if (records.length === 1) return paidPeriods.execute(db, { participantId: participant.id, scheme });
  const all: Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths'>[] = [];
  for (const id of records) all.push(...(await paidPeriods.execute(db, { participantId: id, scheme })));
  return all.sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : a.fromMonth > b.fromMonth ? 1 : 0));
}

/** The payments of these records (one person's records linked through the central), latest period first. */
export function listContributions(db: Db, participantIds: string[]) {
  return db
    .selectFrom('contributions')
    .innerJoin('receipts', 'receipts.id', 'contributions.receiptId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
    .selectAll('contributions')
    .select(['receipts.series', 'receipts.number', 'receiptVoids.id as voidId', 'receiptVoids.refundPaidBy', 'receiptVoids.businessDate as voidDate'])
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

/** A receipt's void, if any: who, when, why, and — for a refund of a closed day's receipt — the day paid out and by whom. */
const voidColumns = [
  'receiptVoids.reason as voidReason',
  'receiptVoids.voidedBy',
  'receiptVoids.voidedAt',
  'voider.fullName as voidedByName',
  'receiptVoids.businessDate as voidDate',
  'receiptVoids.refundPaidBy',
  'refunder.fullName as refundPaidByName',
  'receiptVoids.refundVoucherSeries',
  'receiptVoids.refundVoucherNumber',
] as const;

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
      ...voidColumns,
    ])
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
    .select(['contributions.memberPosition', ...voidColumns])
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
 * Receipts of earlier, closed days refunded on `businessDate` (optionally only from one person's
 * cash), in void order, each with its receipt and voucher numbers as printed.
 */
export async function refundsOfDay(db: Db, businessDate: string, paidOutBy: string | undefined) {
  let query = db
    .selectFrom('receiptVoids')
    .innerJoin('receipts', 'receipts.id', 'receiptVoids.receiptId')
    .innerJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .innerJoin('staff as refunder', 'refunder.id', 'receiptVoids.refundPaidBy')
    .select([
      'receipts.id as receiptId',
      'receipts.series',
      'receipts.number',
      'receipts.businessDate as receiptDate',
      'receipts.payerName',
      'receipts.payerPersonalId',
      'receipts.amount',
      'receiptVoids.refundPaidBy as paidOutBy',
      'receiptVoids.refundVoucherSeries as voucherSeries',
      'receiptVoids.refundVoucherNumber as voucherNumber',
      'refunder.fullName as paidOutByName',
      'voider.fullName as voidedByName',
      'receiptVoids.voidedAt',
      'receiptVoids.reason',
    ])
    .where('receiptVoids.businessDate', '=', businessDate)
    .where('receiptVoids.refundPaidBy', 'is not', null);
  if (paidOutBy) query = query.where('receiptVoids.refundPaidBy', '=', paidOutBy);
  const rows = await query.orderBy('receiptVoids.voidedAt').execute();
  return rows.map(({ series, number, voucherSeries, voucherNumber, paidOutBy: payer, ...r }) => ({
    ...r,
    label: receiptLabel(series, number),
    voucher: receiptLabel(voucherSeries ?? '', voucherNumber ?? 0),
    paidOutBy: payer!,
  }));
}

export async function insertReceiptVoid(db: Db, row: ReceiptVoidsTable): Promise<void> {
  await db.insertInto('receiptVoids').values(row).execute();
}

export async function insertReceiptPrint(db: Db, row: ReceiptPrintsTable): Promise<void> {
  await db.insertInto('receiptPrints').values(row).execute();
}
