// Near-match candidates for a registration (same birth date, same family and given name; see
// ingest/person-ops.ts) are read through an index on exactly that key. The index it replaces,
// (birth date, folded name), made the check read everyone born that day: about fifty people per
// date at a million registered, hundreds nationally, for each of a batch's registrations.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX persons_near_match ON persons (date_of_birth, split_part(name_folded, ' ', 1), split_part(name_folded, ' ', -1))`.execute(db);
  await sql`DROP INDEX persons_dob_name`.execute(db);
}
