// The provincial console's routes with real data (issue 22 item 6), on PGlite and PostgreSQL: real
// offices push signed batches and status reports; every read route's answer parses with the
// contract's schema and says what was pushed; a held registration settled through the API leaves
// `admin held`; a device revoked through the API has its next batch refused; an enrollment code
// issued through it enrols a device; a finding reviewed with a note leaves the open list, keeps its
// review through recomputation, and comes back open (its review kept) when found again after clearing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHeldItems } from '../../../src/central/admin';
import { addStaff } from '../../../src/central/console/staff-accounts';
import { FraudSignals } from '../../../src/central/signals/fraud-signals';
import { signalConfig } from '../../../src/central/signals/signal-config';
import type { Receipt } from '../../../src/shared/contract/contribution';
import {
  collectorsResponse,
  devicesResponse,
  enrollmentCodeResponse,
  heldResponse,
  officesResponse,
  receiptsResponse,
  sessionInfo,
  signalsResponse,
  staffResponse,
} from '../../../src/shared/console/console-api';
import { centralVerification } from '../../../src/shared/verification/central-verification';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';
import { newKeyPair, post } from './central-kit';
import { consoleCall, signIn } from './console-support';

const PASSWORD = 'mật-khẩu-dài-1';
/** Every receipt is out of hours: no day is a workday. */
const everyReceiptOutOfHours = signalConfig.parse({ hours: { workdays: [], fixedHolidays: [] } });
const allHoursEveryDay = signalConfig.parse({ hours: { open: '00:00', close: '23:59', workdays: [0, 1, 2, 3, 4, 5, 6], fixedHolidays: [] } });

async function enrolAndPay(office: Office, name: string, dateOfBirth: string, personalId: string): Promise<Receipt> {
  const p = await office.call<{ id: string }>('participants.register', person(name, dateOfBirth, 'male', personalId));
  await office.call('enrollments.set', { participantId: p.id, scheme: 'VSI', method: 'quarterly', incomeBasis: 2_000_000, fromMonth: '2026-01' });
  const question = { participantId: p.id, scheme: 'VSI', fromMonth: '2026-01', months: 3 };
  const quote = await office.call<{ total: number }>('contributions.quote', question);
  const recorded = await office.call<{ receipt: { id: string } }>('contributions.record', { ...question, expectedTotal: quote.total });
  return office.call<Receipt>('receipts.get', { id: recorded.receipt.id });
}

