// Signed receipts through the real core (ADR 0027): receipts.get carries the payload its QR code
// prints, signed by this device's key and kept, so a reprint is the same; receipts.verify calls it
// genuine, and a change to any field of it forged; a refund voucher has its own. Text that is not a
// payload is refused in Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../../src/shared/contract/contribution';
import type { ReceiptVerification } from '../../../src/shared/contract/verification';
import { encodePayload, parsePayload, type ReceiptClaim, receiptClaim } from '../../../src/shared/verification/receipt-payload';
import { call, failure, type Office, openOffice, PASSWORD, personInput } from '../fixtures/office-fixture';

let office: Office;
beforeAll(async () => {
  office = await openOffice();
});
afterAll(() => office.close());

async function pay(fromMonth = '2026-03', months = 3): Promise<Receipt> {
  const token = office.tokens.counter;
  const person = await call(office.core, 'participants.register', personInput(), token);
  const input = { participantId: person.id, scheme: 'VSI' as const, fromMonth, months, incomeBasis: 2_000_000 };
  const quote = await call(office.core, 'contributions.quote', input, token);
  const recorded = await call(office.core, 'contributions.record', { ...input, expectedTotal: quote.total }, token);
  return call(office.core, 'receipts.get', { id: recorded.receipt.id }, token);
}

const verify = (payload: string): Promise<ReceiptVerification> => call(office.core, 'receipts.verify', { payload }, office.tokens.counter);

/** The payload with one of its dot-separated fields replaced. */
function withField(payload: string, index: number, value: string): string {
  const parts = payload.split('.');
  parts[index] = value;
  return parts.join('.');
}

describe('a signed receipt', () => {
  let receipt: Receipt;
  beforeAll(async () => {
    receipt = await pay();
  });

  it('carries a payload saying what the paper says, with the personal ID masked to its last four digits', () => {
    const payload = receipt.verification!.payload;
    expect(payload).toMatch(/^FO1\.R\./);
    expect(payload).not.toContain(receipt.payerPersonalId);
    expect(parsePayload(payload)?.claim).toEqual({
      type: 'receipt',
      label: receipt.label,
      amount: receipt.amount,
      scheme: 'VSI',
      periodFrom: '2026-03',
      periodTo: '2026-05',
      businessDate: receipt.businessDate,
      personalIdLast4: receipt.payerPersonalId.slice(-4),
      refundOf: null,
      keyId: expect.stringMatching(/^[\w-]{11}$/),
    });
    // Not enrolled yet: the QR holds the bare payload (no central address to open).
    expect(receipt.verification!.url).toBe(payload);
  });

  it('is the same on every read (the payload is kept once made)', async () => {
    const again = await call(office.core, 'receipts.get', { id: receipt.id }, office.tokens.supervisor);
    expect(again.verification).toEqual(receipt.verification);
  });

  it('verifies as genuine, and names the receipt in this store', async () => {
    const result = await verify(receipt.verification!.payload);
    expect(result).toMatchObject({
      status: 'GENUINE',
      receipt: { label: receipt.label, amount: receipt.amount },
      device: { own: true },
      local: { receiptId: receipt.id, matches: true, voided: false, refundedOn: null },
    });
  });

  it('reads the payload out of the verify address a QR code holds, and ignores what a scanner adds', async () => {
    const url = `https://trungtam.example.vn/verify?p=${receipt.verification!.payload}`;
    expect((await verify(`${url}\r\n`)).status).toBe('GENUINE');
    expect((await verify(`  ${receipt.verification!.payload}\t`)).status).toBe('GENUINE');
  });

  it('is forged when any field is changed, one at a time (the signature kept)', async () => {
    const payload = receipt.verification!.payload;
    for (const [field, tampered] of tamperings(payload)) {
      const result = await verify(tampered);
      // Another key id names a key this office does not know.
      expect(result.status, field).toBe(field === 'keyId' ? 'UNKNOWN_DEVICE' : 'FORGED');
    }
    // The signature itself changed.
    const signature = payload.split('.')[9]!;
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect((await verify(withField(payload, 9, flipped))).status).toBe('FORGED');
    // The version and the type letter: a receipt's text is no voucher, and no other version is read.
    for (const [index, value] of [
      [0, 'FO2'],
      [1, 'V'],
    ] as const) {
      const refused = await failure(office.core, 'receipts.verify', { payload: withField(payload, index, value) }, office.tokens.counter);
      expect(refused.code).toBe('VALIDATION');
    }
  });

  it('refuses text that is not a payload, in Vietnamese, naming the field', async () => {
    for (const payload of ['hello', 'FO1.R.', receipt.label, `FO1.R.${'x'.repeat(500)}`]) {
      const error = await failure(office.core, 'receipts.verify', { payload }, office.tokens.counter);
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'payload' });
      expect(error.message).toMatch(/không phải mã/);
    }
    expect(await failure(office.core, 'receipts.verify', { payload: '   ' }, office.tokens.counter)).toMatchObject({ code: 'VALIDATION', field: 'payload' });
  });
});

