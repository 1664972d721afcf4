// Months paid twice for one person: each office refuses months its own record has paid, but the
// same person registered at two offices can pay the same months at both. The central sees every
// payment of the canonical person: the second is recorded (the payer holds a receipt) and flagged
// MONTHS_ALREADY_PAID with the receipt that paid first, to the office's inbox and `admin held`.
// A receipt voided and taken again for the same months (a clerk's correction) is not flagged. A
// refund of either payment settles the flag, at the central and in the later office's inbox.
// Real office cores sync with a real central on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { listHeldItems } from '../../../src/central/admin';
import { centralBackends } from '../fixtures/test-postgres';
import { person, twoOffices, type Office } from '../sync/central-fixture';
import { countRows } from './central-kit';

type Issue = {
  id: string;
  class: string;
  message: string;
  receiptId: string | null;
  details: { error: { code: string; details: { paid: { receipt: string; officeCode: string }[]; facts?: unknown } } };
};
type Paid = { contribution: { id: string }; receipt: { id: string; series: string; number: number } };

describe.each(centralBackends())('months paid twice for one person, on %s', (backend) => {
  const world = twoOffices(backend);

  async function payVsi(on: Office, participantId: string, fromMonth: string): Promise<Paid> {
    const question = { participantId, scheme: 'VSI', fromMonth, months: 3, incomeBasis: 2_000_000 };
    const quote = await on.call<{ total: number }>('contributions.quote', question);
    return on.call<Paid>('contributions.record', { ...question, expectedTotal: quote.total });
  }
  const openIssues = async (on: Office) => (await on.call<{ items: Issue[] }>('sync.issues', { state: 'open' })).items;

  it('records the second office’s payment for months the first has paid, and flags it with the first receipt', async () => {
    const { central, a, b } = world;
    const someone = person('Đinh Thị Hoa', '1982-07-08', 'female', '001182000777');
    const atA = await a.call<{ id: string }>('participants.register', someone);
    const first = await payVsi(a, atA.id, '2026-04');
    await a.call('sync.pushNow', {});
    expect(await openIssues(a)).toEqual([]);

    // At B the same person (same personal ID) pays May to July: May and June are paid twice.
    const atB = await b.call<{ id: string }>('participants.register', someone);
    const second = await payVsi(b, atB.id, '2026-05');
    const before = await countRows(central, 'contributions');
    expect(await b.call('sync.pushNow', {})).toMatchObject({ duplicates: 1, rejected: 0, held: 0 });
    expect(await countRows(central, 'contributions')).toBe(before + 1);
    const [issue, ...others] = await openIssues(b);
    expect(others).toEqual([]);
    const firstReceipt = `${first.receipt.series}/${first.receipt.number}`;
    expect(issue).toMatchObject({
      class: 'MONTHS_ALREADY_PAID',
      receiptId: second.receipt.id,
      details: { error: { code: 'MONTHS_ALREADY_PAID', details: { paid: [{ receipt: firstReceipt, officeCode: 'OFFA' }] } } },
    });
    expect(issue!.message).toContain(`các tháng trùng: 04/2026 – 06/2026 (biên lai ${firstReceipt}, văn phòng OFFA)`);
    const held = (await listHeldItems(central.database.db)).filter((h) => h.class === 'MONTHS_ALREADY_PAID');
    expect(held).toEqual([expect.objectContaining({ kind: 'contribution.record', officeCode: 'OFFB', fullName: someone.fullName, status: 'open' })]);

    // The supervisor refunds B's payment: voiding its receipt settles the item, with the reason as
    // the decision's note. B's next months, which nobody has paid, go without a flag.
    await b.call('receipts.void', { id: second.receipt.id, reason: 'Đã đóng ở văn phòng OFFA, hoàn trả tiền' });
    expect(await openIssues(b)).toEqual([]);
    expect(
      (await b.call<{ items: (Issue & { resolution: string; resolutionNote: string })[] }>('sync.issues', { state: 'all' })).items.find(
        (i) => i.id === issue!.id,
      ),
    ).toMatchObject({
      state: 'resolved',
      resolution: 'acknowledged',
      resolutionNote: 'Đã hủy biên lai (hoàn trả): Đã đóng ở văn phòng OFFA, hoàn trả tiền',
    });
    await payVsi(b, atB.id, '2026-07');
    expect(await b.call('sync.pushNow', {})).toMatchObject({ rejected: 0, held: 0 });
    expect(await openIssues(b)).toEqual([]);
    // The refund (the void) settles the item at the central too.
    expect((await listHeldItems(central.database.db)).filter((h) => h.class === 'MONTHS_ALREADY_PAID')).toEqual([]);
    expect((await listHeldItems(central.database.db, { all: true })).find((h) => h.opId === held[0]!.opId)).toMatchObject({ status: 'reviewed' });
  });

  it('settles the later payment when the office that was paid first refunds its receipt, and tells the later office', async () => {
    const { central, a, b } = world;
    const someone = person('Lò Văn Pánh', '1986-05-06', 'male', '001086000456');
    const atA = await a.call<{ id: string }>('participants.register', someone);
    const first = await payVsi(a, atA.id, '2026-04');
    await a.call('sync.pushNow', {});
    const atB = await b.call<{ id: string }>('participants.register', someone);
    const second = await payVsi(b, atB.id, '2026-05');
    await b.call('sync.pushNow', {});
    const [issue] = (await openIssues(b)).filter((i) => i.receiptId === second.receipt.id);
    expect(issue).toMatchObject({ class: 'MONTHS_ALREADY_PAID' });
    const heldOpen = async () => (await listHeldItems(central.database.db)).filter((h) => h.class === 'MONTHS_ALREADY_PAID' && h.fullName === someone.fullName);
    expect(await heldOpen()).toHaveLength(1);

    // Office A refunds its own payment instead: B's payment now pays those months alone.
    await a.call('receipts.void', { id: first.receipt.id, reason: 'Người nộp đã đóng ở văn phòng OFFB, hoàn trả' });
    await a.call('sync.pushNow', {});
    expect(await heldOpen()).toEqual([]);
    await b.call('sync.pushNow', {});
    expect((await openIssues(b)).filter((i) => i.id === issue!.id)).toEqual([]);
    const settled = (
      await b.call<{ items: (Issue & { state: string; resolution: string; resolutionNote: string; resolvedByName: string | null })[] }>('sync.issues', {
        state: 'all',
      })
    ).items.find((i) => i.id === issue!.id);
    expect(settled).toMatchObject({
      state: 'resolved',
      resolution: 'acknowledged',
      resolvedByName: null,
      resolutionNote: `Trung tâm báo: đã hoàn trả biên lai ${first.receipt.series}/${first.receipt.number} (văn phòng OFFA); khoản thu này không còn trùng tháng.`,
    });
  });

  it('says in the same review when the payer’s support category differs too', async () => {
    const { a, b } = world;
    const someone = person('Hầu Thị Dua', '1984-01-02', 'female', '001184000123');
    const atA = await a.call<{ id: string }>('participants.register', { ...someone, poverty: null });
    await payVsi(a, atA.id, '2026-04');
    await a.call('sync.pushNow', {});
    const atB = await b.call<{ id: string }>('participants.register', {
      ...someone,
      poverty: { kind: 'poor', number: 'HN-0001', validFrom: '2026-01-01', validTo: '2027-12-31' },
    });
    await payVsi(b, atB.id, '2026-04');
    await b.call('sync.pushNow', {});
    const [issue, ...others] = await openIssues(b);
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      class: 'MONTHS_ALREADY_PAID',
      details: { error: { details: { paid: [{ officeCode: 'OFFA' }], facts: { central: { supportCategory: 'other' } } } } },
    });
    expect(issue!.message).toContain('Hoàn trả hoặc chuyển một trong hai khoản. Ngoài ra, diện hỗ trợ: văn phòng tính "Hộ nghèo", hồ sơ trung tâm ghi "Khác"');
  });

  it('does not flag a receipt voided and taken again for the same months, in one batch or the next', async () => {
    const { a } = world;
    const payer = await a.call<{ id: string }>('participants.register', person('Mạc Văn Thịnh', '1977-09-10', 'male', '001077000888'));
    const wrong = await payVsi(a, payer.id, '2026-04');
    await a.call('receipts.void', { id: wrong.receipt.id, reason: 'Ghi nhầm mức thu nhập' });
    await payVsi(a, payer.id, '2026-04');
    await a.call('sync.pushNow', {});
    expect(await openIssues(a)).toEqual([]);

    const again = await payVsi(a, payer.id, '2026-07');
    await a.call('sync.pushNow', {});
    await a.call('receipts.void', { id: again.receipt.id, reason: 'Người nộp đổi ý, hoàn tiền' });
    await payVsi(a, payer.id, '2026-07');
    await a.call('sync.pushNow', {});
    expect(await openIssues(a)).toEqual([]);

    // Paying the same months again without a void is refused at the office itself.
    await expect(payVsi(a, payer.id, '2026-08')).rejects.toMatchObject({ data: { code: 'CONFLICT', field: 'fromMonth' } });
  });
});
