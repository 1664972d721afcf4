// The store's settings while a new device's picture fills (ADR 0035): each page in one transaction
// on the store's one connection, committed without waiting for the disk and with a larger page
// cache; the usual settings again after. Kept with the store's other queries (db/), so sync/ only
// moves data.
import { type Kysely, sql, type Transaction } from 'kysely';
import { commitWithoutWaitingForDisk } from '../relaxed-commit';
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
  await commitWithoutWaitingForDisk(db, work, async (conn) => {
    await sql`PRAGMA cache_size = -${sql.raw(String(FILL_CACHE_KIB))}`.execute(conn);
  });
}

/**
 * The page cache while a picture fills (KiB). 40 MB rather than 64 MB since the WAL is copied by a
 * worker meanwhile (wal-copied-aside.ts), whose thread costs the core's process ~25 MB of RSS: a
 * million people applied in 36.9 s with 40 MB against 35.3 s with 64 MB (ADR 0041).
 */
const FILL_CACHE_KIB = 40_960;

/** The store's usual page cache again (each page of the fill asks for a larger one). */
export async function restoreUsualPageCache(db: Kysely<Database>): Promise<void> {
  await sql`PRAGMA cache_size = -2000`.execute(db);
}

/**
 * The pulled payments' secondary indexes (migrations 0023 and 0030), built after a fresh store's
 * fill rather than row by row (ADR 0040): at millions of payments, random-order inserts into the
 * paid-periods index (by person) outgrow any page cache and read and write a page per row, where
 * one sorted build at the end writes each page once. Kept here, word for word as the migrations
 * made them (a unit test compares them with a migrated store's schema).
 */
export const PULLED_PAYMENT_INDEXES = [
  `CREATE INDEX pulled_contributions_paid_periods
       ON pulled_contributions (participant_id, scheme, from_month, to_month, supported_months, receipt_id, method, months)`,
  `CREATE INDEX pulled_contributions_day ON pulled_contributions (source_device_id, business_date, collector_staff_id)`,
  `CREATE INDEX pulled_contributions_household ON pulled_contributions (household_id) WHERE household_id IS NOT NULL`,
] as const;

const indexName = (statement: string) => /CREATE INDEX (\w+)/.exec(statement)![1]!;

/**
 * Those a fresh fill drops until its end: the paid periods (by person) and the household's, whose
 * keys come in no order the central's pages follow. The day's index (device, business day,
 * collector) is kept and filled row by row: the pages come in the payments' time order, so each
 * device's rows go in at the end of its own run of days — a few hot pages, not a page per row —
 * and the build at the end then reads the table twice rather than three times (ADR 0041).
 */
export const DEFERRED_PULLED_PAYMENT_INDEXES = PULLED_PAYMENT_INDEXES.filter((statement) => indexName(statement) !== 'pulled_contributions_day');

/**
 * The pulled payments' visit-list trigger (migration 0032), word for word as the migration made it
 * (picture-fill.test.ts compares it with a migrated store's). Only a pulled page ever writes a
 * pulled payment, and while one is applied the trigger only tests `field_changes.pulling` and does
 * nothing — the page marks what it wrote once, set-wise (`markPulledPage`). That test, a look-up per
 * row, was ~3 µs of a payment's ~13: 15 s of a new device's fill of 5 000 000 (ADR 0045). So a fill
 * drops it until its end, with the deferred indexes, and it is made again with them.
 */
export const PULLED_PAYMENT_VISIT_TRIGGER = `CREATE TRIGGER pulled_contributions_visit_insert AFTER INSERT ON pulled_contributions WHEN coalesce((SELECT pulling FROM field_changes WHERE id = 1), 0) = 0 BEGIN INSERT INTO visit_dirty (kind, key) SELECT kind, key FROM (SELECT 'p' AS kind, NEW.participant_id AS key) m
    WHERE m.key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM visit_dirty d WHERE d.kind = m.kind AND d.key = m.key); END`;

const triggerName = (statement: string) => /CREATE TRIGGER (\w+)/.exec(statement)![1]!;

/**
 * At the start of a fill: the payments' visit trigger is dropped (whatever the store holds: only a
 * pulled page writes the table). When the store holds no pulled payment yet (a new device, or a
 * picture started over on a device that never had any), the deferred indexes are dropped too. A
 * fill resumed after a kill -9 finds them already gone (and makes them at its end, like a fill that
 * was never stopped); a store that holds pulled payments keeps its indexes.
 */
export async function deferPulledPaymentIndexes(db: Kysely<Database>): Promise<void> {
  await sql.raw(`DROP TRIGGER IF EXISTS ${triggerName(PULLED_PAYMENT_VISIT_TRIGGER)}`).execute(db);
  const held = await db.selectFrom('pulledContributions').select('id').limit(1).executeTakeFirst();
  if (held) return;
  for (const statement of DEFERRED_PULLED_PAYMENT_INDEXES) await sql.raw(`DROP INDEX IF EXISTS ${indexName(statement)}`).execute(db);
}

/**
 * What a fill left to make that the store lacks, as `CREATE … IF NOT EXISTS` statements: nothing once
 * it is made; after a fill that was stopped (or killed) before its end, the indexes still to build
 * (any of the three: a fill begun by an earlier release dropped the day's too) and the visit trigger.
 */
export async function missingPulledPaymentIndexes(db: Kysely<Database>): Promise<string[]> {
  const held = new Set(
    (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'pulled_contributions'`.execute(db)).rows.map(
      (r) => r.name,
    ),
  );
  const indexes = PULLED_PAYMENT_INDEXES.filter((statement) => !held.has(indexName(statement))).map((statement) =>
    statement.replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'),
  );
  const trigger = held.has(triggerName(PULLED_PAYMENT_VISIT_TRIGGER))
    ? []
    : [PULLED_PAYMENT_VISIT_TRIGGER.replace('CREATE TRIGGER', 'CREATE TRIGGER IF NOT EXISTS')];
  return [...indexes, ...trigger];
}

/** Builds them on this connection (tools and tests without a worker; the core builds them aside, ADR 0041). */
export async function buildIndexesHere(db: Kysely<Database>, statements: readonly string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const statement of statements) await sql.raw(statement).execute(trx);
  });
}
