// A store holding only the visit list's facts table (migration 0031), in memory, for the tests of
// the list's query (visit-facts-repository.ts) against the rules it must agree with.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { up } from '../../src/main/core/db/migrations/0031-visit-facts';
import { type FactsQuery, placedFacts } from '../../src/main/core/db/repositories/visit-facts-repository';
import { listFacts, type ListedFacts } from '../../src/main/core/services/visit-list-order';
import type { Database, VisitFactsTable } from '../../src/main/core/db/schema';
import { addDays } from '../../src/main/core/services/visit-facts';

export async function factsStore(): Promise<{ db: Kysely<Database>; insert(rows: VisitFactsTable[]): void; clear(): void }> {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.exec('CREATE TABLE field_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  await up(db as unknown as Kysely<unknown>);
  const columns = Object.keys(blankFacts('x', '00004')) as (keyof VisitFactsTable)[];
  const snake = (c: string) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
  const insert = sqlite.prepare(`INSERT INTO visit_facts (${columns.map(snake).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  return {
    db,
    insert: (rows) => sqlite.transaction(() => rows.forEach((r) => insert.run(...columns.map((c) => r[c]))))(),
    clear: () => sqlite.exec('DELETE FROM visit_facts'),
  };
}

export function blankFacts(id: string, communeCode: string): VisitFactsTable {
  return {
    communeCode,
    participantId: id,
    placedIn: null,
    householdKey: id,
    position: 999,
    nameFolded: '',
    search: ' ',
    closed: 0,
    promisedOn: null,
    covered: 0,
    vsiOn: 0,
    vsiNever: 0,
    vsiNextFrom: null,
    vsiDeadline: null,
    hhiOn: 0,
    hhiValidTo: null,
  };
}

export function query(asOf: string, communes: string[], ranks = new Map<string, number>()): FactsQuery {
  return { communes, area: null, hamlet: undefined, includeClosed: false, asOf, expiringBy: addDays(asOf, 30), ranks };
}

/** A small deterministic generator (mulberry32), so a failure repeats. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The list as the service makes it: the facts read, then counted, ordered and cut. */
export async function listed(
  db: Kysely<Database>,
  q: FactsQuery & { wanted: number; words: readonly string[]; offset: number; limit: number | null },
): Promise<ListedFacts> {
  return listFacts(await placedFacts(db, q, q.words), q.wanted, q.ranks, q.offset, q.limit);
}
