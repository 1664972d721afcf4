// Refunds through the real core: a receipt of a day already closed is voided the next day as a
// refund paid out of a named person's cash. The closed day keeps its figures; the refund day's
// expected cash is less by it, its closing needs the count to match (or a note), the report and
// the Excel file list it, the outbox carries it to the central service, and the paid months are
// free again. What is refused writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySummary } from '../../src/shared/contract/day-end';
import { call, failure, type Office, openOffice, PASSWORD, personInput, rowCounts } from './fixtures/office-fixture';

const DAY_ONE = '2026-03-02'; // the fixture clock's business date
const DAY_TWO = '2026-03-03';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function pay(token: string, fromMonth: string, incomeBasis: number) {
  const person = await call(office.core, 'participants.register', personInput(), token);
  const input = { participantId: person.id, scheme: 'VSI' as const, fromMonth, months: 3, incomeBasis };
  const quote = await call(office.core, 'contributions.quote', input, token);
  return (await call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, token)).receipt as {
    id: string;
    amount: number;
    label: string;
    participantId: string;
  };
}

const writes = () => ({ ...rowCounts(office.core), voids: office.core.database.sqlite.prepare('SELECT count(*) FROM receipt_voids').pluck().get() as number });

describe('refund of a receipt whose day is closed', () => {
  let first: Awaited<ReturnType<typeof pay>>;
  let second: Awaited<ReturnType<typeof pay>>;
  let dayOne: DaySummary;
  const tokens = { supervisor: '', counter: '' };

  beforeAll(async () => {
    first = await pay(office.tokens.counter, '2026-03', 2_000_000);
    second = await pay(office.tokens.counter, '2026-03', 1_500_000);
    const counter = office.staffIds.counter;
    dayOne = await call(
      office.core,
      'dayEnd.close',
      { businessDate: DAY_ONE, counts: [{ staffId: counter, cashCounted: first.amount + second.amount }] },
      office.tokens.supervisor,
    );
    office.clock.advanceMinutes(24 * 60);
    tokens.supervisor = (await call(office.core, 'auth.login', { username: 'supervisor', password: PASSWORD })).token;
    tokens.counter = (await call(office.core, 'auth.login', { username: 'counter', password: PASSWORD })).token;
  });

  it('refuses what is not a refund, writing nothing', async () => {
    const before = writes();
    // The clerk who issued it may not void it on a later day.
    expect(await failure(office.core, 'receipts.void', { id: first.id, reason: 'Đóng trùng tháng' }, tokens.counter)).toMatchObject({ code: 'FORBIDDEN' });
    // Only staff of this office may pay the money out.
    const stranger = '01900000-0000-7000-8000-000000000000';
    expect(await failure(office.core, 'receipts.void', { id: first.id, reason: 'Đóng trùng tháng', paidOutBy: stranger }, tokens.supervisor)).toMatchObject({
      code: 'VALIDATION',
      field: 'paidOutBy',
    });
    // A receipt of today (day open) is voided out of today's takings: there is no refund to name a payer for.
    const today = await pay(tokens.counter, '2026-06', 1_500_000);
    const afterPay = writes();
    const error = await failure(office.core, 'receipts.void', { id: today.id, reason: 'Thu nhầm', paidOutBy: office.staffIds.counter }, tokens.supervisor);
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'paidOutBy' });
    expect(error.message).toContain('chưa khóa sổ');
    expect(writes()).toEqual(afterPay);
    expect(afterPay.voids).toBe(before.voids);
    await call(office.core, 'receipts.void', { id: today.id, reason: 'Thu nhầm người nộp' }, tokens.counter);
  });

  it('pays the money back today from the named cash, and the closed day keeps its figures', async () => {
    const before = writes();
    const voided = await call(
      office.core,
      'receipts.void',
      { id: first.id, reason: 'Đóng trùng tháng với đơn vị khác', paidOutBy: office.staffIds.counter },
      tokens.supervisor,
    );
    // The refund's voucher is the first of the device's voucher series ("HT-" + the receipt series).
    const voucher = `HT-${first.label.split('/')[0]}/0000001`;
    expect(voided.void).toMatchObject({
      voidedByName: 'Trần Thị Giám Sát',
      refund: { businessDate: DAY_TWO, paidOutBy: office.staffIds.counter, paidOutByName: 'Nhân Viên counter', voucher },
    });
    expect(writes()).toMatchObject({ voids: before.voids + 1, outbox: before.outbox + 1, audit: before.audit + 1 });
    const op = office.core.database.sqlite.prepare(`SELECT payload FROM outbox ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(op)).toMatchObject({
      receiptId: first.id,
      refund: { businessDate: DAY_TWO, paidOutBy: office.staffIds.counter, amount: first.amount, voucher },
    });

    // Day one was counted with that receipt: nothing about it changes.
    const after = await call(office.core, 'dayEnd.summary', { businessDate: DAY_ONE }, tokens.supervisor);
    expect(after).toEqual(dayOne);
    const report = await call(office.core, 'dayEnd.report', { businessDate: DAY_ONE }, tokens.supervisor);
    expect(report.totals).toMatchObject({ voidedCount: 0, total: first.amount + second.amount, refundTotal: 0, discrepancy: 0 });
    expect(report.receipts.find((r) => r.id === first.id)?.void).toMatchObject({ refundOn: DAY_TWO });
    expect((await call(office.core, 'receipts.listForDay', { businessDate: DAY_ONE }, tokens.supervisor)).total).toBe(first.amount + second.amount);

    // The person's payments say it was refunded, and when.
    const payments = await call(office.core, 'contributions.listForParticipant', { participantId: first.participantId }, tokens.supervisor);
    expect(payments.items).toEqual([expect.objectContaining({ receiptId: first.id, voided: true, refundedOn: DAY_TWO })]);
    // The months it paid are unpaid again: the person can pay them afresh.
    const quote = await call(
      office.core,
      'contributions.quote',
      { participantId: first.participantId, scheme: 'VSI' as const, fromMonth: '2026-03', months: 3, incomeBasis: 2_000_000 },
      tokens.counter,
    );
    expect(quote.total).toBe(first.amount);
  });

  it('makes today’s expected cash the takings less the refund, and closing holds the cash to it', async () => {
    const summary = await call(office.core, 'dayEnd.summary', { businessDate: DAY_TWO }, tokens.supervisor);
    const counter = summary.collectors.find((c) => c.staffId === office.staffIds.counter)!;
    expect(counter).toMatchObject({ receiptCount: 1, voidedCount: 1, total: 0, refundCount: 1, refundTotal: first.amount, expected: -first.amount });
    expect(summary).toMatchObject({ total: 0, refundCount: 1, refundTotal: first.amount, expected: -first.amount });
    const mine = await call(office.core, 'receipts.listForDay', {}, tokens.counter);
    expect(mine).toMatchObject({
      total: 0,
      refundCount: 1,
      refundTotal: first.amount,
      refunds: [
        {
          receiptId: first.id,
          label: first.label,
          receiptDate: DAY_ONE,
          voucher: `HT-${first.label.split('/')[0]}/0000001`,
          amount: first.amount,
          paidOutByName: 'Nhân Viên counter',
        },
      ],
    });

    // A later payment today; the drawer must hold it less the refund.
    const later = await pay(tokens.counter, '2026-04', 3_000_000);
    const due = later.amount - first.amount;
    const counts = (cashCounted: number, note?: string) => ({
      businessDate: DAY_TWO,
      counts: [{ staffId: office.staffIds.counter, cashCounted, ...(note ? { note } : {}) }],
    });
    const short = await failure(office.core, 'dayEnd.close', counts(later.amount), tokens.supervisor);
    expect(short).toMatchObject({ code: 'VALIDATION', field: `counts.${office.staffIds.counter}.note` });
    expect(short.message).toContain(`lệch ${first.amount.toLocaleString('vi-VN')} đ so với số phải nộp`);
    const closed = await call(office.core, 'dayEnd.close', counts(due), tokens.supervisor);
    expect(closed.collectors[0]).toMatchObject({ total: later.amount, refundTotal: first.amount, expected: due, cashCounted: due });
    const op = office.core.database.sqlite.prepare(`SELECT payload FROM outbox WHERE kind = 'day.close' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(op).collectors[0]).toMatchObject({ total: later.amount, refundCount: 1, refundTotal: first.amount, cashCounted: due });

    const report = await call(office.core, 'dayEnd.report', { businessDate: DAY_TWO }, tokens.supervisor);
    expect(report.refunds).toEqual([
      expect.objectContaining({
        receiptId: first.id,
        label: first.label,
        voucher: `HT-${first.label.split('/')[0]}/0000001`,
        receiptDate: DAY_ONE,
        amount: first.amount,
        paidOutByName: 'Nhân Viên counter',
        voidedByName: 'Trần Thị Giám Sát',
      }),
    ]);
    expect(report.totals).toMatchObject({ total: later.amount, refundCount: 1, refundTotal: first.amount, expected: due, cashCounted: due, discrepancy: 0 });

    const file = await call(office.core, 'dayEnd.exportExcel', { businessDate: DAY_TWO }, tokens.supervisor);
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.base64, 'base64');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Tổng hợp')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => (rows[n] = (row.values as unknown[]).slice(1).map((v) => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v))));
    expect(rows.find((r) => r?.[1] === 'Nhân Viên counter')?.slice(4, 9)).toEqual([later.amount, first.amount, due, due, 0]);
    expect(rows.find((r) => r?.[1] === 'Chi hoàn trả biên lai của ngày đã chốt sổ (1)')).toBeDefined();
    expect(rows.find((r) => r?.[1] === first.label)).toEqual(expect.arrayContaining([first.amount, 'Nhân Viên counter', 'Đóng trùng tháng với đơn vị khác']));
  });

  it('refuses a refund on a day already closed', async () => {
    const before = writes();
    const error = await failure(office.core, 'receipts.void', { id: second.id, reason: 'Hoàn trả sau khi chốt' }, tokens.supervisor);
    expect(error).toMatchObject({ code: 'DAY_CLOSED' });
    expect(error.message).toBe('Ngày 03/03/2026 đã khóa sổ; không thể chi hoàn trả trong ngày. Nhờ giám sát viên mở lại ngày.');
    expect(writes()).toEqual(before);
  });
});
