// The visit list's facts are kept in the store (ADR 0039) and brought up to date before each list
// by what the store's triggers and pulled pages marked: never stale after a write — a payment, a
// void, a payment pulled from another device, a visit, a person's edit, a repair by hand, the
// business day moving on — and only the people a write is about are made again. The pulled
// paid-through month (ADR 0035) counts for a person whose payments this device never held. And a
// "paid" visit recorded by hand may cite a receipt pulled from the office's other devices (ADR 0026).
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { insertPulledContributions, insertVoidFromElsewhere } from '../../../src/main/core/db/repositories/pulled-payments-repository';
import { applyPulledChanges } from '../../../src/main/core/sync/pull-applier';
import type { CentralChange } from '../../../src/shared/sync/changes';
import type { MethodInput } from '../../../src/shared/contract/methods';
import { call, failure, type Office, PASSWORD, rowCounts } from '../fixtures/office-fixture';
import { type Commune, COMMUNE, useSeededCommuneEachTest } from './field-kit';

let office: Office;
let c: Commune;
useSeededCommuneEachTest((o, commune) => {
  office = o;
  c = commune;
});

const list = (input: MethodInput<'field.visitList'> = {}) =>
  call(office.core, 'field.visitList', { communeCodes: [COMMUNE], ...input }, office.tokens.supervisor);
const row = async (id: string, input: MethodInput<'field.visitList'> = {}) => (await list(input)).items.find((i) => i.participantId === id);
const marks = () => office.core.database.sqlite.prepare('SELECT kind, key FROM visit_dirty ORDER BY kind, key').all() as { kind: string; key: string }[];
const pulledPage = (changes: CentralChange[]) => applyPulledChanges(office.core.context.db, changes, 'cursor-1', '2026-03-02T02:00:00.000Z');
/** A VSI payment of February–March taken on the office's counter 2 and pulled here (ADR 0026). */
function pulledPayment(participantId: string, receiptId: string, receiptNumber: number) {
  return {
    id: uuidv7(),
    participantId,
    householdId: null,
    scheme: 'VSI' as const,
    method: 'monthly',
    fromMonth: '2026-02',
    toMonth: '2026-03',
    months: 2,
    incomeBasis: 1_500_000,
    memberPosition: null,
    paidOn: '2026-03-02',
    businessDate: '2026-03-02',
    total: 660_000,
    supportedMonths: 0,
    receiptId,
    receiptSeries: 'TEST01-QUAY2',
    receiptNumber,
    issuedAt: '2026-03-02T01:00:00.000Z',
    officeCode: 'TEST01',
    sourceDeviceId: 'device-quay-2',
    collectorStaffId: null,
    collectorName: 'Nguyễn Thu Quầy',
  };
}

