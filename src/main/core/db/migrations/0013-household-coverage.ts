// A household member already insured by another scheme (an employee, a pensioner, a child under
// six, …) stays on the household's list but does not count in its HHI sequence (docs/domain.md): the
// column names that scheme, NULL for a member who joins household health insurance.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE household_members ADD COLUMN covered_by TEXT`.execute(db);
}
