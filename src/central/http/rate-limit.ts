// A per-address request limit kept in the database, so it holds across every process of the
// central behind a load balancer: one row per bucket (route and address) and minute, counted with
// one upsert. Old rows are swept now and then by the requests themselves.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Kysely, sql } from 'kysely';
import type { CentralDb } from '../db/schema';

export interface RateLimit {
  /** Requests allowed per address and minute. */
  perMinute: number;
  /**
   * Behind a reverse proxy the connection's address is the proxy's: the client's is then the last
   * X-Forwarded-For entry, the one the proxy itself added (earlier entries are the client's to forge).
   */
  trustProxy: boolean;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Served without a Node socket (app.fetch in a test): one bucket for all.
    return 'unknown';
  }
}

/** Counts this request; true when the address has passed its limit for the current minute. */
export async function overLimit(db: Kysely<CentralDb>, route: string, address: string, limit: RateLimit, now: Date): Promise<boolean> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const row = await db
    .insertInto('requestCounts')
    .values({ bucket: `${route}:${address}`, windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'windowStart']).doUpdateSet({ count: sql`request_counts.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (Math.random() < 0.01) {
    await db
      .deleteFrom('requestCounts')
      .where('windowStart', '<', new Date(windowStart.getTime() - 10 * 60_000))
      .execute();
  }
  return row.count > limit.perMinute;
}
