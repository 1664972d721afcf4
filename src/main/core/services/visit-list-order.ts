// The visit list's order (issue 21 item 2): commune → hamlet (by rank) → household (by the name of
// its first listed member) → place in the household, households with a promise due today first by
// the promise's date. Sorting a commune's 20 000 people on every call was most of what a kept
// picture still cost, so the households are put in that order once per picture (`orderedHouseholds`)
// and each call walks them: a household listed whole keeps its place; one whose first member is
// filtered out, or that carries a promise, is keyed again and merged in — the same total order,
// with the same ties broken by id, so the result is exactly a full sort's.
import type { AreaPerson } from './area-picture';

export interface Household {
  /** The household's people in the picture (or one person alone), by place then name. */
  members: AreaPerson[];
  /** Its place in the order when listed whole with no promise (made once). */
  key: Keyed;
}

export interface Keyed {
  members: AreaPerson[];
  promise: string | null;
  commune: string;
  hamlet: number;
  name: string;
  id: string;
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

function keyed(members: AreaPerson[], ranks: Map<string, number>): Keyed {
  const head = members[0]!;
  let promise: string | null = null;
  for (const m of members) {
    if (!m.standing.statuses.includes('promise-due')) continue;
    const on = m.lastVisit?.promisedOn ?? '';
    if (promise === null || on < promise) promise = on;
  }
  return {
    members,
    promise,
    commune: head.communeCode,
    // People of no known hamlet come after the hamlets.
    hamlet: (head.placedIn ? ranks.get(head.placedIn) : undefined) ?? Number.MAX_SAFE_INTEGER,
    name: head.nameFolded,
    id: head.householdId ?? head.id,
  };
}

/** Every household of the picture (a person alone is one), in the list's order when listed whole and with no promise. */
export function orderedHouseholds(people: readonly AreaPerson[], ranks: Map<string, number>): Household[] {
  const groups = new Map<string, AreaPerson[]>();
  for (const p of people) {
    const key = p.householdId ?? `person:${p.id}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const all = [...groups.values()].map((members) => {
    members.sort((a, b) => (a.position ?? 999) - (b.position ?? 999) || cmp(a.nameFolded, b.nameFolded));
    return { ...keyed(members, ranks), promise: null };
  });
  all.sort(compare);
  return all.map((key) => ({ members: key.members, key }));
}

/** The same households with some people's picture replaced (their order's keys do not change: only what was added). */
export function withPeople(households: readonly Household[], replaced: Map<string, AreaPerson>): Household[] {
  return households.map((h) => {
    if (!h.members.some((m) => replaced.has(m.id))) return h;
    const members = h.members.map((m) => replaced.get(m.id) ?? m);
    return { members, key: { ...h.key, members } };
  });
}

/** The people `shown` picks, in the list's order. */
export function inListOrder(households: readonly Household[], shown: (p: AreaPerson) => boolean, ranks: Map<string, number>): AreaPerson[] {
  const placed: Keyed[] = [];
  const moved: Keyed[] = [];
  for (const h of households) {
    // Most households are listed whole and carry no promise: their key is the one made once.
    let whole = true;
    let promise = false;
    for (const m of h.members) {
      if (!shown(m)) whole = false;
      else if (m.standing.statuses.includes('promise-due')) promise = true;
    }
    if (whole && !promise) {
      placed.push(h.key);
      continue;
    }
    const members = whole ? h.members : h.members.filter(shown);
    if (members.length === 0) continue;
    const k = keyed(members, ranks);
    if (k.promise === null && members[0] === h.members[0]) placed.push(k);
    else moved.push(k);
  }
  moved.sort(compare);
  const out: AreaPerson[] = [];
  let i = 0;
  let j = 0;
  while (j < moved.length) {
    const next = i < placed.length && compare(placed[i]!, moved[j]!) < 0 ? placed[i++]! : moved[j++]!;
    for (const m of next.members) out.push(m);
  }
  while (i < placed.length) for (const m of placed[i++]!.members) out.push(m);
  return out;
}