describe('the visit list kept in the store', () => {
  it('hears a write made by hand, once per person however many rows', async () => {
    expect((await row(c.overdue.id))?.fullName).toBe('Lê Thị Quá');
    const sqlite = office.core.database.sqlite;
    expect(marks()).toEqual([]);
    sqlite.prepare(`UPDATE participants SET full_name = 'Lê Thị Đổi' WHERE id = ?`).run(c.overdue.id);
    sqlite.prepare(`UPDATE participants SET phone = '0912999999' WHERE id = ?`).run(c.overdue.id);
    expect(marks()).toEqual([{ kind: 'p', key: c.overdue.id }]);
    expect((await row(c.overdue.id))?.fullName).toBe('Lê Thị Đổi');
    expect(marks()).toEqual([]);
    // A hamlet made by hand places the commune's people again: the commune is made whole.
    sqlite.prepare(`UPDATE hamlets SET name = 'Tây Mới', name_key = 'thon|tay moi' WHERE id = ?`).run(c.westId);
    expect(marks()).toEqual([{ kind: 'c', key: COMMUNE }]);
    expect((await row(c.none.id))?.hamletId).toBeNull();
  });

  it('makes again only the people a visit or a payment is about', async () => {
    await list();
    const sqlite = office.core.database.sqlite;
    // Someone else's kept facts are written over by hand (no trigger on them): they stay as they are.
    sqlite.prepare(`UPDATE visit_facts SET search = ' dauhieu' WHERE participant_id = ?`).run(c.overdue.id);
    // A household's visit: its members are made again, nobody else.
    await call(office.core, 'field.recordVisit', { householdId: c.householdId, outcome: 'not-home' }, office.tokens.supervisor);
    const after = await list();
    expect(after.items.find((i) => i.participantId === c.member.id)?.lastVisit).toMatchObject({ outcome: 'not-home', forHousehold: true });
    expect((await list({ query: 'dauhieu' })).items.map((i) => i.participantId)).toEqual([c.overdue.id]);
  });

  it('brought up to date, answers as facts made whole', async () => {
    const inputs: MethodInput<'field.visitList'>[] = [{}, { statuses: ['never-paid'] }, { query: 'tran' }, { hamlet: c.hamletId }, { includeClosed: true }];
    for (const input of inputs) await list(input);
    await call(office.core, 'field.recordVisit', { householdId: c.householdId, outcome: 'promised', promisedOn: '2026-03-02' }, office.tokens.supervisor);
    await call(office.core, 'field.recordVisit', { participantId: c.due.id, outcome: 'moved' }, office.tokens.supervisor);
    const q = { participantId: c.overdue.id, scheme: 'VSI', method: 'monthly', fromMonth: '2026-02', months: 1 } as const;
    const quote = await call(office.core, 'contributions.quote', q, office.tokens.supervisor);
    await call(office.core, 'contributions.record', { ...q, expectedTotal: quote.total }, office.tokens.supervisor);
    const updated = [];
    for (const input of inputs) updated.push(await list(input));
    office.core.database.sqlite.exec('DELETE FROM visit_facts; DELETE FROM visit_facts_built');
    const whole = [];
    for (const input of inputs) whole.push(await list(input));
    expect(updated).toEqual(whole);
    // The promise due today brought the household to the top.
    expect(updated[0]!.items[0]!.participantId).toBe(c.head.id);
  });

  it('counts the paid-through month pulled from the central for payments this device never held', async () => {
    // The overdue person paid through May at another office's counter: only the central's count came.
    expect((await row(c.overdue.id))?.statuses).toEqual(['vsi-overdue']);
    await pulledPage([{ kind: 'paid-through', payload: { participantId: c.overdue.id, VSI: '2026-02' } }]);
    const through = await row(c.overdue.id);
    // Paid through February: March is due until 31 March, not overdue.
    expect(through).toMatchObject({ statuses: ['vsi-due'], vsiPaidThrough: '2026-02' });
    expect(through?.due).toMatchObject([{ scheme: 'VSI', fromMonth: '2026-03', months: 1 }]);
    // A later payment held here counts over an older central figure.
    await pulledPage([{ kind: 'paid-through', payload: { participantId: c.due.id, VSI: '2025-06' } }]);
    expect((await row(c.due.id))?.vsiPaidThrough).toBe('2025-12');
    // Paid through the year at the central: nothing owed, off the list.
    await pulledPage([{ kind: 'paid-through', payload: { participantId: c.overdue.id, VSI: '2026-12' } }]);
    expect(await row(c.overdue.id)).toBeUndefined();
  });

  it('marks a pulled page once: its people, or everything for a page of hundreds', async () => {
    await list();
    await pulledPage([
      { kind: 'paid-through', payload: { participantId: c.overdue.id, VSI: '2026-02' } },
      { kind: 'paid-through', payload: { participantId: c.overdue.id, HHI: null } },
      { kind: 'paid-through', payload: { participantId: c.due.id, VSI: '2025-12' } },
    ]);
    expect(marks()).toEqual([
      { kind: 'p', key: c.due.id },
      { kind: 'p', key: c.overdue.id },
    ]);
    expect(office.core.database.sqlite.prepare('SELECT pulling FROM field_changes').pluck().get()).toBe(0);
    await list();
    const many: CentralChange[] = Array.from({ length: 600 }, () => ({ kind: 'paid-through', payload: { participantId: uuidv7(), VSI: '2026-01' } }));
    many.push({ kind: 'paid-through', payload: { participantId: c.overdue.id, VSI: '2026-12' } });
    await pulledPage(many);
    expect(marks()).toEqual([{ kind: 'all', key: '' }]);
    expect(await row(c.overdue.id)).toBeUndefined();
    expect(office.core.database.sqlite.prepare('SELECT count(*) FROM visit_facts_built').pluck().get()).toBe(1);
  });

  it('has the officers’ communes made ready between calls, before anyone lists them', async () => {
    await call(
      office.core,
      'field.assign',
      { username: 'dithu', areas: [{ communeCode: COMMUNE, hamletIds: [] }], expectedVersion: 0 },
      office.tokens.supervisor,
    );
    const sqlite = office.core.database.sqlite;
    sqlite.exec('DELETE FROM visit_facts; DELETE FROM visit_facts_built');
    sqlite.prepare(`UPDATE participants SET phone = '0912999999' WHERE id = ?`).run(c.overdue.id);
    // Any call: the keeper finds the officer's commune not made and makes it whole, no list asked.
    await call(office.core, 'hamlets.list', { communeCode: COMMUNE }, office.tokens.supervisor);
    const ready = () => sqlite.prepare('SELECT count(*) FROM visit_facts_built WHERE commune_code = ?').pluck().get(COMMUNE) === 1;
    for (let i = 0; i < 100 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ready()).toBe(true);
    expect(marks()).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM visit_facts WHERE commune_code = ?').pluck().get(COMMUNE)).toBe(6);
  });

  it('is read anew after a payment', async () => {
    expect((await row(c.overdue.id))?.statuses).toEqual(['vsi-overdue']);
    const q = { participantId: c.overdue.id, scheme: 'VSI', method: 'monthly', fromMonth: '2026-02', months: 2 } as const;
    const quote = await call(office.core, 'contributions.quote', q, office.tokens.supervisor);
    await call(office.core, 'contributions.record', { ...q, expectedTotal: quote.total }, office.tokens.supervisor);
    expect(await row(c.overdue.id)).toBeUndefined();
  });

  it('is read anew after a void', async () => {
    expect(await row(c.paid.id)).toBeUndefined();
    const payments = await call(office.core, 'contributions.listForParticipant', { participantId: c.paid.id }, office.tokens.supervisor);
    await call(office.core, 'receipts.void', { id: payments.items[0]!.receiptId, reason: 'Thu nhầm người' }, office.tokens.supervisor);
    // Paid ahead no more: the year's only payment is voided, so the person never paid.
    expect((await row(c.paid.id))?.statuses).toEqual(['never-paid']);
  });

  it('is read anew after a payment pulled from another device of the office', async () => {
    expect((await row(c.overdue.id))?.statuses).toEqual(['vsi-overdue']);
    await insertPulledContributions(office.core.context.db, [pulledPayment(c.overdue.id, uuidv7(), 7)]);
    expect(await row(c.overdue.id)).toBeUndefined();
  });

  it('is read anew after a visit', async () => {
    expect((await row(c.none.id))?.lastVisit).toBeNull();
    await call(office.core, 'field.recordVisit', { participantId: c.none.id, outcome: 'not-home' }, office.tokens.supervisor);
    expect((await row(c.none.id))?.lastVisit?.outcome).toBe('not-home');
  });

  it('is read anew after a person’s record is edited', async () => {
    const person = await call(office.core, 'participants.get', { id: c.none.id }, office.tokens.supervisor);
    expect((await list({ query: 'pham van' })).total).toBe(1);
    await call(office.core, 'participants.update', { id: c.none.id, expectedVersion: person.version, fullName: 'Hoàng Văn Tây' }, office.tokens.supervisor);
    expect((await list({ query: 'pham van' })).total).toBe(0);
    expect((await row(c.none.id))?.fullName).toBe('Hoàng Văn Tây');
  });

  it('is read anew when the business day moves on', async () => {
    await call(office.core, 'field.recordVisit', { participantId: c.member.id, outcome: 'promised', promisedOn: '2026-03-03' }, office.tokens.supervisor);
    expect((await row(c.member.id))?.statuses).toEqual(['never-paid']);
    // Midnight in Hà Nội (UTC+7) passes: 2 March 02:00 UTC is 09:00 there, 24 hours on is the 3rd.
    office.clock.advanceMinutes(24 * 60);
    // The night locked the session: the supervisor signs in again on the new day.
    office.tokens.supervisor = (await call(office.core, 'auth.login', { username: 'supervisor', password: PASSWORD })).token;
    expect((await list()).asOf).toBe('2026-03-03');
    expect((await row(c.member.id))?.statuses).toEqual(['promise-due', 'never-paid']);
  });
});

