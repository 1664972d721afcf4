// The store's settings while a new device's picture fills (ADR 0035): each page in one transaction
// on the store's one connection, committed without waiting for the disk and with a larger page
// cache; the usual settings again after. Kept with the store's other queries (db/), so sync/ only
// moves data.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

/**
 * One page in one transaction, on the store's one connection held for it. The page commits without
 * waiting for the disk (synchronous = NORMAL: in WAL mode a power cut can only lose the last pages
 * with their cursor, which the next run asks for again; a kill -9 loses nothing), then FULL again
 * before anyone else's statement runs on the connection — a payment committed after it waits for
 * the disk as always, which also makes every page before it durable (the WAL is written in order).
 * The page cache is larger while filling, so the indexes' pages stay in memory (ADR 0035). The
 * WAL is checkpointed by the store's housekeeping between pages, never in a page's commit.
 */
export async function applyPage(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql`PRAGMA synchronous = NORMAL`.execute(conn);
    await sql`PRAGMA cache_size = -${sql.raw(String(FILL_CACHE_KIB))}`.execute(conn);
    try {
      await conn.transaction().execute(work);
    } finally {
      await sql`PRAGMA synchronous = FULL`.execute(conn);
    }
  });
}

/** The page cache while a picture fills (KiB): the pulled payments' indexes are the most of a store. */
const FILL_CACHE_KIB = 65_536;

/** The store's usual page cache again (each page of the fill asks for a larger one). */
export async function restoreUsualPageCache(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA cache_size = -2000`.execute(db);
}
