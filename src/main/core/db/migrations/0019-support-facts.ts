// Support follows facts, not a category chosen once (ADR 0018): each person gets the facts the two
// schemes ask about — a poor or near-poor household certificate (number, valid from–to), pupil or
// student, farming household of average living standard — beside the ethnicity and commune they
// already have, and the old address as on papers from before the 2025 mergers. Existing records
// move their category onto the matching fact (a certificate carried over has no number or dates
// until the clerk copies them). What no fact can say — "ethnic minority" for an ethnicity that is
// not one, "island" for a commune that is not one — stays in `declared_support_category`, and the
// quote asks the clerk to check the record until it is saved again; 'other' means nothing pending.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE participants ADD COLUMN poverty_kind TEXT CHECK (poverty_kind IN ('poor', 'near-poor'))`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN poverty_certificate_no TEXT`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN poverty_valid_from TEXT`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN poverty_valid_to TEXT`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN student INTEGER NOT NULL DEFAULT 0 CHECK (student IN (0, 1))`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN agri_average INTEGER NOT NULL DEFAULT 0 CHECK (agri_average IN (0, 1))`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN legacy_commune_code TEXT`.execute(db);
  await sql`ALTER TABLE participants ADD COLUMN legacy_address TEXT`.execute(db);
  await sql`UPDATE participants SET poverty_kind = support_category WHERE support_category IN ('poor', 'near-poor')`.execute(db);
  await sql`UPDATE participants SET student = 1 WHERE support_category = 'student'`.execute(db);
  await sql`UPDATE participants SET agri_average = 1 WHERE support_category = 'agri-average'`.execute(db);
  await sql`UPDATE participants SET support_category = 'other' WHERE support_category NOT IN ('ethnic-minority', 'island')`.execute(db);
  await sql`ALTER TABLE participants RENAME COLUMN support_category TO declared_support_category`.execute(db);
}
