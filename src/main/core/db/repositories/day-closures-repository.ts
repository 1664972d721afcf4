// Day closures (one row per business date: closed, or reopened with a reason) and the day's
// takings per collector that a closure counts. SQL only; the day-end service decides.
import type { Kysely, Transaction } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Database, DayClosuresTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

const dayStatus = preparedQuery<{ businessDate: string }, { status: DayClosuresTable['status'] }>((db, arg) =>
  db.selectFrom('dayClosures').select('status').where('businessDate', '=', arg('businessDate')),
);

/** The day's closure status, or undefined when it was never closed (checked on every receipt: prepared once). */
export async function closureStatus(db: Db, businessDate: string): Promise<DayClosuresTable['status'] | undefined> {
  return (await dayStatus.executeTakeFirst(db, { businessDate }))?.status;
}

/** The day's closure with the name of who closed it. */
export function closureOfDay(db: Db, businessDate: string) {
  return db
    .selectFrom('dayClosures')
    .leftJoin('staff', 'staff.id', 'dayClosures.closedBy')
    .select(['dayClosures.status', 'dayClosures.closedAt', 'dayClosures.summary', 'staff.fullName'])
    .where('businessDate', '=', businessDate)
    .executeTakeFirst();
}

/** Closes the day (a reopened day is closed again over its row). */
export async function writeClosure(db: Db, values: DayClosuresTable): Promise<void> {
  await db
    .insertInto('dayClosures')
    .values(values)
    .onConflict((oc) => oc.column('businessDate').doUpdateSet(values))
    .execute();
}

export async function markReopened(db: Db, businessDate: string, by: { staffId: string | null; at: string; reason: string }): Promise<void> {
  await db
    .updateTable('dayClosures')
    .set({ status: 'reopened', reopenedBy: by.staffId, reopenedAt: by.at, reopenReason: by.reason })
    .where('businessDate', '=', businessDate)
    .execute();
}

/**
 * Each collector's receipts of the day: how many, how many voided while the day was open (a void
 * that paid a refund does not take the receipt out: the day's cash was counted with it), and the
 * total of those not voided.
 */
export function takingsOfDay(db: Db, businessDate: string) {
  return db
    .selectFrom('receipts')
    .innerJoin('staff', 'staff.id', 'receipts.collectorStaffId')
    .leftJoin('receiptVoids', (join) => join.onRef('receiptVoids.receiptId', '=', 'receipts.id').on('receiptVoids.refundPaidBy', 'is', null))
    .select((eb) => [
      'receipts.collectorStaffId as staffId',
      'staff.fullName',
      eb.fn.countAll<number>().as('receiptCount'),
      eb.fn.count<number>('receiptVoids.id').as('voidedCount'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('receiptVoids.id', 'is', null).then(eb.ref('receipts.amount')).else(0).end()), eb.lit(0)).as('total'),
    ])
    .where('receipts.businessDate', '=', businessDate)
    .groupBy(['receipts.collectorStaffId', 'staff.fullName'])
    .execute();
}
