// A receipt names the support rule its amount followed and its legal source, and the province's
// top-up as its own line (issue 23): each contribution keeps, as JSON, the rule the quote applied
// (category, share, why, source) and the top-up (province, share or amount, source, total). NULL
// for contributions recorded before: their lines still carry the shares used.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE contributions ADD COLUMN support_rule TEXT`.execute(db);
}
