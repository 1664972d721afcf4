// The visit list's counts, order and page from one read of the commune's facts (issue 21, ADR 0039):
// commune → hamlet (by rank) → household (by the name of its first member shown) → place in the
// household, households with a promise due today first by the earliest promise shown; a person
// alone is a household of one. The facts come in households' order (household, place, name, id),
// so each household's first member shown is met first and only the households are sorted — not
// the people, and no window of SQL (measured: the windows' two sorts of 20 000 rows cost more than
// reading the rows). Proven equal to a full sort by visit-list-order.test.ts.
import { visitStatuses } from '../../../shared/domain/visit-status';
import { type PlacedFact, STATUS_BITS } from '../db/repositories/visit-facts-repository';

interface Keyed {
  promise: string | null;
  commune: string;
  hamlet: number;
  name: string;
  id: string;
  members: string[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compare(a: Keyed, b: Keyed): number {
  return (
    (a.promise === null ? 1 : 0) - (b.promise === null ? 1 : 0) ||
    cmp(a.promise ?? '', b.promise ?? '') ||
    cmp(a.commune, b.commune) ||
    a.hamlet - b.hamlet ||
    cmp(a.name, b.name) ||
    cmp(a.id, b.id)
  );
}

export interface ListedFacts {
  /** "All" (anyone with a status) and each status, over the people in place. */
  counts: Record<string, number>;
  total: number;
  /** The page's people, in the list's order. */
  ids: string[];
}

/** Counts over everyone in place; the people shown (a status of `wanted`, found by the search) ordered and cut to the page. */
export function listFacts(facts: readonly PlacedFact[], wanted: number, ranks: Map<string, number>, offset: number, limit: number | null): ListedFacts {
  const counts: Record<string, number> = { all: 0 };
  for (const s of visitStatuses) counts[s] = 0;
  const households: Keyed[] = [];
  let current: Keyed | null = null;
  let currentKey: string | null = null;
  for (const f of facts) {
    if (f.st !== 0) {
      counts.all!++;
      for (const s of visitStatuses) if (f.st & STATUS_BITS[s]) counts[s]!++;
    }
    if ((f.st & wanted) === 0 || f.found !== 1) continue;
    if (currentKey !== f.householdKey) {
      // The household's first member shown (the facts come in place, name, id order) keys it.
      current = {
        promise: null,
        commune: f.communeCode,
        hamlet: (f.placedIn !== null ? ranks.get(f.placedIn) : undefined) ?? Number.MAX_SAFE_INTEGER,
        name: f.nameFolded,
        id: f.householdKey,
        members: [],
      };
      currentKey = f.householdKey;
      households.push(current);
    }
    current!.members.push(f.id);
    if (f.st & STATUS_BITS['promise-due'] && f.promisedOn !== null && (current!.promise === null || f.promisedOn < current!.promise)) {
      current!.promise = f.promisedOn;
    }
  }
  households.sort(compare);
  const ids: string[] = [];
  let total = 0;
  const end = limit === null ? Infinity : offset + limit;
  for (const h of households) {
    for (const id of h.members) {
      if (total >= offset && total < end) ids.push(id);
      total++;
    }
  }
  return { counts, total, ids };
}
