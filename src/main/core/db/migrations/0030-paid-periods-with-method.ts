// The paid-periods covering indexes (migrations 0006, 0023) gain the payment's method and months
// (ADR 0036): a lump sum for the months missing to a pension occupies no calendar month, so the
// months-paid check, the enrolment's next period and the months contributed must tell it apart —
// read from the index alone still, as before.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    `DROP INDEX contributions_paid_periods`,
    `CREATE INDEX contributions_paid_periods
       ON contributions (participant_id, scheme, from_month, to_month, supported_months, receipt_id, method, months)`,
    `DROP INDEX pulled_contributions_paid_periods`,
    `CREATE INDEX pulled_contributions_paid_periods
       ON pulled_contributions (participant_id, scheme, from_month, to_month, supported_months, receipt_id, method, months)`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}
