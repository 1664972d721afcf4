// Key rotation after a restored copy (ADR 0027): the copy becomes a new device with a new key, yet
// the receipts the old device printed still verify — on the restored laptop with the province's
// keys it pulled (the old device's among them, revoked or not), and at the central — and the copy
// prints them again with the same code; what the new key signs verifies too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode, revokeDevice } from '../../../src/central/admin';
import { createOfficeCore, type OfficeCore } from '../../../src/main/core/office-core';
import type { Receipt } from '../../../src/shared/contract/contribution';
import type { ReceiptVerification } from '../../../src/shared/contract/verification';
import { type Central, type Office, payOneMonth, person, resourcesDir, startCentral, startOffice } from './central-fixture';

async function pay(office: Pick<Office, 'call'>, participantId: string, fromMonth: string): Promise<Receipt> {
  const { id } = await payOneMonth(office, participantId, fromMonth);
  return office.call<Receipt>('receipts.get', { id });
}

describe('receipts of a device whose store was restored on another laptop', () => {
  let central: Central;
  let old: Office;
  let restored: OfficeCore | undefined;

  beforeAll(async () => {
    central = await startCentral('pglite');
    old = await startOffice(central, 'OFFK');
  }, 120_000);

  afterAll(async () => {
    await old?.core.close();
    await restored?.close();
    await central?.close();
  });

  it('still verify under the old key, while the new key signs what is new', async () => {
    const payer = await old.call<{ id: string }>('participants.register', person('Phạm Văn Khóa', '1979-07-07', 'male', '001079000777'));
    const before = await pay(old, payer.id, '2026-01');
    await old.call('sync.pushNow', {});
    const stick = mkdtempSync(join(tmpdir(), 'fo-usb-'));
    const passphrase = 'khóa cũ vẫn còn giá trị';
    const copy = await old.call<{ file: string }>('store.backup', { directory: stick, passphrase });

    restored = await createOfficeCore({ dataDir: mkdtempSync(join(tmpdir(), 'fo-office-restored-')), resourcesDir, syncIntervalMs: 0 });
    const core = restored;
    expect(await core.invoke('store.restore', { file: copy.file, passphrase })).toMatchObject({ ok: true });
    let token = '';
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await core.invoke(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    token = (await call<{ token: string }>('auth.login', { username: 'sup', password: 'correct-horse-1' })).token;
    // The copy prints the old receipt with the code it had.
    expect((await call<Receipt>('receipts.get', { id: before.id })).verification?.payload).toBe(before.verification!.payload);

    await call('sync.enroll', { centralUrl: central.url, code: await issueEnrollmentCode(central.database.db, 'OFFK') });
    const oldDevice = (await old.call<{ centralDeviceId: string }>('sync.status', {})).centralDeviceId;
    await revokeDevice(central.database.db, oldDevice);
    await call('sync.pushNow', {});

    const offline = await call<ReceiptVerification>('receipts.verify', { payload: before.verification!.payload });
    expect(offline).toMatchObject({
      status: 'GENUINE',
      device: { deviceId: oldDevice, officeCode: 'OFFK', revokedAt: expect.any(String) },
      local: { receiptId: before.id, matches: true },
    });
    const atCentral = await fetch(new URL(`v1/receipts/verify?p=${before.verification!.payload}`, central.url));
    expect(await atCentral.json()).toMatchObject({ status: 'GENUINE', recorded: true, matches: true, deviceRevokedAt: expect.any(String) });

    const after = await pay({ call }, payer.id, '2026-02');
    const [newKey, oldKey] = [after, before].map((r) => r.verification!.payload.split('.')[8]);
    expect(newKey).not.toBe(oldKey);
    expect(await call<ReceiptVerification>('receipts.verify', { payload: after.verification!.payload })).toMatchObject({
      status: 'GENUINE',
      device: { own: true },
    });
    await call('sync.pushNow', {});
    const newAtCentral = await fetch(new URL(`v1/receipts/verify?p=${after.verification!.payload}`, central.url));
    expect(await newAtCentral.json()).toMatchObject({ status: 'GENUINE', recorded: true, deviceRevokedAt: null });
  });
});
