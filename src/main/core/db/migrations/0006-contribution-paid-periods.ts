// Recording a payment at millions of contributions: the months a person has already paid are read
// on every quote and every record, and a regular payer has dozens of contributions whose rows carry
// their line breakdowns (kilobytes each, overflowing their pages). This index covers that read —
// person, scheme, period, supported months, and the receipt id the void check joins on — so it never
// touches the rows. It replaces `contributions_participant`, whose columns it starts with.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX contributions_paid_periods
      ON contributions (participant_id, scheme, from_month, to_month, supported_months, receipt_id)`.execute(db);
  await sql`DROP INDEX contributions_participant`.execute(db);
}
