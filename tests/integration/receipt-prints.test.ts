// A receipt's first print is its collector's (issue 24 item 7): another counter clerk may view it
// but not record a print of it — which would stamp the collector's own first print BẢN SAO — while
// the collector and a supervisor may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, failure, type Office, openOffice, personInput } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function collectedBy(token: string) {
  const payer = await call(office.core, 'participants.register', personInput(), token);
  const question = { participantId: payer.id, scheme: 'VSI' as const, fromMonth: '2026-03', months: 1, incomeBasis: 1_500_000 };
  const quote = await call(office.core, 'contributions.quote', question, token);
  return (await call(office.core, 'contributions.record', { ...question, expectedTotal: quote.total }, token)).receipt as { id: string };
}

const prints = (receiptId: string) =>
  office.core.database.sqlite.prepare('SELECT printed_by AS printedBy, copy FROM receipt_prints WHERE receipt_id = ? ORDER BY printed_at, id').all(receiptId);

describe('printing a receipt', () => {
  it("refuses another clerk's print of a receipt, which they may still view, and leaves the collector's first print an original", async () => {
    const receipt = await collectedBy(office.tokens.counter);
    const refused = await failure(office.core, 'receipts.markPrinted', { id: receipt.id }, office.tokens.field);
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/người thu tiền/),
      messageEn: expect.stringMatching(/may still view it/),
    });
    expect(await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.field)).toMatchObject({ id: receipt.id, printCount: 0 });
    expect(prints(receipt.id)).toEqual([]);

    expect(await call(office.core, 'receipts.markPrinted', { id: receipt.id }, office.tokens.counter)).toEqual({ printCount: 1, copy: false });
    expect(await call(office.core, 'receipts.markPrinted', { id: receipt.id }, office.tokens.supervisor)).toEqual({ printCount: 2, copy: true });
    expect(prints(receipt.id)).toEqual([
      { printedBy: office.staffIds.counter, copy: 0 },
      { printedBy: office.staffIds.supervisor, copy: 1 },
    ]);
  });

  it('lets a supervisor record the first print of a clerk’s receipt', async () => {
    const receipt = await collectedBy(office.tokens.field);
    expect(await call(office.core, 'receipts.markPrinted', { id: receipt.id }, office.tokens.supervisor)).toEqual({ printCount: 1, copy: false });
  });
});
