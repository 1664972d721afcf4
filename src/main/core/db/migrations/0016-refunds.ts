// A receipt whose business day is already closed is not voided into that day (its cash was
// counted and the day's figures are final): the void is a refund paid out on the day it is made,
// from the cash of the staff member named here, and that day's expected cash is less by it.
// NULL for every void made while the receipt's day was open (it simply leaves that day's total).
// Refunds are looked up by the day they are paid out, so they are indexed by it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE receipt_voids ADD COLUMN refund_paid_by TEXT REFERENCES staff (id)`.execute(db);
  await sql`CREATE INDEX receipt_voids_refunds ON receipt_voids (business_date) WHERE refund_paid_by IS NOT NULL`.execute(db);
}
