// What an office writes to its outbox is the one operation contract the central parses
// (src/shared/sync/operations.ts): every kind, made through the real services, parses with the
// shared union and comes out of it exactly as written — no field the office sends is unknown to
// the schema (zod would drop it at the central), none is changed by a default or a trim — and the
// outbox's entity is the one the union names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { applyChangesIn } from '../../src/main/core/sync/pull-applier';
import { operation, operationEntity, operationKinds } from '../../src/shared/sync/operations';
import { call, type Office, openOffice, PASSWORD, personInput } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function everyKind(): Promise<void> {
  const { core, tokens } = office;
  const head = await call(core, 'participants.register', personInput(), tokens.counter);
  const member = await call(core, 'participants.register', personInput(), tokens.counter);
  await call(core, 'participants.update', { id: member.id, expectedVersion: 1, phone: '0912345678' }, tokens.counter);
  await call(
    core,
    'enrollments.set',
    { participantId: head.id, scheme: 'VSI' as const, method: 'quarterly', incomeBasis: 1_500_000, fromMonth: '2026-03' },
    tokens.counter,
  );
  const vsi = { participantId: head.id, scheme: 'VSI' as const, fromMonth: '2026-03', months: 3 };
  const quote = await call(core, 'contributions.quote', vsi, tokens.counter);
  const paid = await call(core, 'contributions.record', { ...vsi, expectedTotal: quote.total }, tokens.counter);
  const household = await call(core, 'households.create', { headParticipantId: head.id }, tokens.counter);
  await call(core, 'households.addMember', { householdId: household.id, participantId: member.id }, tokens.counter);
  await call(core, 'households.setCoverage', { householdId: household.id, participantId: head.id, coveredBy: 'pensioner' }, tokens.counter);
  // HHI for the member, enrolled by the payment itself (its place in the household travels with it).
  const hhi = { participantId: member.id, scheme: 'HHI' as const, fromMonth: '2026-04', months: 12 };
  const hhiQuote = await call(core, 'contributions.quote', hhi, tokens.counter);
  await call(core, 'contributions.record', { ...hhi, expectedTotal: hhiQuote.total }, tokens.counter);
  // The field officer's kinds: a hamlet, an officer's area, the member placed in the hamlet, a visit.
  const hamlet = await call(core, 'hamlets.save', { communeCode: member.communeCode, kind: 'thon', name: 'Đông Hòa' }, tokens.supervisor);
  await call(
    core,
    'field.assign',
    { username: 'field', areas: [{ communeCode: member.communeCode, hamletIds: [hamlet.id] }], expectedVersion: 0 },
    tokens.supervisor,
  );
  await call(core, 'participants.update', { id: member.id, expectedVersion: 2, hamletId: hamlet.id }, tokens.counter);
  await call(core, 'field.recordVisit', { participantId: member.id, outcome: 'promised', promisedOn: '2026-03-10', note: 'Hẹn sau vụ lúa' }, tokens.field);
  const summary = await call(core, 'dayEnd.summary', { businessDate: '2026-03-02' }, tokens.supervisor);
  const counts = summary.collectors.map((c: { staffId: string; expected: number }) => ({ staffId: c.staffId, cashCounted: c.expected }));
  await call(core, 'dayEnd.close', { businessDate: '2026-03-02', counts }, tokens.supervisor);
  // The next day the first receipt is refunded: the void carries the refund.
  office.clock.advanceMinutes(24 * 60);
  const supervisor = (await call(core, 'auth.login', { username: 'supervisor', password: PASSWORD })).token;
  await call(core, 'receipts.void', { id: paid.receipt.id, reason: 'Đóng trùng tháng, hoàn trả' }, supervisor);
  // A field officer's payment on another device of the office, pulled here; its cash is handed over here.
  const fieldOfficer = uuidv7();
  const pulled = {
    id: uuidv7(),
    participantId: member.id,
    householdId: null,
    scheme: 'VSI' as const,
    method: 'quarterly',
    fromMonth: '2026-07',
    months: 3,
    incomeBasis: 1_500_000,
    memberPosition: null,
    paidOn: '2026-03-03',
    businessDate: '2026-03-03',
    total: 792_000,
    supportedMonths: 3,
    receipt: { id: uuidv7(), series: 'TEST01-FIELD', number: 1 },
    issuedAt: '2026-03-03T03:00:00.000Z',
    officeCode: 'TEST01',
    deviceId: 'field-laptop',
    collectorStaffId: fieldOfficer,
    collectorName: 'Ngô Thị Lan',
  };
  await core.context.db.transaction().execute((trx) => applyChangesIn(trx, [{ kind: 'contribution', payload: pulled }], '2026-03-03T10:00:00.000Z'));
  await call(
    core,
    'dayEnd.recordHandover',
    { fromDeviceId: 'field-laptop', collectorStaffId: fieldOfficer, businessDates: ['2026-03-03'], cashCounted: 792_000 },
    supervisor,
  );
}

describe('the operation contract', () => {
  it('parses every operation an office writes as written, of every kind the union has', async () => {
    await everyKind();
    const rows = office.core.database.sqlite.prepare('SELECT kind, entity_id AS entityId, payload FROM outbox ORDER BY seq').all() as {
      kind: string;
      entityId: string;
      payload: string;
    }[];
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(operationKinds));
    for (const row of rows) {
      const written = { kind: row.kind, payload: JSON.parse(row.payload) as unknown };
      const parsed = operation.safeParse(written);
      expect(parsed.error?.issues, row.kind).toBeUndefined();
      expect(parsed.data, row.kind).toEqual(written);
      expect(operationEntity(parsed.data!).entityId, row.kind).toBe(row.entityId);
    }
    const voided = rows.find((r) => r.kind === 'receipt.void')!;
    expect(JSON.parse(voided.payload).refund).toMatchObject({ businessDate: '2026-03-03' });
  });

  it('refuses a payload that lacks what the central reads, naming the field inside the payload', () => {
    const parsed = operation.safeParse({ kind: 'household.setMembers', payload: { householdId: 'x', memberIds: [], version: 1 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['payload', 'householdId']);
    expect(operation.safeParse({ kind: 'participant.teleport', payload: {} }).success).toBe(false);
  });
});
