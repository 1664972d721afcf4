// A one-row table the store's housekeeping writes to, and nothing else: after it has copied the
// WAL into the database file it makes one tiny commit, so that SQLite starts the WAL over from its
// beginning (with the header write and the extra fsync that costs) there and then, between a
// clerk's calls, rather than inside the clerk's next commit. See db/store-maintenance.ts.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE store_maintenance (id INTEGER PRIMARY KEY CHECK (id = 1), wal_restarts INTEGER NOT NULL)`.execute(db);
  await sql`INSERT INTO store_maintenance (id, wal_restarts) VALUES (1, 0)`.execute(db);
}
