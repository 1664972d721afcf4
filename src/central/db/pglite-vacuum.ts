// PGlite's stand-in for autovacuum (ADR 0043). Embedded PGlite runs no background workers, so no
// table is ever vacuumed by itself: the visibility map the picture's index-only pages need stays
// empty (a cold 2 500-row paid-through page then read its rows from the table at random: 310 ms at
// 5 000 000 payments), and the row versions every payment leaves in `paid_through` are never
// reclaimed. A central on PGlite vacuums the tables the picture reads from their covering indexes
// (central migrations 0023, 0024) a while after it opens and then at an interval, one table at a
// time on its one connection. The first pass after this release reads the whole table (17 s for
// 5 000 000 payments at load 7, during which the central's requests wait); later passes read only
// the pages changed since (well under a second). On PostgreSQL autovacuum does this (the tables'
// settings are in those migrations).
import { type Kysely, sql } from 'kysely';
import type { CentralDb } from './schema';

/** The tables vacuumed, smallest first. */
export const PGLITE_VACUUMED_TABLES = ['paid_through', 'contributions'] as const;

/** The first pass a minute after opening (not while the central starts), then every ten minutes. */
export const PGLITE_VACUUM_DEFAULTS = { firstAfterMs: 60_000, everyMs: 600_000 };

export interface PgliteVacuum {
  /** Stops the timer and waits for a pass under way (before the database closes). */
  stop(): Promise<void>;
}

/** Vacuums each table once, in order; a failure is logged and the next pass tries again. */
export async function vacuumPictureTables(db: Kysely<CentralDb>): Promise<void> {
  for (const table of PGLITE_VACUUMED_TABLES) await sql`VACUUM ${sql.table(table)}`.execute(db);
}

export function startPgliteVacuum(db: Kysely<CentralDb>, timing = PGLITE_VACUUM_DEFAULTS): PgliteVacuum {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout;
  const pass = () => {
    running = vacuumPictureTables(db)
      .catch((error: unknown) => console.error(`[central] vacuum of the picture's tables failed (${String(error)}); tried again later`))
      .finally(() => {
        if (!stopped) timer = setTimeout(pass, timing.everyMs).unref();
      });
  };
  timer = setTimeout(pass, timing.firstAfterMs).unref();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