describe.each(centralBackends())('console routes with real data on %s', (backend) => {
  let central: Central;
  let a: Office;
  let b: Office;
  let receipt: Receipt;
  let reviewer = '';
  let administrator = '';
  const get = (path: string, cookie = reviewer) => consoleCall(central, path, { cookie });
  const act = (path: string, body?: unknown, cookie = reviewer) => consoleCall(central, path, { method: 'POST', cookie, body });

  beforeAll(async () => {
    central = await startCentral(backend, { signals: everyReceiptOutOfHours });
    a = await startOffice(central, 'OFFA');
    b = await startOffice(central, 'OFFB');
    await addStaff(central.database.db, { username: 'quantri', displayName: 'Nguyễn Quản Trị', role: 'administrator', password: PASSWORD });
    await addStaff(central.database.db, { username: 'xemxet', displayName: 'Trần Xem Xét', role: 'reviewer', password: PASSWORD });
    reviewer = await signIn(central, 'xemxet', PASSWORD);
    administrator = await signIn(central, 'quantri', PASSWORD);
    receipt = await enrolAndPay(a, 'Đỗ Văn Phủ', '1980-04-01', '001080007771');
    await a.call('sync.pushNow', {});
    await central.signals!.idle();
  }, 180_000);
  afterAll(async () => {
    await a?.core.close();
    await b?.core.close();
    await central?.close();
  });

  it('answers every read route in the shape of the contract, with what the offices pushed', async () => {
    expect(sessionInfo.parse((await get('/session')).json).role).toBe('reviewer');

    const offices = officesResponse.parse((await get('/offices')).json).offices;
    const offa = offices.find((o) => o.code === 'OFFA')!;
    expect(offa).toMatchObject({ name: 'BHXH cơ sở OFFA', provinceCode: '01', devices: 1, revokedDevices: 0, backlogOps: 0, backlogTotal: 0, openHeld: 0 });
    expect(offa.lastSyncAt).toEqual(expect.any(String));
    expect(offa.openSignals).toBeGreaterThan(0);
    expect(offa.coverage).toEqual({ people: 1, vsiEnrolled: 1, hhiEnrolled: 0, receipts30d: 1, total30d: receipt.amount });

    const devices = devicesResponse.parse((await get('/devices?office=OFFA')).json).devices;
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ officeCode: 'OFFA', revokedAt: null, backlogOps: 0, backlogReceipts: 0, backlogTotal: 0, statusAt: expect.any(String) });
    expect(devices[0]!.auditHead).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), problem: null });
    expect(devices[0]!.auditHead!.entriesHeld).toBe(devices[0]!.auditHead!.seq);
    expect(devicesResponse.parse((await get('/devices')).json).devices.map((d) => d.officeCode)).toEqual(['OFFA', 'OFFB']);

    const receipts = receiptsResponse.parse((await get('/receipts?office=OFFA')).json).receipts;
    expect(receipts).toEqual([
      expect.objectContaining({
        label: receipt.label,
        deviceId: devices[0]!.id,
        payerName: 'Đỗ Văn Phủ',
        personalIdLast4: '7771',
        scheme: 'VSI',
        period: '2026-01–2026-03',
        total: receipt.amount,
        voidedOn: null,
        refunded: false,
      }),
    ]);
    expect(receipts[0]!.collector).toEqual(expect.any(String));
    expect(receiptsResponse.parse((await get(`/receipts?collector=${encodeURIComponent(receipts[0]!.collectorId!)}`)).json).receipts).toHaveLength(1);
    expect(receiptsResponse.parse((await get('/receipts?office=OFFB')).json).receipts).toEqual([]);
    expect(receiptsResponse.parse((await get('/receipts?from=2099-01-01')).json).receipts).toEqual([]);
    expect((await get('/receipts?limit=501')).json.error).toMatchObject({ code: 'VALIDATION', field: 'limit' });

    const collectors = collectorsResponse.parse((await get('/collectors?office=OFFA')).json).collectors;
    expect(collectors).toEqual([
      {
        collector: receipts[0]!.collector,
        collectorId: receipts[0]!.collectorId,
        officeCode: 'OFFA',
        receipts: 1,
        total: receipt.amount,
        voids: 0,
        refunds: 0,
      },
    ]);

    const verified = centralVerification.parse((await get(`/receipts/verify?p=${encodeURIComponent(receipt.verification!.payload)}`)).json);
    expect(verified).toMatchObject({ status: 'GENUINE', recorded: true, matches: true, office: { code: 'OFFA' } });
    expect((await get('/receipts/verify?p=khong-phai')).json.error).toMatchObject({ code: 'VALIDATION', field: 'p' });

    const signals = signalsResponse.parse((await get('/signals?office=OFFA')).json).signals;
    expect(signals.map((s) => s.kind)).toContain('OUT_OF_HOURS');
    expect(signals.find((s) => s.kind === 'OUT_OF_HOURS')).toMatchObject({
      deviceId: devices[0]!.id,
      deviceName: devices[0]!.name,
      reviewedAt: null,
      previousReviews: [],
    });
    heldResponse.parse((await get('/held?all=1')).json);
    expect(staffResponse.parse((await get('/staff', administrator)).json).staff.map((s) => [s.username, s.role])).toEqual([
      ['quantri', 'administrator'],
      ['xemxet', 'reviewer'],
    ]);
  });

  it('settles a held registration through the API with the same effect as admin review', async () => {
    await b.call('participants.register', person('Đỗ Văn Phủ', '1980-04-01', 'male', '001080009992'));
    expect(await b.call('sync.pushNow', {})).toMatchObject({ held: 1 });
    const held = heldResponse.parse((await get('/held')).json).items;
    expect(held).toEqual([
      expect.objectContaining({ officeCode: 'OFFB', kind: 'participant.register', status: 'open', fullName: 'Đỗ Văn Phủ', personalId: '001080009992' }),
    ]);
    expect(officesResponse.parse((await get('/offices')).json).offices.find((o) => o.code === 'OFFB')!.openHeld).toBe(1);

    expect(await act(`/held/${held[0]!.opId}/review`)).toMatchObject({ status: 200, json: { ok: true } });
    expect(await listHeldItems(central.database.db)).toEqual([]);
    expect(heldResponse.parse((await get('/held')).json).items).toEqual([]);
    expect(heldResponse.parse((await get('/held?all=1')).json).items).toEqual([expect.objectContaining({ opId: held[0]!.opId, status: 'reviewed' })]);
    expect(await act(`/held/${held[0]!.opId}/review`)).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    if (central.databaseUrl) {
      // The administrator's command sees the same: nothing open.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src/central/cli.ts', '--data', join(central.dataDir, 'cli'), 'admin', 'held'],
        {
          cwd: join(__dirname, '../../..'),
          env: { ...process.env, DATABASE_URL: central.databaseUrl },
        },
      );
      expect(stdout).not.toContain(held[0]!.opId);
    }
  }, 120_000);

  it('revokes a device through the API: its next batch is refused; a code issued through it enrols another', async () => {
    const c = await startOffice(central, 'OFFC');
    const [device] = devicesResponse.parse((await get('/devices?office=OFFC', administrator)).json).devices;
    expect(await act(`/devices/${device!.id}/revoke`, undefined, administrator)).toMatchObject({ status: 200, json: { ok: true } });
    expect((await act(`/devices/${device!.id}/revoke`, undefined, administrator)).status).toBe(200);
    expect(devicesResponse.parse((await get('/devices?office=OFFC')).json).devices[0]!.revokedAt).toEqual(expect.any(String));
    await c.call('participants.register', person('Vũ Thị Thu', '1990-02-02', 'female', '001190003334'));
    const refused = await c.call('sync.pushNow', {}).then(
      (summary) => JSON.stringify(summary),
      (error: Error & { data?: unknown }) => JSON.stringify(error.data ?? error.message),
    );
    expect(refused).toMatch(/REVOKED|thu hồi/);
    expect(await central.database.db.selectFrom('persons').select('id').where('fullName', '=', 'Vũ Thị Thu').execute()).toEqual([]);
    await c.core.close();

    const issued = enrollmentCodeResponse.parse((await act('/offices/OFFC/enrollment-codes', undefined, administrator)).json);
    expect(issued).toMatchObject({ officeCode: 'OFFC', code: expect.stringMatching(/^[A-Z2-9]{12}$/) });
    const enrolled = await post(
      new URL('v1/enroll', central.url).toString(),
      JSON.stringify({ code: issued.code, publicKey: newKeyPair().publicKeyRaw, deviceName: 'Máy thay thế' }),
    );
    expect(enrolled).toMatchObject({ status: 200, json: { officeCode: 'OFFC' } });
    const offc = officesResponse.parse((await get('/offices')).json).offices.find((o) => o.code === 'OFFC')!;
    expect([offc.devices, offc.revokedDevices]).toEqual([1, 1]);
  }, 120_000);

  it('takes a reviewed finding off the open list and keeps the review through recomputation; found again after clearing, it is open with its review kept', async () => {
    const open = signalsResponse.parse((await get('/signals?office=OFFA&kind=OUT_OF_HOURS')).json).signals;
    expect(open).toHaveLength(1);
    const path = `/signals/${encodeURIComponent(open[0]!.key)}/review`;
    expect((await act(path, { note: 'ok' })).json.error).toMatchObject({ code: 'VALIDATION', field: 'note' });
    expect((await act(path, {})).status).toBe(400);
    expect(await act(path, { note: 'Thu tại nhà dân ngày nghỉ, có xác nhận của trưởng thôn.' })).toMatchObject({ status: 200, json: { ok: true } });
    expect(await act(path, { note: 'Lần hai' })).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    expect(await act('/signals/KHONG_CO%3A1/review', { note: 'Không có' })).toMatchObject({ status: 404 });

    const key = open[0]!.key;
    const stillOpen = async () => signalsResponse.parse((await get('/signals?office=OFFA')).json).signals.some((s) => s.key === key);
    const reviewed = async () => signalsResponse.parse((await get('/signals?office=OFFA&status=reviewed')).json).signals.find((s) => s.key === key);
    expect(await stillOpen()).toBe(false);
    expect(await reviewed()).toMatchObject({ reviewedBy: 'xemxet', reviewNote: 'Thu tại nhà dân ngày nghỉ, có xác nhận của trưởng thôn.', clearedAt: null });
    expect(officesResponse.parse((await get('/offices')).json).offices.find((o) => o.code === 'OFFA')!.openSignals).toBe(0);

    await central.signals!.refresh('OFFA'); // found again, still reviewed
    expect(await stillOpen()).toBe(false);
    expect((await reviewed())?.reviewNote).toMatch(/trưởng thôn/);

    await new FraudSignals(central.database.db, allHoursEveryDay).refresh('OFFA'); // no longer found: cleared
    expect(await reviewed()).toMatchObject({ reviewedBy: 'xemxet', clearedAt: expect.any(String) });
    expect(signalsResponse.parse((await get('/signals?status=cleared')).json).signals.some((s) => s.key === key)).toBe(false);

    await central.signals!.refresh('OFFA'); // found again after clearing: open, the review kept
    const back = signalsResponse.parse((await get('/signals?office=OFFA')).json).signals.find((s) => s.key === key);
    expect(back).toMatchObject({ reviewedAt: null, reviewedBy: null, reviewNote: null, clearedAt: null });
    expect(back!.previousReviews).toEqual([{ at: expect.any(String), by: 'xemxet', note: 'Thu tại nhà dân ngày nghỉ, có xác nhận của trưởng thôn.' }]);
    expect(await act(path, { note: 'Lại thu ngày nghỉ; đã nhắc nhở cán bộ thu.' })).toMatchObject({ status: 200 });
    expect(signalsResponse.parse((await get('/signals?status=all')).json).signals.find((s) => s.key === key)).toMatchObject({
      reviewNote: 'Lại thu ngày nghỉ; đã nhắc nhở cán bộ thu.',
      previousReviews: [expect.objectContaining({ by: 'xemxet' })],
    });
  });
});
