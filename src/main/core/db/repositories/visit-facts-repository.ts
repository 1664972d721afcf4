// The visit list's facts in the store (migrations 0031, 0032; ADR 0039), SQL only: what was written
// since they were brought up to date, the facts replaced per person or per commune, and the list
// itself — one query over a commune's facts with each person's statuses computed from the day
// (the rules of domain/visit-status.ts at their boundaries, proven equal by visit-facts-sql.test.ts)
// and whether a search finds them, read in households' order. The order, counts and page are made
// from it in services/visit-list-order.ts; the facts' making is in services/visit-facts.ts.
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import type { AreaPart } from '../../../../shared/contract/field';
import { bulkInsert } from '../bulk-insert';
import type { Database, VisitDirtyTable, VisitFactsTable } from '../schema';
import { jsonList } from '../json-list';

type Db = Kysely<Database> | Transaction<Database>;

const COLUMNS = [
  'communeCode',
  'participantId',
  'placedIn',
  'householdKey',
  'position',
  'nameFolded',
  'search',
  'closed',
  'promisedOn',
  'covered',
  'vsiOn',
  'vsiNever',
  'vsiNextFrom',
  'vsiDeadline',
  'hhiOn',
  'hhiValidTo',
] as const satisfies readonly (keyof VisitFactsTable)[];

const insertFacts = bulkInsert<VisitFactsTable>('visit_facts', COLUMNS, (r) => COLUMNS.map((c) => r[c]));

/** What was written since the facts were last brought up to date. */
export function dirtyKeys(db: Db): Promise<VisitDirtyTable[]> {
  return db.selectFrom('visitDirty').select(['kind', 'key']).execute();
}

/** The marks read are taken into the facts (called in the same transaction as they were read). */
export async function clearDirty(db: Db): Promise<void> {
  await db.executeQuery(CompiledQuery.raw('DELETE FROM visit_dirty'));
}

/** The people the marks are about: the persons, every member of the households, the payers of the voided receipts. */
export async function peopleOfMarks(db: Db, marks: readonly VisitDirtyTable[]): Promise<string[]> {
  const of = (kind: VisitDirtyTable['kind']) => JSON.stringify(marks.filter((m) => m.kind === kind).map((m) => m.key));
  const { rows } = await sql<{ id: string }>`
    SELECT value AS id FROM json_each(${of('p')})
    UNION SELECT participant_id FROM household_members WHERE household_id IN (SELECT value FROM json_each(${of('h')}))
    UNION SELECT id FROM participants WHERE id IN (SELECT head_participant_id FROM households WHERE id IN (SELECT value FROM json_each(${of('h')})))
    UNION SELECT participant_id FROM contributions WHERE receipt_id IN (SELECT value FROM json_each(${of('r')}))
    UNION SELECT participant_id FROM pulled_contributions WHERE receipt_id IN (SELECT value FROM json_each(${of('r')}))`.execute(db);
  return rows.map((r) => r.id);
}

