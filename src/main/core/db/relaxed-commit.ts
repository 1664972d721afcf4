// One transaction committed without waiting for the disk, for what may be lost on a power cut
// because it is made again: a new device's picture pages (ADR 0035, asked for again from their
// cursor) and the visit list's derived facts (ADR 0039, remade from the marks the clerk's own
// transaction wrote durably). The store otherwise commits with synchronous = FULL (money).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * `work` in one transaction on the store's one connection, held for it, committed with
 * synchronous = NORMAL: in WAL mode a power cut can lose only the last such commits (never tear
 * the store; a kill -9 loses nothing), and FULL is set again before anyone else's statement runs
 * on the connection — the next commit that waits for the disk makes every one before it durable
 * too (the WAL is written in order). `setup` runs on the connection first (a page cache size).
 */
export async function commitWithoutWaitingForDisk<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  setup?: (conn: Kysely<Database>) => Promise<void>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA synchronous = NORMAL`.execute(conn);
    try {
      await setup?.(conn);
      return await conn.transaction().execute(work);
    } finally {
      await sql`PRAGMA synchronous = FULL`.execute(conn);
    }
  });
}
