// A contribution whose amount follows the rules from the office's facts, where the central's own
// records say otherwise (the payer's support category, the member's place in the household): the
// money is recorded — the payer holds a receipt — and flagged for review, to the office's inbox
// and to `admin held` at the central. Real office services make the operations; real central on
// PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { listHeldItems, markHeldReviewed } from '../../../src/central/admin';
import { businessMonth } from '../../../src/shared/domain/business-date';
import { addMonths } from '../../../src/shared/domain/payment-periods';
import { centralBackends } from '../fixtures/test-postgres';
import { call, type Office, personInput } from '../fixtures/office-fixture';
import { type Central, person, twoOffices, type Office as SyncedOffice } from '../sync/central-fixture';
import { countRows, enrollDevice, pushOps, takeOps, useCentralAndOffice } from './central-kit';

type Result = { status: string; review?: { code: string; message: string; details: Record<string, unknown> } | null };

describe.each(centralBackends())('a support category the central records otherwise, on %s', (backend) => {
  const world = twoOffices(backend);

  // The offices run on the real clock: payments start in the current month, so none is late.
  const thisMonth = businessMonth(new Date());
  async function payVsi(on: SyncedOffice, participantId: string, fromMonth = thisMonth) {
    const question = { participantId, scheme: 'VSI', fromMonth, months: 3, incomeBasis: 2_000_000 };
    const quote = await on.call<{ total: number }>('contributions.quote', question);
    return on.call<{ contribution: { id: string; total: number }; receipt: { id: string; series: string; number: number } }>('contributions.record', {
      ...question,
      expectedTotal: quote.total,
    });
  }
  type Summary = { applied: number; duplicates: number };

  it('records the payment, flags it with the amount the central expects, in the office inbox and in admin held', async () => {
    const { central, a, b } = world;
    const someone = person('Hà Thị Liên', '1979-05-06', 'female', '001179000321');
    const atA = await a.call<{ id: string }>('participants.register', { ...someone, poverty: null });
    await payVsi(a, atA.id);
    expect(await a.call<Summary>('sync.pushNow', {})).toMatchObject({ applied: 3 });
    expect(await a.call<{ items: unknown[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });

    // Office B registers the same person as a member of a poor household: the state pays half of
    // their VSI there, a fifth by the central's record.
    const atB = await b.call<{ id: string }>('participants.register', {
      ...someone,
      poverty: { kind: 'poor', number: 'HN-0001', validFrom: '2026-01-01', validTo: '2027-12-31' },
    });
    const paid = await payVsi(b, atB.id, addMonths(thisMonth, 3));
    // 22 % of 2 000 000 = 440 000 a month, less the state's share of 22 % of the rural poverty line
    // (1 500 000): half for the poor → 275 000 a month; a fifth for everyone else → 374 000.
    expect(paid.contribution.total).toBe(3 * 275_000);
    const before = await countRows(central, 'contributions');
    expect(await b.call<Summary>('sync.pushNow', {})).toMatchObject({ duplicates: 1, applied: 2 });
    expect(await countRows(central, 'contributions')).toBe(before + 1);

    const issues = await b.call<{ items: { class: string; code: string; entityId: string; message: string; details: string | Record<string, unknown> }[] }>(
      'sync.issues',
      { state: 'open' },
    );
    // The inbox opens the payment's receipt from the item.
    expect(issues.items).toEqual([
      expect.objectContaining({ class: 'FACTS_DIFFER', code: 'FACTS_DIFFER', entityId: paid.contribution.id, receiptId: paid.receipt.id }),
    ]);
    expect(issues.items[0]!.message).toContain('văn phòng tính "Hộ nghèo", hồ sơ trung tâm ghi "Khác"');
    expect(issues.items[0]!.message).toContain('1.122.000 đ');
    const details = issues.items[0]!.details;
    expect(typeof details === 'string' ? JSON.parse(details) : details).toMatchObject({
      error: { details: { office: { supportCategory: 'poor' }, central: { supportCategory: 'other' }, centralTotal: 3 * 374_000, collected: 3 * 275_000 } },
    });

    // Nothing about the household differs: sending it again is refused, and nothing is queued.
    const pending = (await b.call<{ pendingOps: number }>('sync.status', {})).pendingOps;
    await expect(
      b.call('sync.resolveIssue', { id: (issues.items[0] as unknown as { id: string }).id, resolution: 'resend-household', note: 'Gửi lại danh sách hộ' }),
    ).rejects.toMatchObject({
      data: { code: 'VALIDATION', field: 'resolution' },
    });
    expect((await b.call<{ pendingOps: number }>('sync.status', {})).pendingOps).toBe(pending);

    // The supervisor takes the central's category onto B's record: the next payment is quoted as
    // the central expects (the difference already paid is settled at the counter).
    await b.call('sync.resolveIssue', {
      id: (issues.items[0] as unknown as { id: string }).id,
      resolution: 'accept-central',
      note: 'Hộ đã thoát nghèo, thu bổ sung chênh lệch',
    });
    expect(await b.call('participants.get', { id: atB.id })).toMatchObject({ poverty: null });
    const next = await b.call<{ total: number }>('contributions.quote', {
      participantId: atB.id,
      scheme: 'VSI',
      fromMonth: '2026-10',
      months: 3,
      incomeBasis: 2_000_000,
    });
    expect(next.total).toBe(3 * 374_000);

    const held = (await listHeldItems(central.database.db)).filter((h) => h.class === 'FACTS_DIFFER');
    expect(held).toEqual([
      expect.objectContaining({ kind: 'contribution.record', officeCode: 'OFFB', fullName: someone.fullName, personalId: someone.personalId, status: 'open' }),
    ]);
    expect(held[0]!.about).toContain(`${paid.receipt.series}/${paid.receipt.number}, 825000 đ`);
    // The central's administrator marks it reviewed: off the open list, still in the full one; a
    // second time, or an unknown op id, is refused with the reason.
    await markHeldReviewed(central.database.db, held[0]!.opId);
    expect((await listHeldItems(central.database.db)).filter((h) => h.class === 'FACTS_DIFFER')).toEqual([]);
    expect((await listHeldItems(central.database.db, { all: true })).find((h) => h.opId === held[0]!.opId)).toMatchObject({ status: 'reviewed' });
    await expect(markHeldReviewed(central.database.db, held[0]!.opId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(markHeldReviewed(central.database.db, 'no-such-op')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('takes the central’s certificate with its number and dates when the supervisor accepts the central’s category', async () => {
    const { a, b } = world;
    const someone = person('Sùng Thị Dính', '1983-08-09', 'female', '001183000987');
    const certificate = { kind: 'near-poor', number: 'CN-01-2026-0077', validFrom: '2026-01-01', validTo: '2027-12-31' };
    await a.call('participants.register', { ...someone, poverty: certificate });
    await a.call('sync.pushNow', {});
    // Office B registers the same person without the certificate (the payer did not bring it).
    const atB = await b.call<{ id: string }>('participants.register', { ...someone, poverty: null });
    const paid = await payVsi(b, atB.id);
    await b.call('sync.pushNow', {});
    const issue = (
      await b.call<{ items: { id: string; class: string; entityId: string; details: { error: { details: Record<string, unknown> } } }[] }>('sync.issues', {
        state: 'open',
      })
    ).items.find((i) => i.entityId === paid.contribution.id);
    expect(issue).toMatchObject({
      class: 'FACTS_DIFFER',
      details: { error: { details: { central: { supportCategory: 'near-poor' }, centralFacts: { poverty: certificate } } } },
    });
    await b.call('sync.resolveIssue', { id: issue!.id, resolution: 'accept-central', note: 'Trung tâm có giấy chứng nhận cận nghèo' });
    expect(await b.call('participants.get', { id: atB.id })).toMatchObject({ poverty: certificate });
    // The next quote takes the near-poor share and does not ask for the certificate's number or dates.
    const next = await b.call<{ total: number; supportNotes: { vi: string }[]; support: { category: string } }>('contributions.quote', {
      participantId: atB.id,
      scheme: 'VSI',
      fromMonth: addMonths(thisMonth, 3),
      months: 3,
      incomeBasis: 2_000_000,
    });
    expect(next.support.category).toBe('near-poor');
    expect(next.total).toBe(3 * (440_000 - 132_000));
    expect(next.supportNotes.map((n) => n.vi).join(' ')).not.toContain('Chưa ghi số');
  });

  it('settles the flag at the office and at the central when the flagged payment is refunded', async () => {
    const { central, a, b } = world;
    const someone = person('Triệu Thị Mây', '1981-03-04', 'female', '001181000654');
    await a.call('participants.register', { ...someone, poverty: null });
    await a.call('sync.pushNow', {});
    const atB = await b.call<{ id: string }>('participants.register', {
      ...someone,
      poverty: { kind: 'near-poor', number: 'CN-0001', validFrom: '2026-01-01', validTo: '2027-12-31' },
    });
    const paid = await payVsi(b, atB.id);
    await b.call('sync.pushNow', {});
    const open = async () =>
      (await b.call<{ items: { id: string; class: string; entityId: string }[] }>('sync.issues', { state: 'open' })).items.filter(
        (i) => i.entityId === paid.contribution.id,
      );
    const [issue] = await open();
    expect(issue).toMatchObject({ class: 'FACTS_DIFFER' });
    const heldOf = async () =>
      (await listHeldItems(central.database.db, { all: true })).filter((h) => h.class === 'FACTS_DIFFER' && h.fullName === someone.fullName);
    expect(await heldOf()).toEqual([expect.objectContaining({ status: 'open' })]);

    // The clerk gives the money back and takes it again with the central's category.
    await b.call('receipts.void', { id: paid.receipt.id, reason: 'Sai diện hỗ trợ, hoàn trả và thu lại' });
    expect(await open()).toEqual([]);
    const all = await b.call<{ items: { id: string; resolution: string; resolutionNote: string }[] }>('sync.issues', { state: 'all' });
    expect(all.items.find((i) => i.id === issue!.id)).toMatchObject({
      resolution: 'acknowledged',
      resolutionNote: 'Đã hủy biên lai (hoàn trả): Sai diện hỗ trợ, hoàn trả và thu lại',
    });
    await b.call('sync.pushNow', {});
    expect(await heldOf()).toEqual([expect.objectContaining({ status: 'reviewed' })]);
  });
});

describe.each(centralBackends())('a household list the central has otherwise, sent again from the inbox, on %s', (backend) => {
  const world = twoOffices(backend);
  type Issue = { id: string; class: string; state: string; details: { error: { details: Record<string, unknown> } } };

  async function payHhi(participantId: string, fromMonth: string) {
    const question = { participantId, scheme: 'HHI', fromMonth, months: 3 };
    const quote = await world.a.call<{ total: number }>('contributions.quote', question);
    return world.a.call<{ contribution: { id: string; memberPosition: number } }>('contributions.record', { ...question, expectedTotal: quote.total });
  }

  it('flags the payment with the household, and the office list sent again makes the next payment agree', async () => {
    const { central, a } = world;
    const head = await a.call<{ id: string }>('participants.register', person('Lò Văn Páo', '1970-02-03', 'male', '001070000111'));
    const wife = await a.call<{ id: string }>('participants.register', person('Lò Thị Mai', '1972-04-05', 'female', '001172000222'));
    const son = await a.call<{ id: string }>('participants.register', person('Lò Văn Tú', '1995-06-07', 'male', '001095000333'));
    const household = await a.call<{ id: string }>('households.create', { headParticipantId: head.id });
    for (const member of [wife, son]) await a.call('households.addMember', { householdId: household.id, participantId: member.id });
    await payHhi(wife.id, '2026-04');
    await a.call('sync.pushNow', {});
    expect(await a.call<{ items: unknown[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });

    // The central's list comes to differ from the office's (the son second, the wife third), as
    // when a change of it was lost on the way: the wife's next payment, second here, is flagged.
    await central.database.db
      .updateTable('households')
      .set({ memberIds: JSON.stringify([head.id, son.id, wife.id]) })
      .where('id', '=', household.id)
      .execute();
    const flagged = await payHhi(wife.id, '2026-07');
    expect(flagged.contribution.memberPosition).toBe(2);
    await a.call('sync.pushNow', {});
    const [issue, ...others] = (await a.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).items;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ class: 'FACTS_DIFFER', details: { error: { details: { householdId: household.id, central: { memberPosition: 3 } } } } });

    // The supervisor checks the list here and sends it again: one household operation is queued,
    // the central's list becomes the office's, and the next payment is not flagged.
    const pending = (await a.call<{ pendingOps: number }>('sync.status', {})).pendingOps;
    await a.call('sync.resolveIssue', { id: issue!.id, resolution: 'resend-household', note: 'Đã đối chiếu sổ hộ khẩu: vợ là người thứ hai' });
    expect((await a.call<{ pendingOps: number }>('sync.status', {})).pendingOps).toBe(pending + 1);
    expect(await a.call('sync.pushNow', {})).toMatchObject({ applied: 1 });
    const atCentral = await central.database.db.selectFrom('households').select('memberIds').where('id', '=', household.id).executeTakeFirstOrThrow();
    expect(typeof atCentral.memberIds === 'string' ? JSON.parse(atCentral.memberIds) : atCentral.memberIds).toEqual([head.id, wife.id, son.id]);
    await payHhi(wife.id, '2026-10');
    await a.call('sync.pushNow', {});
    expect(await a.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).toEqual({ items: [] });
    expect((await a.call<{ items: Issue[] }>('sync.issues', { state: 'all' })).items.find((i) => i.id === issue!.id)).toMatchObject({
      state: 'resolved',
      resolution: 'resend-household',
    });
  });
});

describe.each(centralBackends())('a place in the household the central does not have, on %s', (backend) => {
  let central: Central;
  let office: Office;
  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  async function payHhi(participantId: string) {
    const question = { participantId, scheme: 'HHI' as const, fromMonth: '2026-04', months: 3 };
    const quote = await call(office.core, 'contributions.quote', question, office.tokens.counter);
    return call(office.core, 'contributions.record', { ...question, expectedTotal: quote.total }, office.tokens.counter);
  }

  it('flags an HHI payment made at another place than the central has, and not one that agrees', async () => {
    const sender = await enrollDevice(central, 'FHH');
    const people: { id: string }[] = [];
    for (let i = 0; i < 3; i++) people.push(await call(office.core, 'participants.register', personInput(), office.tokens.counter));
    const household = await call(office.core, 'households.create', { headParticipantId: people[0]!.id }, office.tokens.counter);
    for (const p of people.slice(1)) await call(office.core, 'households.addMember', { householdId: household.id, participantId: p.id }, office.tokens.counter);
    await payHhi(people[1]!.id);
    const agreed = (await pushOps(sender, await takeOps(office))).json.results as Result[];
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.every((r) => r.status === 'APPLIED' && !r.review)).toBe(true);

    // The third member moves up to second place and pays as second (70 %); the new order never
    // reaches the central (as when that operation was refused), which still has them third (60 %).
    await call(
      office.core,
      'households.reorder',
      { householdId: household.id, memberIds: [people[0]!.id, people[2]!.id, people[1]!.id] },
      office.tokens.counter,
    );
    const paid = await payHhi(people[2]!.id);
    expect(paid.contribution.memberPosition).toBe(2);
    const ops = await takeOps(office, 100);
    expect(ops.map((o) => o.kind)).toEqual(['household.setMembers', 'enrollment.set', 'contribution.record']);
    const results = (await pushOps(sender, ops.slice(1))).json.results as Result[];
    expect(results[1]).toMatchObject({
      status: 'APPLIED',
      review: { code: 'FACTS_DIFFER', details: { office: { memberPosition: 2 }, central: { memberPosition: 3 } } },
    });
    expect(results[1]!.review!.message).toContain('văn phòng tính người thứ 2, trung tâm có người thứ 3');
    // 4.5 % of the base salary (2 340 000 on the office's day) = 105 300 a month for the first;
    // 70 % → 73 710, 60 % → 63 180.
    expect(paid.contribution.total).toBe(3 * 73_710);
    expect(results[1]!.review!.details.centralTotal).toBe(3 * 63_180);
  });
});
