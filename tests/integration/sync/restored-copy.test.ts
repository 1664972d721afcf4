// A laptop dies; its last backup is restored on another one. The copy becomes a new device: it is
// enrolled again with a new code, sends again what the old device may already have sent (the
// central answers those from its stored results, nothing is applied twice), and its receipts open a
// new series, so no receipt number the old device issued after the copy is ever issued again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrollmentCode } from '../../../src/central/admin';
import { createOfficeCore, type OfficeCore } from '../../../src/main/core/office-core';
import { type Central, type Office, payOneMonth, person, resourcesDir, startCentral, startOffice } from './central-fixture';

type Summary = { applied: number; duplicates: number; rejected: number; held: number };

const pay = payOneMonth;

describe('a restored backup at the central', () => {
  let central: Central;
  let old: Office;
  let restored: OfficeCore | undefined;

  beforeAll(async () => {
    central = await startCentral('pglite');
    old = await startOffice(central, 'OFFR');
  }, 120_000);

  afterAll(async () => {
    await old?.core.close();
    await restored?.close();
    await central?.close();
  });

  it('is a new device whose resent work is answered once and whose receipts never reuse a number', async () => {
    const first = await old.call<{ id: string }>('participants.register', person('Nguyễn Văn Một', '1980-01-01', 'male', '001080000001'));
    const firstReceipt = await pay(old, first.id, '2026-01');
    // The registration, the enrollment the first payment makes, the payment.
    expect(await old.call<Summary>('sync.pushNow', {})).toMatchObject({ applied: 3, rejected: 0 });
    // The copy: the second person is not yet sent.
    const second = await old.call<{ id: string }>('participants.register', person('Trần Thị Hai', '1985-02-02', 'female', '001185000002'));
    const stick = mkdtempSync(join(tmpdir(), 'fo-usb-'));
    const passphrase = 'mưa dầm thấm lâu';
    const copy = await old.call<{ file: string }>('store.backup', { directory: stick, passphrase });
    // After the copy the old laptop still works: sends the second person, takes another payment.
    const laterReceipt = await pay(old, second.id, '2026-01');
    expect(await old.call<Summary>('sync.pushNow', {})).toMatchObject({ applied: 3, rejected: 0 });
    expect(laterReceipt.series).toBe(firstReceipt.series);

    // The laptop dies; the copy is restored on another one and enrolled again.
    const dataDir = mkdtempSync(join(tmpdir(), 'fo-office-restored-'));
    // A fresh install opens the sealed copy from the setup screen; it takes over at once, and the
    // supervisor signs in to the same running core, with no restart.
    restored = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0 });
    const core = restored;
    expect(await core.invoke('session.current', {})).toMatchObject({ ok: true, value: { state: 'not-set-up' } });
    const opened = await core.invoke('store.restore', { file: copy.file, passphrase });
    expect(opened).toMatchObject({ ok: true, value: { officeCode: 'OFFR' } });
    let token = '';
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await core.invoke(method, input, token);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    token = (await call<{ token: string }>('auth.login', { username: 'sup', password: 'correct-horse-1' })).token;
    expect(await call('sync.status', {})).toMatchObject({ enrolled: false, pendingOps: 1 });
    await call('sync.enroll', { centralUrl: central.url, code: await issueEnrollmentCode(central.database.db, 'OFFR') });

    // What it sends again (the second person) is answered from the stored result: the same
    // official number, one person at the central.
    const resent = await call<Summary>('sync.pushNow', {});
    expect(resent).toMatchObject({ rejected: 0, held: 0 });
    const secondHere = await call<{ officialNumber: string | null }>('participants.get', { id: second.id });
    const secondThere = await old.call<{ officialNumber: string | null }>('participants.get', { id: second.id });
    expect(secondHere.officialNumber).toMatch(/^01\d{8}$/);
    expect(secondHere.officialNumber).toBe(secondThere.officialNumber);

    // The office's picture brought what the old laptop did after the copy: the second person's
    // payment for January (its months are refused here, naming that receipt) and the enrollment it made.
    const again = await core.invoke(
      'contributions.quote',
      { participantId: second.id, scheme: 'VSI', fromMonth: '2026-01', months: 1, incomeBasis: 2_000_000 },
      token,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'fromMonth' } });
    expect(!again.ok && again.error.message).toContain(`${laterReceipt.series}/${String(laterReceipt.number).padStart(7, '0')}`);
    // Its next receipt opens a new series: the old device's number after the copy is not reused.
    const fresh = await pay({ call }, second.id, '2026-02');
    expect(fresh.series).not.toBe(firstReceipt.series);
    expect(fresh.number).toBe(1);
    // The payment alone: the enrollment the old laptop made came with the picture.
    expect(await call<Summary>('sync.pushNow', {})).toMatchObject({ applied: 1, rejected: 0 });

    const db = central.database.db;
    expect((await db.selectFrom('persons').select('id').execute()).length).toBe(2);
    const receipts = await db
      .selectFrom('contributions')
      .select(['receiptSeries', 'receiptNumber'])
      .orderBy('receiptSeries')
      .orderBy('receiptNumber')
      .execute();
    expect(receipts).toHaveLength(3);
    expect(new Set(receipts.map((r) => `${r.receiptSeries}/${r.receiptNumber}`)).size).toBe(3);
    expect((await db.selectFrom('devices').select('id').where('officeCode', '=', 'OFFR').execute()).length).toBe(2);
  });
});
