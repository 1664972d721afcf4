// A household HI contribution keeps the member's place in the household's HHI sequence (1 pays
// the full amount, 2 pays 70 % of it, …) so that the receipt can say what the amount is for. Rows
// recorded before this column take it from their audit entry, which holds the recorded payload.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE contributions ADD COLUMN member_position INTEGER`.execute(db);
  await sql`
    UPDATE contributions SET member_position = (
      SELECT json_extract(a.details, '$.memberPosition') FROM audit_log a
      WHERE a.action = 'contribution.record' AND a.entity_id = contributions.id AND json_valid(a.details)
    )
    WHERE scheme = 'HHI'`.execute(db);
}
