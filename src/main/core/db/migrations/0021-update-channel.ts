// The update channel the central set for this office (`office.update-channel` in the pull feed,
// issue 27 item 4): `pilot` offices get a release first, `stable` ones after. Stable until told.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sync_state ADD COLUMN update_channel TEXT NOT NULL DEFAULT 'stable' CHECK (update_channel IN ('pilot', 'stable'))`.execute(db);
}
