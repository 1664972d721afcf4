// A copy made by `store.backup` carries the time it was taken (null in a live store). When a store
// opens with it set, it is a restored copy and is made a new device before anything else runs
// (services/restored-copy.ts): its receipt numbers and batch numbers may have moved on since.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE office ADD COLUMN copy_taken_at TEXT`.execute(db);
}
