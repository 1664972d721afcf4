// Fraud signals at the central (issue 22 item 5), on PGlite and PostgreSQL, through real offices:
// each signal with a case that fires it and one that does not, computed after the batch that
// brings the evidence (on ingest) or by the nightly run over every office; thresholds from the
// configuration; a finding no longer found is cleared, and a configuration that does not fit is
// refused naming the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSignalConfig, type SignalConfig, signalConfig } from '../../../src/central/signals/signal-config';
import { listSignals } from '../../../src/central/console/signal-review';
import { FraudSignals } from '../../../src/central/signals/fraud-signals';
import type { SignalKind } from '../../../src/central/signals/signal-detectors';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, type Office, person, startCentral, startOffice } from '../sync/central-fixture';

const DAY = 86_400_000;
/** Today's date at UTC+7, `days` from now, at a local time: the instant. */
function vietnam(days: number, time: string): number {
  const date = new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
  return Date.parse(`${date}T${time}:00+07:00`);
}
const vietnamDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
/** A clock that starts at `start` and runs. */
const clockFrom = (start: number) => {
  const began = Date.now();
  return { now: () => new Date(start + (Date.now() - began)) };
};

const threeDaysAgo = new Date(vietnam(-3, '12:00')).getUTCDay();
const config: SignalConfig = signalConfig.parse({
  windowDays: 400,
  voids: { factor: 3, minVoids: 2, minReceipts: 2 },
  hours: { open: '07:00', close: '17:30', workdays: [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== threeDaysAgo), fixedHolidays: [], holidays: [vietnamDate(-2)] },
  clock: { aheadMinutes: 15, lateDays: 10, backdatedDays: 0 },
  seriesGapDays: 3,
  samePersonOffices: 2,
  sharedContactPeople: 3,
  silentDays: 3,
});

let ids = 0;
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hải',
  'Hùng',
  'Khoa',
  'Lâm',
  'Minh',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Tài',
  'Thành',
  'Trung',
  'Tuấn',
  'Vinh',
  'Xuân',
];
const MIDDLE = ['Văn', 'Đức', 'Hữu', 'Quốc', 'Công', 'Đình', 'Bá', 'Trọng'];
/** A person of their own: a name no one else in the run has (so neither the office nor the central holds them as a near duplicate), and a personal ID that fits their birth. */
function someone() {
  const n = ++ids;
  const year = 1950 + (n % 40);
  const dateOfBirth = `${year}-${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}-15`;
  const name = `Lường ${MIDDLE[Math.floor(n / 20) % 8]} ${GIVEN[n % 20]}`;
  return person(name, dateOfBirth, 'male', `0010${String(year % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`);
}

async function register(office: Office, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  return office.call('participants.register', { ...someone(), ...extra });
}

/** One month paid: this month, or `later` months on. */
async function pay(office: Office, participantId: string, later = 0): Promise<{ receipt: { id: string } }> {
  const month = new Date(`${vietnamDate(0).slice(0, 7)}-01T00:00:00Z`);
  month.setUTCMonth(month.getUTCMonth() + later);
  const input = { participantId, scheme: 'VSI', fromMonth: month.toISOString().slice(0, 7), months: 1, incomeBasis: 2_000_000 };
  const quote = await office.call<{ total: number }>('contributions.quote', input);
  return office.call('contributions.record', { ...input, expectedTotal: quote.total });
}