/** The communes of these people (the hamlets to place them with). */
export async function communesOfPeople(db: Db, ids: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT DISTINCT commune_code AS code FROM participants WHERE id IN ${jsonList(ids)}`.execute(db);
  return rows.map((r) => r.code);
}

/** These people's facts replaced by `rows` (a person not in `rows` is gone from the list: deleted, or linked to another record). */
export async function replacePeopleFacts(db: Db, ids: readonly string[], rows: readonly VisitFactsTable[]): Promise<void> {
  await sql`DELETE FROM visit_facts WHERE participant_id IN ${jsonList(ids)}`.execute(db);
  await insertFacts.run(db, rows);
}

/** A commune's facts made whole. */
export async function replaceCommuneFacts(db: Db, communeCode: string, rows: readonly VisitFactsTable[]): Promise<void> {
  await db.deleteFrom('visitFacts').where('communeCode', '=', communeCode).execute();
  // A person of the commune whose facts were kept under another (moved here since); by JSON, not one
  // bound value each: a commune can hold more people than a statement takes values.
  await sql`DELETE FROM visit_facts WHERE participant_id IN ${jsonList(rows.map((r) => r.participantId))}`.execute(db);
  await insertFacts.run(db, rows);
  await db
    .insertInto('visitFactsBuilt')
    .values({ communeCode })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Which of these communes have whole facts. */
export async function builtCommunes(db: Db, communeCodes: readonly string[]): Promise<Set<string>> {
  if (communeCodes.length === 0) return new Set();
  const rows = await db
    .selectFrom('visitFactsBuilt')
    .select('communeCode')
    .where('communeCode', 'in', [...communeCodes])
    .execute();
  return new Set(rows.map((r) => r.communeCode));
}

/** Communes to be built whole again (a hamlet changed their people's places), or all of them. */
export async function unbuild(db: Db, communeCodes: readonly string[] | 'all'): Promise<void> {
  if (communeCodes === 'all') await db.executeQuery(CompiledQuery.raw('DELETE FROM visit_facts_built'));
  else if (communeCodes.length > 0)
    await db
      .deleteFrom('visitFactsBuilt')
      .where('communeCode', 'in', [...communeCodes])
      .execute();
}

/**
 * A pulled page is applied: the members before it of the households it changes are marked (one
 * may leave), and the triggers only test the switch until `markPulledPage` (same transaction).
 */
export async function startPulledPage(db: Db, households: readonly string[]): Promise<void> {
  if (households.length > 0) {
    await sql`INSERT OR IGNORE INTO visit_dirty (kind, key)
      SELECT 'p', participant_id FROM household_members WHERE household_id IN ${jsonList(households)}`.execute(db);
  }
  await db.executeQuery(CompiledQuery.raw('UPDATE field_changes SET pulling = 1 WHERE id = 1'));
}

/** The page's marks written once, set-wise (with the local records of its people's personal IDs), and the triggers listening again. */
export async function markPulledPage(db: Db, marks: readonly VisitDirtyTable[], personalIds: readonly string[]): Promise<void> {
  if (marks.length > 0) {
    await sql`INSERT OR IGNORE INTO visit_dirty (kind, key) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(
      marks.map((m) => [m.kind, m.key]),
    )})`.execute(db);
  }
  if (personalIds.length > 0) {
    await sql`INSERT OR IGNORE INTO visit_dirty (kind, key)
      SELECT 'p', id FROM participants WHERE personal_id IN ${jsonList(personalIds)}
      UNION SELECT 'h', household_id FROM participants
        WHERE personal_id IN ${jsonList(personalIds)} AND household_id IS NOT NULL`.execute(db);
  }
  await db.executeQuery(CompiledQuery.raw('UPDATE field_changes SET pulling = 0 WHERE id = 1'));
}

/** Bits of each status in `visitStatuses` order (promise-due first). */
export const STATUS_BITS = {
  'promise-due': 1,
  'vsi-overdue': 2,
  'vsi-due': 4,
  'hhi-expired': 8,
  'hhi-expiring': 16,
  'never-paid': 32,
  'no-scheme': 64,
} as const;

export interface FactsQuery {
  communes: readonly string[];
  /** null: anywhere in the communes (a supervisor). */
  area: AreaPart[] | null;
  /** A hamlet's id, null for people of no known hamlet, undefined for all. */
  hamlet: string | null | undefined;
  includeClosed: boolean;
  asOf: string;
  /** The day 30 days after `asOf` (a card ending on or before it is expiring). */
  expiringBy: string;
  /** Each hamlet's place in the list's order. */
  ranks: Map<string, number>;
}

/** The people in place (area, hamlet, closed) with their statuses' bits on the day: the CTE the list and its counts read. */
function inPlace(q: FactsQuery) {
  const area =
    q.area === null
      ? sql`1`
      : sql.join(
          q.area.length === 0
            ? [sql`0`]
            : q.area.map((p) =>
                p.hamletIds.length === 0
                  ? sql`f.commune_code = ${p.communeCode}`
                  : sql`(f.commune_code = ${p.communeCode} AND f.placed_in IN ${jsonList(p.hamletIds)})`,
              ),
          sql` OR `,
        );
  const hamlet = q.hamlet === undefined ? sql`1` : q.hamlet === null ? sql`f.placed_in IS NULL` : sql`f.placed_in = ${q.hamlet}`;
  const month = q.asOf.slice(0, 7);
  // visit-status.ts, per scheme: VSI due from the first unpaid period's first month, overdue after its
  // deadline, never paid with no payment; HI never paid, expired after its last day, expiring from 30 days before.
  return sql`
    base AS (
      SELECT f.*,
        (CASE WHEN f.vsi_on = 1 AND f.vsi_next_from <= ${month} THEN
           CASE WHEN f.vsi_never = 1 THEN 32 WHEN f.vsi_deadline IS NOT NULL AND ${q.asOf} > f.vsi_deadline THEN 2 ELSE 4 END ELSE 0 END)
        | (CASE WHEN f.hhi_on = 1 THEN
           CASE WHEN f.hhi_valid_to IS NULL THEN 32 WHEN ${q.asOf} > f.hhi_valid_to THEN 8 WHEN f.hhi_valid_to <= ${q.expiringBy} THEN 16 ELSE 0 END ELSE 0 END)
        | (CASE WHEN f.vsi_on = 0 AND f.hhi_on = 0 AND f.covered = 0 THEN 64 ELSE 0 END) AS owed
      FROM visit_facts f
      WHERE f.commune_code IN ${jsonList(q.communes)}
        AND (${area}) AND ${hamlet} ${q.includeClosed ? sql`` : sql`AND f.closed = 0`}
    ),
    placed AS (
      SELECT base.*, owed | (CASE WHEN promised_on IS NOT NULL AND promised_on <= ${q.asOf} AND (owed & 62) <> 0 THEN 1 ELSE 0 END) AS st FROM base
    )`;
}

/** A person in place, as the list's order and counts need them (services/visit-list-order.ts). */
export interface PlacedFact {
  id: string;
  householdKey: string;
  position: number;
  nameFolded: string;
  communeCode: string;
  placedIn: string | null;
  promisedOn: string | null;
  /** The statuses' bits on the day (STATUS_BITS). */
  st: number;
  /** 1: every search word starts a word of the person's text. */
  found: number;
}

/**
 * The people in place with their statuses' bits on the day and whether the search finds them, in
 * households' order (household, place, name, id: the table's own order for one commune) — one
 * read of the commune's facts for the list's counts, filter and order alike.
 */
export async function placedFacts(db: Db, q: FactsQuery, words: readonly string[]): Promise<PlacedFact[]> {
  const found =
    words.length === 0
      ? sql`1`
      : sql.join(
          words.map((w) => sql`instr(search, ${` ${w}`}) > 0`),
          sql` AND `,
        );
  const { rows } = await sql<PlacedFact>`
    WITH ${inPlace(q)}
    SELECT participant_id AS id, household_key AS "householdKey", position, name_folded AS "nameFolded", commune_code AS "communeCode",
           placed_in AS "placedIn", promised_on AS "promisedOn", st, ${found} AS found
    FROM placed ORDER BY household_key, position, name_folded, participant_id`.execute(db);
  return rows;
}

/** Communes whose facts are kept ready between calls: those of the field officers' areas and those already built. */
export async function communesKeptReady(db: Db): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT json_extract(a.value, '$.communeCode') AS code FROM field_assignments f, json_each(f.areas) a
    UNION SELECT commune_code FROM visit_facts_built`.execute(db);
  return rows.map((r) => r.code).filter((c): c is string => typeof c === 'string');
}

/**
 * Whether a commune must be made whole: one of an officer's area not built yet (a new device, this
 * update, a new area) or a mark that unbuilds (a hamlet changed, a page of hundreds pulled).
 */
export async function anyToBuild(db: Db): Promise<boolean> {
  const { rows } = await sql<{ due: number }>`
    SELECT EXISTS (SELECT 1 FROM visit_dirty WHERE kind IN ('c', 'all'))
        OR EXISTS (SELECT 1 FROM field_assignments f, json_each(f.areas) a
                   WHERE json_extract(a.value, '$.communeCode') NOT IN (SELECT commune_code FROM visit_facts_built)) AS due`.execute(db);
  return rows[0]?.due === 1;
}
