// Update channels (issue 27 item 4): each office is on `pilot` or `stable` (stable by default), and
// the releases published to each channel, with their electron-updater feed text and notes, and
// when one was withdrawn. Installers stay files in the releases folder.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE offices ADD COLUMN update_channel text NOT NULL DEFAULT 'stable' CHECK (update_channel IN ('pilot', 'stable'))`.execute(db);
  await sql`CREATE TABLE releases (
    channel text NOT NULL CHECK (channel IN ('pilot', 'stable')),
    version text NOT NULL,
    feed_file text NOT NULL,
    feed_text text NOT NULL,
    release_notes text,
    published_at timestamptz NOT NULL DEFAULT now(),
    withdrawn_at timestamptz,
    PRIMARY KEY (channel, version, feed_file)
  )`.execute(db);
  await sql`CREATE INDEX releases_live ON releases (channel, feed_file, published_at DESC) WHERE withdrawn_at IS NULL`.execute(db);
}
