// Receipts anyone can verify at the central (ADR 0027), on PGlite and PostgreSQL: the JSON answer
// and the public page for a receipt not yet synced, recorded, voided, refunded, altered and made
// up; another office's device verifies offline with the keys it pulled (a revoked device's
// receipts stay genuine); the limit per address.
import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../src/central/admin';
import type { Receipt } from '../../../src/shared/contract/contribution';
import type { ReceiptVerification } from '../../../src/shared/contract/verification';
import { centralBackends } from '../fixtures/test-postgres';
import { type Office, person, twoOffices } from '../sync/central-fixture';

async function pay(office: Office, name: string, personalId: string): Promise<Receipt> {
  const p = await office.call<{ id: string }>(
    'participants.register',
    person(name, `19${personalId.slice(4, 6)}-04-0${personalId.slice(-1)}`, 'male', personalId),
  );
  const question = { participantId: p.id, scheme: 'VSI', fromMonth: '2026-01', months: 3, incomeBasis: 2_000_000 };
  const quote = await office.call<{ total: number }>('contributions.quote', question);
  const recorded = await office.call<{ receipt: { id: string } }>('contributions.record', { ...question, expectedTotal: quote.total });
  return office.call<Receipt>('receipts.get', { id: recorded.receipt.id });
}

describe.each(centralBackends())('receipt verification at the central on %s', (backend) => {
  const world = twoOffices(backend);
  const check = async (payload: string) => {
    const response = await fetch(new URL(`v1/receipts/verify?p=${encodeURIComponent(payload)}`, world.central.url));
    return { status: response.status, json: (await response.json()) as any };
  };
  const page = async (payload: string) => (await fetch(new URL(`verify?p=${payload}`, world.central.url))).text();

  it('says a genuine receipt is not yet synced, then recorded, then voided', async () => {
    const receipt = await pay(world.a, 'Nguyễn Văn Kiểm', '001080004441');
    const payload = receipt.verification!.payload;
    // Enrolled: the QR opens the central's page.
    expect(receipt.verification!.url).toBe(`${world.central.url.replace(/\/$/, '')}/verify?p=${payload}`);
    expect(await check(payload)).toMatchObject({ status: 200, json: { status: 'GENUINE', recorded: false, voided: null, office: { code: 'OFFA' } } });
    expect(await page(payload)).toContain('CHƯA ĐỒNG BỘ');

    await world.a.call('sync.pushNow', {});
    expect((await check(payload)).json).toMatchObject({ status: 'GENUINE', recorded: true, matches: true, voided: null });
    const html = await page(payload);
    expect(html).toContain('THẬT — đã ghi nhận tại BHXH');
    expect(html).toContain(receipt.label);
    expect(html).toContain('•••• •••• 4441');
    // Nothing beyond what the paper shows: not the payer's name, not the whole personal ID.
    expect(html).not.toContain(receipt.payerName);
    expect(html).not.toContain(receipt.payerPersonalId);

    await world.a.call('receipts.void', { id: receipt.id, reason: 'Thu nhầm người' });
    await world.a.call('sync.pushNow', {});
    expect((await check(payload)).json).toMatchObject({ status: 'GENUINE', recorded: true, voided: { on: receipt.businessDate, refund: false } });
    expect(await page(payload)).toContain('ĐÃ BỊ HỦY');
  });

  it('calls an altered payload forged and one of an unknown key unknown, and refuses what is no payload', async () => {
    const receipt = await pay(world.a, 'Trần Văn Sửa', '001081005552');
    await world.a.call('sync.pushNow', {});
    const parts = receipt.verification!.payload.split('.');
    parts[3] = String(Number(parts[3]) * 10);
    expect((await check(parts.join('.'))).json).toMatchObject({ status: 'FORGED' });
    expect(await page(parts.join('.'))).toContain('KHÔNG HỢP LỆ');
    parts[3] = receipt.verification!.payload.split('.')[3]!;
    parts[8] = 'AAAAAAAAAAA';
    expect((await check(parts.join('.'))).json).toMatchObject({ status: 'UNKNOWN_DEVICE', office: null });
    expect(await check('<script>alert(1)</script>')).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', field: 'p' } } });
    const unreadable = await page('<script>alert(1)</script>');
    expect(unreadable).toContain('Không đọc được mã');
    expect(unreadable).not.toContain('<script>alert');
  });

  it('lets another office of the province verify offline with the keys it pulled, revoked ones included', async () => {
    const receipt = await pay(world.a, 'Lê Thị Tỉnh', '001082006663');
    await world.a.call('sync.pushNow', {});
    // Before B pulls, A's key is unknown to it.
    const before = await world.b.call<ReceiptVerification>('receipts.verify', { payload: receipt.verification!.payload });
    expect(before.status).toBe('UNKNOWN_DEVICE');
    await world.b.call('sync.pushNow', {});
    const after = await world.b.call<ReceiptVerification>('receipts.verify', { payload: receipt.verification!.url });
    expect(after).toMatchObject({ status: 'GENUINE', device: { officeCode: 'OFFA', own: false, revokedAt: null } });

    const deviceA = (await world.a.call<{ centralDeviceId: string }>('sync.status', {})).centralDeviceId;
    await revokeDevice(world.central.database.db, deviceA);
    await world.b.call('sync.pushNow', {});
    const revoked = await world.b.call<ReceiptVerification>('receipts.verify', { payload: receipt.verification!.payload });
    expect(revoked).toMatchObject({ status: 'GENUINE', device: { officeCode: 'OFFA', revokedAt: expect.any(String) } });
    expect((await check(receipt.verification!.payload)).json).toMatchObject({ status: 'GENUINE', recorded: true, deviceRevokedAt: expect.any(String) });
  });

  it('limits checks per address and minute', async () => {
    let limited = 0;
    for (let i = 0; i < 40; i++) if ((await check('FO1.R.nothing')).status === 429) limited++;
    // 30 a minute: the limit met within these 40 (the earlier tests counted too, or a new minute began midway).
    expect(limited).toBeGreaterThan(0);
    const response = await fetch(new URL('v1/receipts/verify?p=x', world.central.url));
    if (response.status === 429) expect(((await response.json()) as any).error.message).toMatch(/Quá nhiều lần kiểm tra/);
  });
});
