// The visit list's order as made from the store's facts (visit-list-order.ts `listFacts`) is
// exactly the order of a full sort of the people shown — the rule as first written, kept here as
// the reference — for random communes, hamlets, households, promises and filters (a status, a
// hamlet, an area, a search that leaves out some households' first members), and a page of it is
// the same slice of that order.
import { describe, expect, it } from 'vitest';
import { STATUS_BITS } from '../../src/main/core/db/repositories/visit-facts-repository';
import type { VisitFactsTable } from '../../src/main/core/db/schema';
import type { VisitStatus } from '../../src/shared/domain/visit-status';
import { blankFacts, factsStore, listed, query, random } from './visit-facts-fixture';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Person {
  id: string;
  nameFolded: string;
  communeCode: string;
  placedIn: string | null;
  householdId: string | null;
  position: number | null;
  statuses: VisitStatus[];
  promisedOn: string | null;
  tag: string;
}

/** The order by a sort of everything shown (the list's first implementation). */
function reference(people: Person[], ranks: Map<string, number>): Person[] {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const key = p.householdId ?? `person:${p.id}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const keyed = [...groups.values()].map((members) => {
    members.sort((a, b) => (a.position ?? 999) - (b.position ?? 999) || cmp(a.nameFolded, b.nameFolded));
    const head = members[0]!;
    const promised = members.filter((m) => m.statuses.includes('promise-due')).map((m) => m.promisedOn ?? '');
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

const ASOF = '2026-03-02';

/** Facts that give the person the statuses asked for on ASOF (visit-facts-sql.test.ts proves the statuses' SQL). */
function factsOf(p: Person): VisitFactsTable {
  const f: VisitFactsTable = {
    ...blankFacts(p.id, p.communeCode),
    placedIn: p.placedIn,
    householdKey: p.householdId ?? p.id,
    position: p.position ?? 999,
    nameFolded: p.nameFolded,
    search: ` ${p.nameFolded} ${p.tag}`,
    promisedOn: p.promisedOn,
  };
  if (p.statuses.includes('vsi-due')) return { ...f, vsiOn: 1, vsiNextFrom: '2026-03', vsiDeadline: '2026-03-31' };
  if (p.statuses.includes('vsi-overdue')) return { ...f, vsiOn: 1, vsiNextFrom: '2026-01', vsiDeadline: '2026-01-31' };
  if (p.statuses.includes('never-paid')) return { ...f, vsiOn: 1, vsiNever: 1, vsiNextFrom: '2026-01', vsiDeadline: '2026-01-31' };
  return f;
}

function commune(seed: number): Person[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const names = ['nguyen van an', 'le thi binh', 'tran van chu', 'pham thi dung', 'hoang van em', 'le thi binh'];
  const people: Person[] = [];
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
      statuses: promised ? ['promise-due', 'vsi-due'] : [pick(['vsi-due', 'vsi-overdue', 'never-paid', 'no-scheme'] as const)],
      promisedOn: promised ? pick(['2026-03-01', '2026-03-02', '2026-02-27']) : null,
      tag: pick(['tagx', 'tagy', 'tagz']),
    });
  }
  return people;
}

describe('the visit list’s order', () => {
  const ranks = new Map([
    ['t1', 0],
    ['t2', 1],
    ['t10', 2],
  ]);
  const all = Object.values(STATUS_BITS).reduce((a, b) => a | b, 0);
  it('is a full sort’s, whatever the filter keeps, and a page is its slice', async () => {
    const store = await factsStore();
    for (let seed = 1; seed <= 40; seed++) {
      const people = commune(seed);
      store.clear();
      store.insert(people.map(factsOf));
      const base = { ...query(ASOF, ['00004', '00007'], ranks), wanted: all, words: [] as string[], offset: 0, limit: null };
      const cases: { q: Partial<typeof base> & Record<string, unknown>; shown: (p: Person) => boolean }[] = [
        { q: {}, shown: () => true },
        { q: { wanted: STATUS_BITS['vsi-overdue'] }, shown: (p) => p.statuses.includes('vsi-overdue') },
        { q: { hamlet: 't2' }, shown: (p) => p.placedIn === 't2' },
        { q: { hamlet: null }, shown: (p) => p.placedIn === null },
        { q: { words: ['tagx'] }, shown: (p) => p.tag === 'tagx' },
        { q: { words: ['le', 'tag'] }, shown: (p) => p.nameFolded.startsWith('le') },
        {
          q: {
            area: [
              { communeCode: '00004', hamletIds: ['t1', 't10'] },
              { communeCode: '00007', hamletIds: [] },
            ],
          },
          shown: (p) => p.communeCode === '00007' || p.placedIn === 't1' || p.placedIn === 't10',
        },
      ];
      for (const c of cases) {
        const expected = reference(people.filter(c.shown), ranks).map((p) => p.id);
        const page = await listed(store.db, { ...base, ...c.q });
        expect(page.ids).toEqual(expected);
        expect(page.total).toBe(expected.length);
        const slice = await listed(store.db, { ...base, ...c.q, offset: 7, limit: 30 });
        expect(slice.ids).toEqual(expected.slice(7, 37));
        expect(slice.total).toBe(expected.length);
      }
    }
    await store.db.destroy();
  });
});