describe('a refund voucher', () => {
  it('has its own signed payload, naming the receipt it pays back, and verifies', async () => {
    const receipt = await pay('2026-06', 1);
    // The receipt's day is closed; the next day its money is paid back.
    await call(
      office.core,
      'dayEnd.close',
      { businessDate: receipt.businessDate, counts: await expectedCounts(receipt.businessDate) },
      office.tokens.supervisor,
    );
    office.clock.advanceMinutes(24 * 60);
    const supervisor = (await call(office.core, 'auth.login', { username: 'supervisor', password: PASSWORD })).token;
    const refunded = await call(office.core, 'receipts.void', { id: receipt.id, reason: 'Nộp nhầm kỳ', paidOutBy: office.staffIds.supervisor }, supervisor);
    const voucher = refunded.verification!.voucher!;
    expect(voucher.payload).toMatch(/^FO1\.V\.HT-/);
    // The receipt's own payload is unchanged by the void.
    expect(refunded.verification!.payload).toBe(receipt.verification!.payload);
    const result = await call(office.core, 'receipts.verify', { payload: voucher.payload }, supervisor);
    expect(result).toMatchObject({
      status: 'GENUINE',
      receipt: {
        type: 'refund',
        label: refunded.void!.refund!.voucher,
        refundOf: receipt.label,
        amount: receipt.amount,
        businessDate: refunded.void!.refund!.businessDate,
      },
      local: { receiptId: receipt.id, matches: true, voided: true, refundedOn: refunded.void!.refund!.businessDate },
    });
    // Every field of the voucher's, its receipt's label among them, changed one at a time.
    const fields = tamperings(voucher.payload);
    expect(fields.map(([field]) => field)).toContain('refundOf');
    for (const [field, tampered] of fields) {
      const status = (await call(office.core, 'receipts.verify', { payload: tampered }, supervisor)).status;
      expect(status, field).toBe(field === 'keyId' ? 'UNKNOWN_DEVICE' : 'FORGED');
    }
  });
});

/**
 * The payload with each field of what it claims changed in turn to another valid value, under the
 * original signature — every field the claim has (a field added later without a case here fails).
 */
function tamperings(payload: string): [keyof ReceiptClaim, string][] {
  const parsed = parsePayload(payload)!;
  const claim = parsed.claim;
  const nextDigit = (text: string) => text.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  const otherMonth = (m: string) => (m.endsWith('-01') ? `${m.slice(0, 4)}-02` : `${m.slice(0, 4)}-01`);
  const changes: { [F in keyof ReceiptClaim]?: ReceiptClaim[F] } = {
    label: nextDigit(claim.label),
    amount: claim.amount + 1000,
    scheme: claim.scheme === 'VSI' ? 'HHI' : 'VSI',
    periodFrom: otherMonth(claim.periodFrom),
    periodTo: claim.periodTo === '2026-12' ? '2027-01' : '2026-12',
    businessDate: claim.businessDate.endsWith('28') ? claim.businessDate.replace(/\d\d$/, '27') : claim.businessDate.replace(/\d\d$/, '28'),
    personalIdLast4: claim.personalIdLast4 === '0000' ? '0001' : '0000',
    keyId: claim.keyId.startsWith('A') ? `B${claim.keyId.slice(1)}` : `A${claim.keyId.slice(1)}`,
    ...(claim.refundOf ? { refundOf: nextDigit(claim.refundOf) } : {}),
  };
  const named = Object.keys(receiptClaim.shape).filter((f) => f !== 'type' && (f !== 'refundOf' || claim.refundOf));
  expect(Object.keys(changes).sort()).toEqual(named.sort());
  return Object.entries(changes).map(([field, value]) => {
    const tampered = encodePayload({ ...claim, [field]: value }, parsed.signature);
    expect(parsePayload(tampered)?.claim, field).toEqual({ ...claim, [field]: value });
    return [field as keyof ReceiptClaim, tampered];
  });
}

async function expectedCounts(day: string) {
  const summary = await call(office.core, 'dayEnd.summary', { businessDate: day }, office.tokens.supervisor);
  return summary.collectors.map((c: { staffId: string; expected: number }) => ({ staffId: c.staffId, cashCounted: c.expected }));
}
