// The visit list on a real office store (issue 21 items 2, 3, 6): statuses of real enrollments and
// payments, amounts equal to the counter's quote, the order commune → hamlet → household with a
// promise brought to the top on its date, filters and unaccented search, the officer's area, and
// each visit outcome written with its outbox and audit entries (or refused, writing nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, rowCounts } from '../fixtures/office-fixture';
import { type Commune, COMMUNE, seedCommune } from './field-kit';
import type { VisitPerson } from '../../../src/shared/contract/field';
import type { MethodInput } from '../../../src/shared/contract/methods';

let office: Office;
let c: Commune;
beforeAll(async () => {
  office = await openOffice();
  c = await seedCommune(office);
  await call(
    office.core,
    'field.assign',
    { username: 'field', areas: [{ communeCode: COMMUNE, hamletIds: [c.hamletId] }], expectedVersion: 0 },
    office.tokens.supervisor,
  );
}, 60_000);
afterAll(() => office.close());

type Item = VisitPerson;
const list = (input: MethodInput<'field.visitList'>, token = office.tokens.field) => call(office.core, 'field.visitList', input, token);
const byId = (items: Item[], id: string) => items.find((i) => i.participantId === id);

describe('the visit list', () => {
  it('gives each person of the officer’s hamlet their statuses, and leaves out those who owe nothing', async () => {
    const { items, counts } = await list({});
    expect(byId(items, c.due.id)?.statuses).toEqual(['vsi-due']);
    expect(byId(items, c.overdue.id)?.statuses).toEqual(['vsi-overdue']);
    expect(byId(items, c.head.id)?.statuses).toEqual(['hhi-expiring']);
    expect(byId(items, c.member.id)?.statuses).toEqual(['never-paid']);
    expect(byId(items, c.paid.id)).toBeUndefined();
    // Thôn Tây is not in the officer's area.
    expect(byId(items, c.none.id)).toBeUndefined();
    expect(counts).toMatchObject({ all: 4, 'vsi-due': 1, 'vsi-overdue': 1, 'hhi-expiring': 1, 'never-paid': 1, 'no-scheme': 0 });
  });

  it('prices what each owes today with the counter’s own quote', async () => {
    const { items } = await list({});
    for (const item of items) {
      for (const due of item.due) {
        const quote = await call(
          office.core,
          'contributions.quote',
          { participantId: item.participantId, scheme: due.scheme, method: due.method, fromMonth: due.fromMonth, months: due.months },
          office.tokens.supervisor,
        );
        expect(due.total).toBe(quote.total);
      }
    }
    expect(byId(items, c.overdue.id)?.due).toMatchObject([{ scheme: 'VSI', fromMonth: '2026-02', months: 2 }]);
    expect(byId(items, c.head.id)?.due).toMatchObject([{ scheme: 'HHI', fromMonth: '2026-04', months: 3 }]);
    expect(byId(items, c.overdue.id)!.totalDue).toBeGreaterThan(0);
  });

  it('orders by hamlet then household, the household’s members together in their order', async () => {
    const { items } = await list({ communeCodes: [COMMUNE] }, office.tokens.supervisor);
    const ids = items.map((i) => i.participantId);
    // Thôn Đông Hòa before Thôn Tây; the household's head right before its second member.
    expect(ids.indexOf(c.none.id)).toBe(ids.length - 1);
    expect(ids.indexOf(c.member.id)).toBe(ids.indexOf(c.head.id) + 1);
    expect(byId(items, c.none.id)?.statuses).toEqual(['no-scheme']);
  });

  it('filters by status and hamlet, and finds people without accents', async () => {
    expect((await list({ statuses: ['vsi-overdue'] })).items.map((i) => i.participantId)).toEqual([c.overdue.id]);
    expect((await list({ query: 'le thi qua' })).items.map((i) => i.participantId)).toEqual([c.overdue.id]);
    expect((await list({ query: 'dong hoa so 12' })).items.map((i) => i.participantId).sort()).toEqual([c.head.id, c.member.id].sort());
    const west = await list({ communeCodes: [COMMUNE], hamlet: c.westId }, office.tokens.supervisor);
    expect(west.items.map((i) => i.participantId)).toEqual([c.none.id]);
  });

  it('refuses a commune outside the officer’s area and counter staff altogether', async () => {
    expect((await failure(office.core, 'field.visitList', { communeCodes: ['00025'] }, office.tokens.field)).code).toBe('FORBIDDEN');
    expect((await failure(office.core, 'field.visitList', {}, office.tokens.counter)).code).toBe('FORBIDDEN');
    expect((await failure(office.core, 'field.recordVisit', { participantId: c.none.id, outcome: 'not-home' }, office.tokens.counter)).code).toBe('FORBIDDEN');
  });
});

