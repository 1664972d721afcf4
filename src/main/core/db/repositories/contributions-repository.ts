// Enrollments, contributions and receipts: SQL only. Paid periods are read from contributions
// whose receipt is not voided.
import type { Kysely, Transaction } from 'kysely';
import type { ContributionsTable, Database, EnrollmentsTable, ReceiptsTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findEnrollment(db: Db, participantId: string, scheme: 'VSI' | 'HHI'): Promise<EnrollmentsTable | undefined> {
  return db.selectFrom('enrollments').selectAll().where('participantId', '=', participantId).where('scheme', '=', scheme).executeTakeFirst();
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

/**
 * The periods a person has paid (receipt not voided) in a scheme, oldest first. Read from the
 * covering index `contributions_paid_periods` alone (migration 0006): a regular payer has dozens
 * of contributions, and the rows themselves carry the line breakdowns.
 */
export function paidContributions(db: Db, participantId: string, scheme: 'VSI' | 'HHI'): Promise<Pick<ContributionsTable, 'fromMonth' | 'toMonth' | 'supportedMonths'>[]> {
  return db
    .selectFrom('contributions')
    .select(['contributions.fromMonth', 'contributions.toMonth', 'contributions.supportedMonths'])
    .where('contributions.participantId', '=', participantId)
    .where('contributions.scheme', '=', scheme)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('receiptVoids').select('receiptVoids.id').whereRef('receiptVoids.receiptId', '=', 'contributions.receiptId'))),
    )
    .orderBy('contributions.fromMonth')
    .execute();
}

export function listContributions(db: Db, participantId: string) {
  return db
    .selectFrom('contributions')
    .innerJoin('receipts', 'receipts.id', 'contributions.receiptId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'contributions.receiptId')
    .selectAll('contributions')
    .select(['receipts.series', 'receipts.number', 'receiptVoids.id as voidId'])
    .where('contributions.participantId', '=', participantId)
    .orderBy('contributions.fromMonth', 'desc')
    .orderBy('contributions.createdAt', 'desc')
    .execute();
}

export async function insertContribution(db: Db, row: ContributionsTable): Promise<void> {
  await db.insertInto('contributions').values(row).execute();
}

export async function insertReceipt(db: Db, row: ReceiptsTable): Promise<void> {
  await db.insertInto('receipts').values(row).execute();
}

export function findReceipt(db: Db, id: string) {
  return db
    .selectFrom('receipts')
    .innerJoin('contributions', 'contributions.id', 'receipts.contributionId')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .leftJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .selectAll('receipts')
    .select([
      'contributions.lines',
      'contributions.referenceVersion',
      'receiptVoids.reason as voidReason',
      'receiptVoids.voidedBy',
      'receiptVoids.voidedAt',
      'voider.fullName as voidedByName',
    ])
    .select((eb) => eb.selectFrom('receiptPrints').select(eb.fn.countAll<number>().as('n')).whereRef('receiptPrints.receiptId', '=', 'receipts.id').as('printCount'))
    .where('receipts.id', '=', id)
    .executeTakeFirst();
}

export function receiptsOfDay(db: Db, businessDate: string, collectorStaffId: string | undefined) {
  let query = db
    .selectFrom('receipts')
    .leftJoin('receiptVoids', 'receiptVoids.receiptId', 'receipts.id')
    .leftJoin('staff as voider', 'voider.id', 'receiptVoids.voidedBy')
    .selectAll('receipts')
    .select(['receiptVoids.reason as voidReason', 'receiptVoids.voidedBy', 'receiptVoids.voidedAt', 'voider.fullName as voidedByName'])
    .select((eb) => eb.selectFrom('receiptPrints').select(eb.fn.countAll<number>().as('n')).whereRef('receiptPrints.receiptId', '=', 'receipts.id').as('printCount'))
    .where('receipts.businessDate', '=', businessDate);
  if (collectorStaffId) query = query.where('receipts.collectorStaffId', '=', collectorStaffId);
  return query.orderBy('receipts.series').orderBy('receipts.number').execute();
}