describe.each(centralBackends())('fraud signals at the central on %s', (backend) => {
  let central: Central;
  let signals: FraudSignals;
  let offices = 0;
  const opened: Office[] = [];
  const office = async (clockStart?: number): Promise<Office> => {
    offices += 1;
    const o = await startOffice(central, `SIG${offices}`, clockStart ? { clock: clockFrom(clockStart) } : {});
    opened.push(o);
    return o;
  };
  /** Pushes, then waits for the signals the batch set off. */
  const push = async (o: Office) => {
    await o.call('sync.pushNow', {});
    await signals.idle();
  };
  const kinds = async (o: Office, kind: SignalKind) => (await signals.list({ officeCode: officeOf(o), kind })).map((s) => s.evidence);
  const officeOf = (o: Office) => o.dataDir.match(/fo-office-(\w+)-/)![1]!;

  beforeAll(async () => {
    central = await startCentral(backend, { signals: config });
    signals = central.signals!;
  }, 300_000);
  afterAll(async () => {
    for (const o of opened) await o.core.close();
    await central?.close();
  });

  it('out of office hours, on a day off or a public holiday — not at 10 on a workday', async () => {
    const cases = [
      { start: vietnam(-3, '10:00'), reason: 'dayOff' },
      { start: vietnam(-2, '10:00'), reason: 'holiday' },
      { start: vietnam(-1, '21:30'), reason: 'afterHours' },
      { start: vietnam(-1, '10:00'), reason: null },
    ];
    for (const c of cases) {
      const o = await office(c.start);
      await pay(o, (await register(o)).id);
      await push(o);
      const found = await kinds(o, 'OUT_OF_HOURS');
      if (c.reason) expect(found, c.reason).toEqual([expect.objectContaining({ reason: c.reason, receipt: expect.stringMatching(/\/0000001$/) })]);
      else expect(found).toEqual([]);
    }
  });

  it('a device clock ahead of the central, or a receipt received long after it was made — not one made yesterday', async () => {
    const ahead = await office(Date.now() + 2 * 3_600_000);
    const late = await office(Date.now() - 12 * DAY);
    const fine = await office(Date.now() - DAY);
    for (const o of [ahead, late, fine]) {
      await pay(o, (await register(o)).id);
      await push(o);
    }
    expect(await kinds(ahead, 'CLOCK_SKEW')).toEqual([expect.objectContaining({ direction: 'ahead' })]);
    expect(await kinds(late, 'CLOCK_SKEW')).toEqual([expect.objectContaining({ direction: 'late' })]);
    expect(await kinds(fine, 'CLOCK_SKEW')).toEqual([]);
  });

  it('a payment dated before the day it was recorded — not one dated that day', async () => {
    const o = await office();
    const first = await pay(o, (await register(o)).id);
    await pay(o, (await register(o)).id);
    await push(o);
    expect(await kinds(o, 'BACKDATED')).toEqual([]);
    // As a device altered to backdate it would have sent it: the payment day three days before the entry's.
    await central.database.db
      .updateTable('contributions')
      .set({ paidOn: vietnamDate(-3) })
      .where('receiptId', '=', first.receipt.id)
      .execute();
    await signals.refresh(officeOf(o));
    expect(await kinds(o, 'BACKDATED')).toEqual([
      expect.objectContaining({ receiptId: first.receipt.id, paidOn: vietnamDate(-3), recordedOn: vietnamDate(0) }),
    ]);
  });

  it('a number missing from a device series for more than the set days — not while it may still come', async () => {
    const o = await office();
    const receipts = [];
    for (let i = 0; i < 3; i++) receipts.push(await pay(o, (await register(o)).id));
    await push(o);
    // Receipt 2 never reached the central (as if the device had kept it back).
    await central.database.db.deleteFrom('contributions').where('receiptId', '=', receipts[1]!.receipt.id).execute();
    await signals.refresh(officeOf(o));
    expect(await kinds(o, 'SERIES_GAP')).toEqual([]);
    const later = new FraudSignals(central.database.db, config, () => new Date(Date.now() + 4 * DAY));
    await later.refresh(null);
    expect(await kinds(o, 'SERIES_GAP')).toEqual([expect.objectContaining({ missing: 1, numbers: [expect.stringMatching(/\/0000002$/)] })]);
  });

  it('several gaps in one series, one at its start and one of a million numbers: counted, the first 50 listed', async () => {
    const o = await office();
    const receipts = [];
    for (let i = 0; i < 5; i++) receipts.push(await pay(o, (await register(o)).id));
    await push(o);
    // Numbers 1 and 3 never arrived; the last receipt jumped a million numbers ahead.
    await central.database.db.deleteFrom('contributions').where('receiptId', 'in', [receipts[0]!.receipt.id, receipts[2]!.receipt.id]).execute();
    await central.database.db.updateTable('contributions').set({ receiptNumber: 1_000_005 }).where('receiptId', '=', receipts[4]!.receipt.id).execute();
    const later = new FraudSignals(central.database.db, config, () => new Date(Date.now() + 4 * DAY));
    await later.refresh(officeOf(o));
    const [gap] = (await kinds(o, 'SERIES_GAP')) as { missing: number; numbers: string[]; highest: string }[];
    expect(gap!.missing).toBe(2 + 1_000_000);
    expect(gap!.numbers).toHaveLength(50);
    expect(gap!.numbers.slice(0, 3).map((n) => n.slice(-7))).toEqual(['0000001', '0000003', '0000005']);
    expect(gap!.highest).toMatch(/\/1000005$/);
  });

  it('the same person paid at two offices — not a person paid twice at one', async () => {
    const a = await office();
    const b = await office();
    const shared = someone();
    await pay(a, (await a.call<{ id: string }>('participants.register', shared)).id);
    await push(a);
    await pay(b, (await b.call<{ id: string }>('participants.register', shared)).id);
    const once = (await register(b)).id;
    await pay(b, once);
    await pay(b, once, 1);
    await push(b);
    // Both offices see it, with both receipts; the person paid twice at one office is not there.
    for (const o of [a, b]) {
      const found = await kinds(o, 'SAME_PERSON_OFFICES');
      expect(found).toEqual([expect.objectContaining({ offices: [officeOf(a), officeOf(b)].sort() })]);
      expect(found[0]!.receipts).toHaveLength(2);
    }
  });

  it('one collector registering many people with the same phone or address — not a few', async () => {
    const o = await office();
    for (let i = 0; i < 3; i++) await register(o, { phone: '0912345678', addressLine: `Nhà ${i} Bản Pả Vi` });
    for (let i = 0; i < 2; i++) await register(o, { phone: '0987654321', addressLine: `Nhà ${i + 10} Bản Pả Vi` });
    await push(o);
    expect(await kinds(o, 'SHARED_CONTACT')).toEqual([expect.objectContaining({ what: 'phone', value: '0912345678', people: 3 })]);
  });

  it('names the staff a finding is about, though they collect nothing: from the audit chain their device pushed', async () => {
    const o = await office();
    await o.call('staff.create', { username: 'canbo', fullName: 'Lò Thị Mai', role: 'field', password: 'correct-horse-4' });
    const { token } = await o.call<{ token: string }>('auth.login', { username: 'canbo', password: 'correct-horse-4' });
    const field = {
      ...o,
      call: async <T>(method: string, input: unknown) => {
        const result = await o.core.invoke(method, input, token);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as T;
      },
    };
    for (let i = 0; i < 3; i++) await register(field, { phone: '0911222333', addressLine: `Nhà ${i} Bản Na Sang` });
    for (let i = 0; i < 3; i++) await register(o, { phone: '0944555666', addressLine: `Nhà ${i + 20} Bản Na Sang` });
    await push(o);
    const found = await listSignals(central.database.db, { officeCode: officeOf(o), kind: 'SHARED_CONTACT', status: 'open' });
    const byPhone = new Map(found.map((s) => [s.evidence.value, s]));
    // The field officer by the full name they were created with; the supervisor by the one given at setup.
    expect(byPhone.get('0911222333')).toMatchObject({ staffId: expect.any(String), staffName: 'Lò Thị Mai' });
    expect(byPhone.get('0944555666')).toMatchObject({ staffId: expect.any(String), staffName: 'Giám Sát Viên' });
  });

  it('a collector voiding far more than the rest of the office — not one void among many receipts', async () => {
    const o = await office();
    await o.call('staff.create', { username: 'thungan', fullName: 'Hà Thị Thu', role: 'counter', password: 'correct-horse-2' });
    await o.call('staff.create', { username: 'thungan2', fullName: 'Vì Văn Ngân', role: 'counter', password: 'correct-horse-3' });
    const as = async (username: string, password: string) => {
      const { token } = await o.call<{ token: string }>('auth.login', { username, password });
      return async <T>(method: string, input: unknown) => {
        const result = await o.core.invoke(method, input, token);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as T;
      };
    };
    const heavy = await as('thungan', 'correct-horse-2');
    const light = await as('thungan2', 'correct-horse-3');
    for (const [collector, voids] of [
      [heavy, 2],
      [light, 1],
    ] as const) {
      for (let i = 0; i < 3; i++) {
        const paid = await pay({ ...o, call: collector }, (await register(o)).id);
        if (i < voids) await collector('receipts.void', { id: paid.receipt.id, reason: 'Thu nhầm người nộp' });
      }
    }
    for (let i = 0; i < 3; i++) await pay(o, (await register(o)).id);
    await push(o);
    const found = await signals.list({ officeCode: officeOf(o), kind: 'VOID_RATE' });
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toMatchObject({ receipts: 3, voids: 2 });
    expect(found[0]!.evidence.voided).toHaveLength(2);
  });

  it('a device silent for days (nightly, every office) — not one heard from today; cleared once heard again', async () => {
    const o = await office();
    await pay(o, (await register(o)).id);
    await push(o);
    expect(await kinds(o, 'SILENT_DEVICE')).toEqual([]);
    const nightly = new FraudSignals(central.database.db, config, () => new Date(Date.now() + 4 * DAY));
    await nightly.refresh(null);
    const silent = await signals.list({ officeCode: officeOf(o), kind: 'SILENT_DEVICE' });
    expect(silent).toEqual([
      expect.objectContaining({ deviceId: expect.any(String), evidence: expect.objectContaining({ silentDays: 4, receiptsReceived: 1 }) }),
    ]);
    // Heard from again (today's run): the finding is cleared, kept with its evidence.
    await signals.refresh(null);
    expect(await kinds(o, 'SILENT_DEVICE')).toEqual([]);
    const all = await signals.list({ officeCode: officeOf(o), kind: 'SILENT_DEVICE', includeCleared: true });
    expect(all).toEqual([expect.objectContaining({ clearedAt: expect.any(String) })]);
  });
});

describe('the signals configuration', () => {
  it('keeps the defaults for what a file leaves out, and refuses a file that does not fit, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fo-signals-'));
    const file = join(dir, 'signals.json');
    writeFileSync(file, JSON.stringify({ voids: { factor: 5 }, hours: { holidays: ['2027-02-06'] } }));
    const loaded = loadSignalConfig(file);
    expect(loaded.voids).toEqual({ factor: 5, minVoids: 3, minReceipts: 10 });
    expect(loaded.hours.holidays).toEqual(['2027-02-06']);
    expect(loaded.hours.open).toBe('07:00');
    writeFileSync(file, JSON.stringify({ hours: { open: '25:00' } }));
    expect(() => loadSignalConfig(file)).toThrow(/hours\.open/);
    writeFileSync(file, JSON.stringify({ voidz: {} }));
    expect(() => loadSignalConfig(file)).toThrow(/CENTRAL_SIGNALS_FILE/);
  });
});
