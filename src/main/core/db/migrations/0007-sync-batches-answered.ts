// The sync page shows what the central answered today, summed over the day's batches. A batch row
// carries its whole signed body (hundreds of kilobytes for 500 operations) before the columns that
// sum needs, so reading them from the row would walk every body's overflow pages on each status
// poll. This index holds the answer time and the small result summary, and the sum reads only it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sync_batches_answered ON sync_batches (applied_at, summary) WHERE applied_at IS NOT NULL`.execute(db);
}
