// The A5 receipt marks what the quote on screen marks provisional (issue: the print did not): a
// VSI payment works its state support out from the rural poverty line of 2022–2025, which the
// schedule does not confirm (`confirmed: false`), so the receipt recorded through the real core
// keeps that value and its printed content says "tạm tính" beside the support and names the value;
// a household-insurance receipt (every value confirmed) and a receipt recorded before the values
// were kept say nothing of it. The receipt is rendered to markup as the page prints it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/shared/contract/contribution';
import '../../src/renderer/i18n/setup';
import { ReceiptDocument } from '../../src/renderer/pages/receipt/receipt-document';
import { call, type Office, openOffice, personInput } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function recorded(question: Record<string, unknown>): Promise<Receipt> {
  const payer = await call(office.core, 'participants.register', personInput(), office.tokens.counter);
  if (question.scheme === 'HHI') await call(office.core, 'households.create', { headParticipantId: payer.id }, office.tokens.counter);
  const input = { participantId: payer.id, ...question };
  const quote = await call(office.core, 'contributions.quote', input, office.tokens.counter);
  const { receipt } = await call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, office.tokens.counter);
  return (await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.counter)) as Receipt;
}

/** The receipt's printed text, tags removed. */
const printed = (receipt: Receipt) =>
  renderToStaticMarkup(createElement(ReceiptDocument, { receipt, copy: false }))
    .replace(/<[^>]+>/g, '\n')
    .replace(/\u00a0/g, ' ');

describe('the A5 receipt and provisional values', () => {
  it('marks the support worked out from the unconfirmed poverty line and names the value, as the quote does', async () => {
    const receipt = await recorded({ scheme: 'VSI', fromMonth: '2026-03', months: 3, incomeBasis: 1_500_000 });
    expect(receipt.provisional.map((p) => ({ what: p.what, from: p.from }))).toEqual([{ what: 'chuẩn nghèo khu vực nông thôn', from: '2022-01-01' }]);
    const text = printed(receipt);
    expect(text).toMatch(/Nhà nước hỗ trợ [\d.]+ đ \(không thu của người nộp\) \(tạm tính\)/);
    expect(text).toContain('Giá trị tạm tính: chuẩn nghèo khu vực nông thôn từ 01/01/2022');
  });

  it('says nothing of it on a receipt whose values are all confirmed', async () => {
    const receipt = await recorded({ scheme: 'HHI', fromMonth: '2026-04', months: 12 });
    expect(receipt.provisional).toEqual([]);
    expect(printed(receipt)).not.toMatch(/tạm tính/);
  });

  it('says nothing of it on a receipt recorded before the values were kept (no list in its stored rule)', async () => {
    const receipt = await recorded({ scheme: 'VSI', fromMonth: '2026-03', months: 1, incomeBasis: 2_000_000 });
    office.core.database.sqlite
      .prepare("UPDATE contributions SET support_rule = json_remove(support_rule, '$.provisional') WHERE receipt_id = ?")
      .run(receipt.id);
    const before = (await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.counter)) as Receipt;
    expect(before.provisional).toEqual([]);
    expect(printed(before)).toMatch(/Nhà nước hỗ trợ/);
    expect(printed(before)).not.toMatch(/tạm tính/);
  });
});
