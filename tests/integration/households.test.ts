// Households through the real core: created around a head, members appended in order, removed
// and reordered with the order kept, members insured by another scheme kept out of the HHI
// sequence; each change is exactly one outbox entry of its kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, personInput, rowCounts } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function register(n: number): Promise<{ id: string; fullName: string }[]> {
  const made = [];
  for (let i = 0; i < n; i++) made.push(await call(office.core, 'participants.register', personInput(), office.tokens.field));
  return made;
}

const outbox = (entityId: string) =>
  office.core.database.sqlite.prepare('SELECT kind, payload FROM outbox WHERE entity_id = ? ORDER BY seq').all(entityId) as { kind: string; payload: string }[];
const memberOrder = (household: { members: { participantId: string; position: number }[] }) => household.members.map((m) => m.participantId);

describe('households', () => {
  it('creates a household around its head with one household.create outbox entry carrying the members', async () => {
    const [head] = await register(1);
    const household = await call(office.core, 'households.create', { headParticipantId: head!.id }, office.tokens.field);
    expect(household).toMatchObject({ headParticipantId: head!.id, version: 1, members: [{ participantId: head!.id, position: 1, fullName: head!.fullName }] });
    const entries = outbox(household.id);
    expect(entries.map((e) => e.kind)).toEqual(['household.create']);
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({ id: household.id, headParticipantId: head!.id, memberIds: [head!.id] });
    expect((await call(office.core, 'participants.get', { id: head!.id }, office.tokens.counter)).householdId).toBe(household.id);
  });

  it('appends, removes and reorders members, keeping the order, one household.setMembers entry each', async () => {
    const [head, a, b, c] = await register(4);
    const created = await call(office.core, 'households.create', { headParticipantId: head!.id }, office.tokens.field);
    let household = created;
    for (const p of [a, b, c])
      household = await call(office.core, 'households.addMember', { householdId: created.id, participantId: p!.id }, office.tokens.field);
    expect(memberOrder(household)).toEqual([head!.id, a!.id, b!.id, c!.id]);
    expect(household.members.map((m: { position: number }) => m.position)).toEqual([1, 2, 3, 4]);

    household = await call(office.core, 'households.removeMember', { householdId: created.id, participantId: a!.id }, office.tokens.counter);
    expect(memberOrder(household)).toEqual([head!.id, b!.id, c!.id]);
    expect(household.members.map((m: { position: number }) => m.position)).toEqual([1, 2, 3]);
    expect((await call(office.core, 'participants.get', { id: a!.id }, office.tokens.counter)).householdId).toBeNull();

    household = await call(office.core, 'households.reorder', { householdId: created.id, memberIds: [c!.id, head!.id, b!.id] }, office.tokens.counter);
    expect(memberOrder(household)).toEqual([c!.id, head!.id, b!.id]);
    expect(memberOrder(await call(office.core, 'households.get', { id: created.id }, office.tokens.supervisor))).toEqual([c!.id, head!.id, b!.id]);
    expect(household.version).toBe(6);

    const entries = outbox(created.id);
    expect(entries.map((e) => e.kind)).toEqual([
      'household.create',
      'household.setMembers',
      'household.setMembers',
      'household.setMembers',
      'household.setMembers',
      'household.setMembers',
    ]);
    // Each change names the list it was made on (version and writer; null: this device), ADR 0026.
    expect(JSON.parse(entries.at(-1)!.payload)).toEqual({
      householdId: created.id,
      memberIds: [c!.id, head!.id, b!.id],
      coverage: {},
      version: 6,
      base: { version: 5, deviceId: null },
    });
  });

  it('takes a child as under six until their card ends: the sixth birthday, or 30 September of that year if later', async () => {
    const [head] = await register(1);
    const created = await call(office.core, 'households.create', { headParticipantId: head!.id }, office.tokens.counter);
    const mark = async (dateOfBirth: string) => {
      const child = await call(office.core, 'participants.register', personInput({ dateOfBirth }), office.tokens.counter);
      await call(office.core, 'households.addMember', { householdId: created.id, participantId: child.id }, office.tokens.counter);
      const answer = await office.core.invoke(
        'households.setCoverage',
        { householdId: created.id, participantId: child.id, coveredBy: 'child-under-6' },
        office.tokens.counter,
      );
      return answer.ok ? 'covered' : answer.error.code;
    };
    // Today is 2 March 2026 (the fixture's clock).
    expect(await mark('2020-03-03')).toBe('covered'); // six tomorrow
    expect(await mark('2020-01-15')).toBe('covered'); // six since January: covered to 30 September 2026
    expect(await mark('2019-12-31')).toBe('VALIDATION'); // six since December 2025, past 30 September 2025
    expect(await mark('2019-08-01')).toBe('VALIDATION');
  });

  it('refuses a person who already belongs to another household, and writes nothing', async () => {
    const [h1, h2] = await register(2);
    const first = await call(office.core, 'households.create', { headParticipantId: h1!.id }, office.tokens.field);
    const second = await call(office.core, 'households.create', { headParticipantId: h2!.id }, office.tokens.field);
    const before = rowCounts(office.core);
    expect(await failure(office.core, 'households.addMember', { householdId: second.id, participantId: h1!.id }, office.tokens.field)).toMatchObject({
      code: 'CONFLICT',
      field: 'participantId',
    });
    expect(await failure(office.core, 'households.addMember', { householdId: first.id, participantId: h1!.id }, office.tokens.field)).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(office.core, 'households.create', { headParticipantId: h1!.id }, office.tokens.field)).toMatchObject({
      code: 'CONFLICT',
      field: 'headParticipantId',
    });
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('refuses to remove the head, a reorder that is not exactly the members, and an unknown household', async () => {
    const [head, a, stranger] = await register(3);
    const created = await call(office.core, 'households.create', { headParticipantId: head!.id }, office.tokens.field);
    await call(office.core, 'households.addMember', { householdId: created.id, participantId: a!.id }, office.tokens.field);
    const before = rowCounts(office.core);
    expect(await failure(office.core, 'households.removeMember', { householdId: created.id, participantId: head!.id }, office.tokens.field)).toMatchObject({
      code: 'VALIDATION',
      field: 'participantId',
    });
    for (const memberIds of [[a!.id], [a!.id, head!.id, stranger!.id], [a!.id, a!.id], [a!.id, stranger!.id]]) {
      expect(await failure(office.core, 'households.reorder', { householdId: created.id, memberIds }, office.tokens.field)).toMatchObject({
        code: 'VALIDATION',
        field: 'memberIds',
      });
    }
    const missing = '01890000-0000-7000-8000-000000000001';
    expect((await failure(office.core, 'households.addMember', { householdId: missing, participantId: stranger!.id }, office.tokens.field)).code).toBe(
      'NOT_FOUND',
    );
    expect((await failure(office.core, 'households.get', { id: missing }, office.tokens.field)).code).toBe('NOT_FOUND');
    expect(rowCounts(office.core)).toEqual(before);
    expect(memberOrder(await call(office.core, 'households.get', { id: created.id }, office.tokens.field))).toEqual([head!.id, a!.id]);
  });

  it('leaves a member another scheme insures out of the HHI sequence, through reorders and additions, and refuses to collect HHI from them', async () => {
    const [grandfather, mother, father] = await register(3);
    const child = await call(office.core, 'participants.register', personInput({ dateOfBirth: '2022-05-10' }), office.tokens.counter);
    const created = await call(office.core, 'households.create', { headParticipantId: grandfather!.id }, office.tokens.counter);
    for (const p of [mother, child]) await call(office.core, 'households.addMember', { householdId: created.id, participantId: p!.id }, office.tokens.counter);
    const positions = (h: { members: { hhiPosition: number | null; coveredBy: string | null }[] }) => h.members.map((m) => [m.coveredBy, m.hhiPosition]);

    // The head draws a pension; the child is under six: both insured already.
    await call(
      office.core,
      'households.setCoverage',
      { householdId: created.id, participantId: grandfather!.id, coveredBy: 'pensioner' },
      office.tokens.counter,
    );
    let household = await call(
      office.core,
      'households.setCoverage',
      { householdId: created.id, participantId: child!.id, coveredBy: 'child-under-6' },
      office.tokens.counter,
    );
    expect(positions(household)).toEqual([
      ['pensioner', null],
      [null, 1],
      ['child-under-6', null],
    ]);
    expect(household.members.map((m: { position: number }) => m.position)).toEqual([1, 2, 3]);
    const entries = outbox(created.id);
    expect(entries.map((e) => e.kind)).toEqual([
      'household.create',
      'household.setMembers',
      'household.setMembers',
      'household.setMembers',
      'household.setMembers',
    ]);
    expect(JSON.parse(entries.at(-1)!.payload)).toMatchObject({
      memberIds: [grandfather!.id, mother!.id, child!.id],
      coverage: { [grandfather!.id]: 'pensioner', [child!.id]: 'child-under-6' },
    });

    // The marks follow the members through an addition and a reorder.
    await call(office.core, 'households.addMember', { householdId: created.id, participantId: father!.id }, office.tokens.counter);
    household = await call(
      office.core,
      'households.reorder',
      { householdId: created.id, memberIds: [child!.id, father!.id, grandfather!.id, mother!.id] },
      office.tokens.counter,
    );
    expect(positions(household)).toEqual([
      ['child-under-6', null],
      [null, 1],
      ['pensioner', null],
      [null, 2],
    ]);

    // The mother is the second member who joins: 70 % of the first's 105 300 đ a month (base salary 2 340 000 đ).
    const quote = (id: string) =>
      call(office.core, 'contributions.quote', { participantId: id, scheme: 'HHI', fromMonth: '2026-04', months: 3 }, office.tokens.counter);
    expect(await quote(father!.id)).toMatchObject({ memberPosition: 1, total: 3 * 105_300 });
    expect(await quote(mother!.id)).toMatchObject({ memberPosition: 2, total: 3 * 73_710 });
    const refused = await failure(
      office.core,
      'contributions.quote',
      { participantId: grandfather!.id, scheme: 'HHI', fromMonth: '2026-04', months: 3 },
      office.tokens.counter,
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'scheme' });
    expect(refused.message).toContain('đã có BHYT theo diện khác');

    // Unmarked again, the grandfather counts where he stands on the list.
    household = await call(
      office.core,
      'households.setCoverage',
      { householdId: created.id, participantId: grandfather!.id, coveredBy: null },
      office.tokens.counter,
    );
    expect(positions(household)).toEqual([
      ['child-under-6', null],
      [null, 1],
      [null, 2],
      [null, 3],
    ]);
    expect(await quote(mother!.id)).toMatchObject({ memberPosition: 3, total: 3 * 63_180 });

    const before = rowCounts(office.core);
    const [stranger] = await register(1);
    const afterStranger = rowCounts(office.core);
    expect(
      (
        await failure(
          office.core,
          'households.setCoverage',
          { householdId: created.id, participantId: stranger!.id, coveredBy: 'employee' },
          office.tokens.counter,
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      await failure(office.core, 'households.setCoverage', { householdId: created.id, participantId: mother!.id, coveredBy: 'retired' }, office.tokens.counter),
    ).toMatchObject({ code: 'VALIDATION', field: 'coveredBy' });
    // The mother is no child under six: refused, with her birth date.
    const notAChild = await failure(
      office.core,
      'households.setCoverage',
      { householdId: created.id, participantId: mother!.id, coveredBy: 'child-under-6' },
      office.tokens.counter,
    );
    expect(notAChild).toMatchObject({ code: 'VALIDATION', field: 'coveredBy' });
    expect(notAChild.message).toContain('không còn thẻ BHYT trẻ em dưới 6 tuổi');
    expect(rowCounts(office.core)).toEqual(afterStranger);
    expect(before).not.toEqual(afterStranger);
  });
});
