// The records on this machine linked to one person through the central's canonical id (a second
// registration answered DUPLICATE, and the person pulled from the central, or two local records
// linked by the supervisor) share what has been paid: the months one paid are paid for the other.
// Finding the records linked to a canonical id needs an index on it; only linked records are in
// it, so a registration (canonical id NULL) writes no leaf of it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX participants_canonical ON participants (canonical_id) WHERE canonical_id IS NOT NULL`.execute(db);
}
