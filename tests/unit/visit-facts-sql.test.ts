// The statuses the visit list's query computes in SQL from a person's kept facts and the day
// (visit-facts-repository.ts) are exactly those of the rules (domain/visit-status.ts
// `visitStanding`), for random enrollments of every method, payments, promises and coverage, on
// days at each boundary (the first month of the period, its deadline and the day after, a card's
// last day minus 31, 30 and 0 days and the day after) and random days between — and so are the counts.
import { describe, expect, it } from 'vitest';
import { paymentMethods } from '../../src/shared/contract/contribution';
import { replaceCommuneFacts, STATUS_BITS } from '../../src/main/core/db/repositories/visit-facts-repository';
import type { AreaRecord } from '../../src/main/core/services/area-picture';
import { addDays, factsRow } from '../../src/main/core/services/visit-facts';
import { addMonths, lastDayOf } from '../../src/shared/domain/payment-periods';
import { type PersonFacts, type VisitStatus, visitStanding, visitStatuses, vsiNextPeriod } from '../../src/shared/domain/visit-status';
import { blankFacts, factsStore, listed, query, random } from './visit-facts-fixture';

function person(id: string, facts: PersonFacts): AreaRecord {
  return {
    id,
    fullName: id,
    nameFolded: id,
    sex: 'male',
    dateOfBirth: '1980-01-01',
    personalId: '001080000001',
    phone: null,
    addressLine: '',
    communeCode: '00004',
    hamletId: null,
    householdId: null,
    householdHead: null,
    position: null,
    coveredBy: facts.coveredElsewhere ? 'pensioner' : null,
    createdAt: '2026-01-01T00:00:00Z',
    placedIn: null,
    lastVisit: null,
    closed: false,
    enrolled: { VSI: facts.vsi !== null, HHI: facts.hhi !== null },
    paid: { VSI: facts.vsi?.paidThrough ?? null, HHI: facts.hhi?.paidThrough ?? null },
    facts,
  };
}

describe('statuses computed by the store’s query', () => {
  it('are the rules’ at every boundary and between', async () => {
    const store = await factsStore();
    const r = random(21);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const month = () => `${pick(['2024', '2025', '2026'])}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}`;
    const hhiMethods = ['quarterly', 'semiannual', 'annual'] as const;
    for (let round = 0; round < 40; round++) {
      const people: AreaRecord[] = [];
      for (let i = 0; i < 150; i++) {
        const vsiPaid = r() < 0.2 ? null : month();
        const hhiPaid = r() < 0.2 ? null : month();
        const facts: PersonFacts = {
          vsi: r() < 0.6 ? { method: pick(paymentMethods), fromMonth: month(), paidThrough: vsiPaid } : null,
          hhi: r() < 0.5 ? { method: pick(hhiMethods), fromMonth: month(), paidThrough: hhiPaid } : null,
          coveredElsewhere: r() < 0.3,
          promisedOn: r() < 0.3 ? `${month()}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}` : null,
        };
        people.push(person(`p${round}-${i}`, facts));
      }
      // The day: a boundary of one of the people, or any day.
      const someone = pick(people.filter((p) => p.facts.vsi || p.facts.hhi));
      const vsi = someone.facts.vsi ? vsiNextPeriod(someone.facts.vsi) : null;
      const card = someone.facts.hhi?.paidThrough ? lastDayOf(someone.facts.hhi.paidThrough) : null;
      const days = [
        vsi ? `${vsi.nextFrom}-01` : null,
        vsi?.deadline ?? null,
        vsi?.deadline ? addDays(vsi.deadline, 1) : null,
        card ? addDays(card, -31) : null,
        card ? addDays(card, -30) : null,
        card,
        card ? addDays(card, 1) : null,
        `${addMonths(month(), 0)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      ].filter((d): d is string => d !== null);
      store.clear();
      store.insert(people.map((p) => factsRow(p, new Map())));
      for (const asOf of days) {
        const expected = new Map(people.map((p) => [p.id, visitStanding(p.facts, asOf).statuses]));
        const q = query(asOf, ['00004']);
        for (const s of visitStatuses) {
          const page = await listed(store.db, { ...q, wanted: STATUS_BITS[s], words: [], offset: 0, limit: null });
          const want = people.filter((p) => expected.get(p.id)!.includes(s)).map((p) => p.id);
          expect(new Set(page.ids), `${s} on ${asOf}`).toEqual(new Set(want));
        }
        const { counts } = await listed(store.db, { ...q, wanted: 127, words: [], offset: 0, limit: 0 });
        const want: Record<string, number> = { all: [...expected.values()].filter((st) => st.length > 0).length };
        for (const s of visitStatuses) want[s] = [...expected.values()].filter((st: VisitStatus[]) => st.includes(s)).length;
        expect(counts).toEqual(want);
      }
    }
    await store.db.destroy();
  });
});

describe('a commune made whole', () => {
  it('holds more people than one statement takes values', async () => {
    const store = await factsStore();
    const rows = Array.from({ length: 40_000 }, (_, i) => ({ ...blankFacts(`p${i}`, '00004'), vsiOn: 1, vsiNextFrom: '2026-01', vsiDeadline: '2026-01-31' }));
    await replaceCommuneFacts(store.db, '00004', rows);
    await replaceCommuneFacts(store.db, '00004', rows);
    const { counts } = await listed(store.db, { ...query('2026-03-02', ['00004']), wanted: 127, words: [], offset: 0, limit: 0 });
    expect(counts['vsi-overdue']).toBe(40_000);
    await store.db.destroy();
  });
});
