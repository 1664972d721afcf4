// Each person's paid-through month per scheme as the central counts it (issue 20 item 1, ADR 0035):
// carried by the feed (`paid-through`, after every payment and void of a person of the office) and
// by the picture, so a device knows it even for payments it does not hold. `month` NULL: the
// central counts none left (every receipt voided). Keyed by the central's (canonical) person id.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE paid_through (
    participant_id TEXT NOT NULL,
    scheme TEXT NOT NULL CHECK (scheme IN ('VSI', 'HHI')),
    month TEXT,
    PRIMARY KEY (participant_id, scheme)
  ) WITHOUT ROWID`.execute(db);
}
