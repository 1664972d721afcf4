// A household's health insurance for several members in one pass (ADR 0020): one quote with each
// member's lines and place, one transaction that writes every member's contribution, receipt
// (numbered one after another), enrollment, outbox and audit entries — all or nothing — and a
// receipt per member that is the same as a single payment for them would give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, personInput, rowCounts } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

function tables() {
  const count = (table: string) => (office.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { contributions: count('contributions'), receipts: count('receipts'), enrollments: count('enrollments'), ...rowCounts(office.core) };
}

/** A household of `n` people in order, the first its head. */
async function household(n: number) {
  const people: { id: string; fullName: string }[] = [];
  for (let i = 0; i < n; i++) people.push(await call(office.core, 'participants.register', personInput(), office.tokens.counter));
  const created = await call(office.core, 'households.create', { headParticipantId: people[0]!.id }, office.tokens.counter);
  for (const p of people.slice(1)) await call(office.core, 'households.addMember', { householdId: created.id, participantId: p.id }, office.tokens.counter);
  return { id: created.id as string, people };
}

describe('household payments', () => {
  it('quotes four members at their places (base 2 340 000: 105 300 / 73 710 / 63 180 / 52 650 a month)', async () => {
    const h = await household(4);
    const input = { householdId: h.id, months: 12, members: h.people.map((p) => ({ participantId: p.id, fromMonth: '2026-03' })) };
    const quote = await call(office.core, 'contributions.quoteHousehold', input, office.tokens.counter);
    expect(quote.members.map((m) => m.memberPosition)).toEqual([1, 2, 3, 4]);
    expect(quote.members.map((m: { total: number }) => m.total)).toEqual([105_300 * 12, 73_710 * 12, 63_180 * 12, 52_650 * 12]);
    expect(quote.total).toBe((105_300 + 73_710 + 63_180 + 52_650) * 12);
    // The same as asking for each member alone.
    for (const [i, p] of h.people.entries()) {
      const single = await call(
        office.core,
        'contributions.quote',
        { participantId: p.id, scheme: 'HHI' as const, fromMonth: '2026-03', months: 12 },
        office.tokens.counter,
      );
      expect(single.total).toBe(quote.members[i]!.total);
    }
  });

  it('records every member in one transaction: a receipt each, numbered in order, with outbox and audit entries', async () => {
    const h = await household(3);
    const members = h.people.map((p) => ({ participantId: p.id, fromMonth: '2026-03' }));
    const quote = await call(office.core, 'contributions.quoteHousehold', { householdId: h.id, months: 6, members }, office.tokens.counter);
    const before = tables();
    const done = await call(
      office.core,
      'contributions.recordHousehold',
      { householdId: h.id, months: 6, members, expectedTotal: quote.total },
      office.tokens.counter,
    );
    expect(done.items).toHaveLength(3);
    const receipts = done.items.map((item) => item.receipt);
    expect(receipts.map((r: { participantId: string }) => r.participantId)).toEqual(h.people.map((p) => p.id));
    expect(receipts.map((r) => r.memberPosition)).toEqual([1, 2, 3]);
    expect(receipts.map((r: { amount: number }) => r.amount)).toEqual(quote.members.map((m: { total: number }) => m.total));
    const numbers = receipts.map((r: { number: number }) => r.number);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    expect(new Set(receipts.map((r: { series: string }) => r.series)).size).toBe(1);
    // Per member: a contribution, a receipt, the enrollment this first payment makes; two operations
    // (enrollment, contribution) and two audit entries — as three single payments would write.
    expect(tables()).toEqual({
      ...before,
      contributions: before.contributions + 3,
      receipts: before.receipts + 3,
      enrollments: before.enrollments + 3,
      outbox: before.outbox + 6,
      audit: before.audit + 6,
    });
    const kinds = office.core.database.sqlite
      .prepare('SELECT kind FROM outbox ORDER BY seq DESC LIMIT 6')
      .all()
      .map((r) => (r as { kind: string }).kind)
      .reverse();
    expect(kinds).toEqual(['enrollment.set', 'contribution.record', 'enrollment.set', 'contribution.record', 'enrollment.set', 'contribution.record']);
    // Each member now shows their next period due.
    const enrollments = await call(office.core, 'enrollments.listForParticipant', { participantId: h.people[2]!.id }, office.tokens.counter);
    expect(enrollments.items[0]).toMatchObject({ scheme: 'HHI' as const, nextDue: { fromMonth: '2026-09' } });
  });

  it('writes nothing when one member cannot pay: months already paid, named and placed at that member', async () => {
    const h = await household(3);
    // The second member paid March–May already, alone.
    const second = { participantId: h.people[1]!.id, scheme: 'HHI' as const, fromMonth: '2026-03', months: 3 };
    const alone = await call(office.core, 'contributions.quote', second, office.tokens.counter);
    await call(office.core, 'contributions.record', { ...second, expectedTotal: alone.total }, office.tokens.counter);
    const members = h.people.map((p) => ({ participantId: p.id, fromMonth: '2026-03' }));
    const before = tables();
    const error = await failure(
      office.core,
      'contributions.recordHousehold',
      { householdId: h.id, months: 3, members, expectedTotal: 1 },
      office.tokens.counter,
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('members.1.fromMonth');
    expect(error.message).toMatch(new RegExp(`^${h.people[1]!.fullName}: Các tháng 03/2026 – 05/2026 đã được đóng`));
    expect(tables()).toEqual(before);
  });

  it('refuses a total other than the one shown, and a person of another household, writing nothing', async () => {
    const h = await household(2);
    const other = await household(1);
    const members = h.people.map((p) => ({ participantId: p.id, fromMonth: '2026-03' }));
    const quote = await call(office.core, 'contributions.quoteHousehold', { householdId: h.id, months: 3, members }, office.tokens.counter);
    const before = tables();
    const changed = await failure(
      office.core,
      'contributions.recordHousehold',
      { householdId: h.id, months: 3, members, expectedTotal: quote.total - 1 },
      office.tokens.counter,
    );
    expect(changed).toMatchObject({ code: 'CONFLICT', field: 'expectedTotal' });
    const stranger = await failure(
      office.core,
      'contributions.recordHousehold',
      { householdId: h.id, months: 3, members: [...members, { participantId: other.people[0]!.id, fromMonth: '2026-03' }], expectedTotal: quote.total },
      office.tokens.counter,
    );
    expect(stranger).toMatchObject({ code: 'VALIDATION', field: 'members.2.participantId' });
    const twice = await failure(
      office.core,
      'contributions.quoteHousehold',
      { householdId: h.id, months: 3, members: [members[0], members[0]] },
      office.tokens.counter,
    );
    expect(twice).toMatchObject({ code: 'VALIDATION', field: 'members.1.participantId' });
    expect(tables()).toEqual(before);
  });

  it('keeps a member another scheme insures out, and says so of that member', async () => {
    const h = await household(2);
    await call(office.core, 'households.setCoverage', { householdId: h.id, participantId: h.people[0]!.id, coveredBy: 'pensioner' }, office.tokens.counter);
    const only = await call(
      office.core,
      'contributions.quoteHousehold',
      { householdId: h.id, months: 3, members: [{ participantId: h.people[1]!.id, fromMonth: '2026-03' }] },
      office.tokens.counter,
    );
    // The second in the list is the first who pays.
    expect(only.members[0]).toMatchObject({ memberPosition: 1, total: 105_300 * 3 });
    const refused = await failure(
      office.core,
      'contributions.quoteHousehold',
      { householdId: h.id, months: 3, members: h.people.map((p) => ({ participantId: p.id, fromMonth: '2026-03' })) },
      office.tokens.counter,
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'members.0.scheme' });
  });

  it('refuses a closed day, as a single payment is refused', async () => {
    const h = await household(1);
    const members = [{ participantId: h.people[0]!.id, fromMonth: '2026-03' }];
    const quote = await call(office.core, 'contributions.quoteHousehold', { householdId: h.id, months: 3, members }, office.tokens.counter);
    const summary = await call(office.core, 'dayEnd.summary', { businessDate: '2026-03-02' }, office.tokens.supervisor);
    const counts = summary.collectors.map((c: { staffId: string; expected: number }) => ({ staffId: c.staffId, cashCounted: c.expected }));
    await call(office.core, 'dayEnd.close', { businessDate: '2026-03-02', counts }, office.tokens.supervisor);
    const before = tables();
    const error = await failure(
      office.core,
      'contributions.recordHousehold',
      { householdId: h.id, months: 3, members, expectedTotal: quote.total },
      office.tokens.counter,
    );
    expect(error.code).toBe('DAY_CLOSED');
    expect(tables()).toEqual(before);
  });
});
