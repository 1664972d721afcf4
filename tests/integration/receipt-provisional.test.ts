// A receipt keeps the reference values its amount used that were not confirmed (issue: the A5
// print did not mark what the quote on screen marks provisional): a VSI payment works its state
// support out from the rural poverty line of 2022–2025, which the schedule does not confirm
// (`confirmed: false`), and receipts.get returns it with the receipt; a household-insurance receipt
// (every value confirmed) and a receipt recorded before the values were kept have none. How the
// print shows them: tests/component/receipt-provisional.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/shared/contract/contribution';
import { call, type Office, openOffice, personInput } from './fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function recorded(question: { scheme: 'VSI' | 'HHI'; fromMonth: string; months: number; incomeBasis?: number }): Promise<Receipt> {
  const payer = await call(office.core, 'participants.register', personInput(), office.tokens.counter);
  if (question.scheme === 'HHI') await call(office.core, 'households.create', { headParticipantId: payer.id }, office.tokens.counter);
  const input = { participantId: payer.id, ...question };
  const quote = await call(office.core, 'contributions.quote', input, office.tokens.counter);
  const { receipt } = await call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, office.tokens.counter);
  expect(receipt.provisional).toEqual(quote.provisional);
  return (await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.counter)) as Receipt;
}

describe('a receipt and the provisional values its amount used', () => {
  it('keeps the unconfirmed poverty line a VSI payment was worked out from', async () => {
    const receipt = await recorded({ scheme: 'VSI', fromMonth: '2026-03', months: 3, incomeBasis: 1_500_000 });
    expect(receipt.provisional.map((p) => ({ what: p.what, from: p.from }))).toEqual([{ what: 'chuẩn nghèo khu vực nông thôn', from: '2022-01-01' }]);
    expect(receipt.lines.every((line) => line.supportAmount > 0)).toBe(true);
  });

  it('has none on a receipt whose values are all confirmed', async () => {
    const receipt = await recorded({ scheme: 'HHI', fromMonth: '2026-04', months: 12 });
    expect(receipt.provisional).toEqual([]);
  });

  it('has none on a receipt recorded before the values were kept (no list in its stored rule)', async () => {
    const receipt = await recorded({ scheme: 'VSI', fromMonth: '2026-03', months: 1, incomeBasis: 2_000_000 });
    office.core.database.sqlite
      .prepare("UPDATE contributions SET support_rule = json_remove(support_rule, '$.provisional') WHERE receipt_id = ?")
      .run(receipt.id);
    const before = (await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.counter)) as Receipt;
    expect(before.provisional).toEqual([]);
    expect(before.support).toEqual(receipt.support);
  });
});