describe('a "paid" visit recorded by hand', () => {
  it('cites a receipt taken on another device of the office, and refuses one voided or of someone else', async () => {
    const pulled = uuidv7();
    const voided = uuidv7();
    const db = office.core.context.db;
    await insertPulledContributions(db, [pulledPayment(c.overdue.id, pulled, 8), pulledPayment(c.due.id, voided, 9)]);
    await insertVoidFromElsewhere(db, {
      voidId: uuidv7(),
      receiptId: voided,
      reason: 'Thu nhầm người',
      voidedBy: null,
      voidedAt: '2026-03-02T02:00:00.000Z',
      businessDate: '2026-03-02',
      voidedByName: 'Nguyễn Thu Quầy',
      refund: null,
      deviceId: 'device-quay-2',
    } as unknown as Parameters<typeof insertVoidFromElsewhere>[1]);
    const visit = await call(
      office.core,
      'field.recordVisit',
      { participantId: c.overdue.id, outcome: 'paid', receiptIds: [pulled] },
      office.tokens.supervisor,
    );
    expect(visit).toMatchObject({ outcome: 'paid', receiptIds: [pulled] });
    const before = rowCounts(office.core);
    for (const [participantId, receiptId] of [
      [c.due.id, voided],
      [c.head.id, pulled],
    ] as const) {
      const error = await failure(office.core, 'field.recordVisit', { participantId, outcome: 'paid', receiptIds: [receiptId] }, office.tokens.supervisor);
      expect({ code: error.code, field: error.field }).toEqual({ code: 'VALIDATION', field: 'receiptIds' });
    }
    expect(rowCounts(office.core)).toEqual(before);
  });
});