describe('visit outcomes', () => {
  it('brings a promise back to the top of the list on its date, not before', async () => {
    await call(
      office.core,
      'field.recordVisit',
      { participantId: c.member.id, outcome: 'promised', promisedOn: '2026-03-05', note: 'Sau phiên chợ' },
      office.tokens.field,
    );
    const before = await list({});
    expect(before.items[0]!.participantId).not.toBe(c.member.id);
    const onTheDay = await list({ asOf: '2026-03-05' });
    // The member's household comes first, the member carrying the promise.
    expect(onTheDay.items.slice(0, 2).map((i) => i.participantId)).toEqual([c.head.id, c.member.id]);
    expect(byId(onTheDay.items, c.member.id)?.statuses).toEqual(['promise-due', 'never-paid']);
  });

  it('records each outcome as a row, an outbox entry and an audit entry', async () => {
    const outcomes: Omit<MethodInput<'field.recordVisit'>, 'participantId'>[] = [
      { outcome: 'declined', declineReason: 'cost' },
      { outcome: 'not-home' },
      { outcome: 'wrong-address', note: 'Số nhà đã đổi' },
      { outcome: 'moved' },
      { outcome: 'deceased' },
    ];
    for (const o of outcomes) {
      const before = rowCounts(office.core);
      const visit = await call(office.core, 'field.recordVisit', { participantId: c.due.id, ...o }, office.tokens.field);
      expect(visit).toMatchObject({ ...o, visitedOn: '2026-03-02', staffName: 'Nhân Viên field' });
      const after = rowCounts(office.core);
      expect(after.outbox - before.outbox).toBe(1);
      expect(after.audit - before.audit).toBe(1);
    }
    const kinds = office.core.database.sqlite.prepare(`SELECT kind FROM outbox WHERE kind = 'visit.record'`).pluck().all();
    expect(kinds.length).toBeGreaterThanOrEqual(6);
    // Deceased: left out of the list unless asked for.
    expect(byId((await list({})).items, c.due.id)).toBeUndefined();
    expect(byId((await list({ includeClosed: true })).items, c.due.id)?.lastVisit?.outcome).toBe('deceased');
  });

  it('refuses an outcome without what it needs, and writes nothing', async () => {
    const before = rowCounts(office.core);
    const cases: [Record<string, unknown>, string][] = [
      [{ participantId: c.head.id, outcome: 'promised' }, 'promisedOn'],
      [{ participantId: c.head.id, outcome: 'promised', promisedOn: '2026-03-01' }, 'promisedOn'],
      [{ participantId: c.head.id, outcome: 'declined' }, 'declineReason'],
      [{ participantId: c.head.id, outcome: 'paid' }, 'receiptIds'],
      [{ participantId: c.head.id, householdId: c.householdId, outcome: 'not-home' }, 'participantId'],
      [{ participantId: c.head.id, outcome: 'paid', receiptIds: ['0190a0a0-0000-7000-8000-000000000000'] }, 'receiptIds'],
    ];
    for (const [input, field] of cases) {
      const error = await failure(office.core, 'field.recordVisit', input, office.tokens.field).catch((e: Error) => {
        throw new Error(`${JSON.stringify(input)}: ${e.message}`);
      });
      expect({ code: error.code, field: error.field }).toEqual({ code: 'VALIDATION', field });
    }
    expect((await failure(office.core, 'field.recordVisit', { participantId: c.none.id, outcome: 'not-home' }, office.tokens.field)).code).toBe('FORBIDDEN');
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('records "paid" with the receipts when a payment is taken from the list, in the same transaction', async () => {
    const q = { participantId: c.overdue.id, scheme: 'VSI', method: 'monthly', fromMonth: '2026-02', months: 2 } as const;
    const quote = await call(office.core, 'contributions.quote', q, office.tokens.field);
    const paid = await call(
      office.core,
      'contributions.record',
      { ...q, expectedTotal: quote.total, fieldVisit: { note: 'Thu tại nhà' } },
      office.tokens.field,
    );
    const visits = await call(office.core, 'field.visits', { participantId: c.overdue.id }, office.tokens.field);
    expect(visits.items[0]).toMatchObject({ outcome: 'paid', receiptIds: [paid.receipt.id], note: 'Thu tại nhà' });
    expect(byId((await list({})).items, c.overdue.id)).toBeUndefined();
    // A household payment from the list: one visit for the household with every receipt.
    const hq = await call(
      office.core,
      'contributions.quoteHousehold',
      { householdId: c.householdId, months: 3, members: [{ participantId: c.member.id, fromMonth: '2026-03' }] },
      office.tokens.field,
    );
    const hp = await call(
      office.core,
      'contributions.recordHousehold',
      { householdId: c.householdId, months: 3, members: [{ participantId: c.member.id, fromMonth: '2026-03' }], expectedTotal: hq.total, fieldVisit: {} },
      office.tokens.field,
    );
    const hv = await call(office.core, 'field.visits', { householdId: c.householdId }, office.tokens.field);
    expect(hv.items[0]).toMatchObject({ outcome: 'paid', receiptIds: hp.items.map((i: { receipt: { id: string } }) => i.receipt.id) });
    // Counter staff take payments at the counter: a visit flag from them is refused, nothing written.
    const before = rowCounts(office.core);
    const error = await failure(
      office.core,
      'contributions.record',
      { ...q, fromMonth: '2026-04', months: 1, expectedTotal: 1, fieldVisit: {} },
      office.tokens.counter,
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(rowCounts(office.core)).toEqual(before);
  });
});
