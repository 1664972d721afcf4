// Households through the real core: created around a head, members appended in order, removed
// and reordered with the order kept; each change is exactly one outbox entry of its kind.
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
    for (const p of [a, b, c]) household = await call(office.core, 'households.addMember', { householdId: created.id, participantId: p!.id }, office.tokens.field);
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
    expect(entries.map((e) => e.kind)).toEqual(['household.create', 'household.setMembers', 'household.setMembers', 'household.setMembers', 'household.setMembers', 'household.setMembers']);
    expect(JSON.parse(entries.at(-1)!.payload)).toEqual({ householdId: created.id, memberIds: [c!.id, head!.id, b!.id], version: 6 });
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
    expect(await failure(office.core, 'households.addMember', { householdId: first.id, participantId: h1!.id }, office.tokens.field)).toMatchObject({ code: 'CONFLICT' });
    expect(await failure(office.core, 'households.create', { headParticipantId: h1!.id }, office.tokens.field)).toMatchObject({ code: 'CONFLICT', field: 'headParticipantId' });
    expect(rowCounts(office.core)).toEqual(before);
  });

  it('refuses to remove the head, a reorder that is not exactly the members, and an unknown household', async () => {
    const [head, a, stranger] = await register(3);
    const created = await call(office.core, 'households.create', { headParticipantId: head!.id }, office.tokens.field);
    await call(office.core, 'households.addMember', { householdId: created.id, participantId: a!.id }, office.tokens.field);
    const before = rowCounts(office.core);
    expect(await failure(office.core, 'households.removeMember', { householdId: created.id, participantId: head!.id }, office.tokens.field)).toMatchObject({ code: 'VALIDATION', field: 'participantId' });
    for (const memberIds of [[a!.id], [a!.id, head!.id, stranger!.id], [a!.id, a!.id], [a!.id, stranger!.id]]) {
      expect(await failure(office.core, 'households.reorder', { householdId: created.id, memberIds }, office.tokens.field)).toMatchObject({ code: 'VALIDATION', field: 'memberIds' });
    }
    const missing = '01890000-0000-7000-8000-000000000001';
    expect((await failure(office.core, 'households.addMember', { householdId: missing, participantId: stranger!.id }, office.tokens.field)).code).toBe('NOT_FOUND');
    expect((await failure(office.core, 'households.get', { id: missing }, office.tokens.field)).code).toBe('NOT_FOUND');
    expect(rowCounts(office.core)).toEqual(before);
    expect(memberOrder(await call(office.core, 'households.get', { id: created.id }, office.tokens.field))).toEqual([head!.id, a!.id]);
  });
});
