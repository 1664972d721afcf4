// The visit list's order walked from households put in order once (visit-list-order.ts) is exactly
// the order of a full sort of the people shown — the rule as first written, kept here as the
// reference — for random communes, hamlets, households, promises and filters.
import { describe, expect, it } from 'vitest';
import type { AreaPerson } from '../../src/main/core/services/area-picture';
import { inListOrder, orderedHouseholds } from '../../src/main/core/services/visit-list-order';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order by a sort of everything shown, on every call (the list's first implementation). */
function reference(people: AreaPerson[], ranks: Map<string, number>): AreaPerson[] {
  const groups = new Map<string, AreaPerson[]>();
  for (const p of people) {
    const key = p.householdId ?? `person:${p.id}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const keyed = [...groups.values()].map((members) => {
    members.sort((a, b) => (a.position ?? 999) - (b.position ?? 999) || cmp(a.nameFolded, b.nameFolded));
    const head = members[0]!;
    const promised = members.filter((m) => m.standing.statuses.includes('promise-due')).map((m) => m.lastVisit?.promisedOn ?? '');
    return {
      members,
      promise: promised.length > 0 ? promised.sort()[0]! : null,
      commune: head.communeCode,
      hamlet: (head.placedIn ? ranks.get(head.placedIn) : undefined) ?? Number.MAX_SAFE_INTEGER,
      name: head.nameFolded,
      id: head.householdId ?? head.id,
    };
  });
  keyed.sort(
    (a, b) =>
      (a.promise === null ? 1 : 0) - (b.promise === null ? 1 : 0) ||
      cmp(a.promise ?? '', b.promise ?? '') ||
      cmp(a.commune, b.commune) ||
      a.hamlet - b.hamlet ||
      cmp(a.name, b.name) ||
      cmp(a.id, b.id),
  );
  return keyed.flatMap((k) => k.members);
}

/** A small deterministic generator (mulberry32), so a failure repeats. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function commune(seed: number): AreaPerson[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const names = ['nguyen van an', 'le thi binh', 'tran van chu', 'pham thi dung', 'hoang van em', 'le thi binh'];
  const people: AreaPerson[] = [];
  for (let i = 0; i < 400; i++) {
    const inHousehold = r() < 0.6;
    const household = inHousehold ? `h${Math.floor(r() * 60)}` : null;
    const promised = r() < 0.08;
    people.push({
      id: `p${String(i).padStart(4, '0')}`,
      nameFolded: pick(names),
      communeCode: pick(['00004', '00007']),
      placedIn: pick(['t1', 't2', 't10', null]),
      householdId: household,
      position: household ? pick([1, 2, 3, null]) : null,
      standing: { statuses: promised ? ['promise-due', 'vsi-due'] : [pick(['vsi-due', 'vsi-overdue', 'never-paid', 'no-scheme'])] },
      lastVisit: promised ? { promisedOn: pick(['2026-03-01', '2026-03-02', '2026-02-27']) } : null,
    } as unknown as AreaPerson);
  }
  return people;
}

describe('the visit list’s order', () => {
  const ranks = new Map([
    ['t1', 0],
    ['t2', 1],
    ['t10', 2],
  ]);
  it('is a full sort’s, whatever the filter keeps', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const people = commune(seed);
      const households = orderedHouseholds(people, ranks);
      const r = random(seed * 7);
      const some = new Set(people.filter(() => r() < 0.3));
      const filters: ((p: AreaPerson) => boolean)[] = [
        () => true,
        (p) => p.standing.statuses.includes('vsi-overdue'),
        (p) => p.placedIn === 't2',
        (p) => p.position !== 1,
        (p) => some.has(p),
      ];
      for (const shown of filters) {
        const kept = people.filter(shown);
        expect(inListOrder(households, shown, ranks).map((p) => p.id)).toEqual(reference([...kept], ranks).map((p) => p.id));
      }
    }
  });
});
