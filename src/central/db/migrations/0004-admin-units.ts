// The administrative units as dated reference data at the central (issue 23): each version of the
// units document — provinces, communes, the communes' dated statuses (island commune, special
// zone) and the old communes each went to — kept whole, the newest read for the support rules and
// published to the offices (`admin publish-units`). The app's shipped version is stored at start.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE admin_units (
    version text PRIMARY KEY,
    body jsonb NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}
