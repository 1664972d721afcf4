// The provincial console's words for what the central found: each fraud signal kind's evidence
// (as the detectors in src/central/signals/signal-detectors.ts store it) said as a sentence in
// Vietnamese and English with its figures, and a receipt check's verdict in the order the public
// page decides it (forged and unknown first, then differing, voided or refunded, then recorded).
import { describe, expect, it } from 'vitest';
import type { SignalRow } from '../../src/shared/console/console-api';
import { signalKinds } from '../../src/shared/console/signal-kinds';
import type { CentralVerification } from '../../src/shared/verification/central-verification';
import i18next from 'i18next';
import { consoleEn } from '../../src/console/i18n/en';
import { consoleVi } from '../../src/console/i18n/vi';
import { evidenceLists, evidenceSentence } from '../../src/console/pages/signal-words';
import { verdictOf } from '../../src/console/pages/verdict';

// The console's strings in an instance of their own (its setup.ts reads the browser's storage).
const consoleI18n = i18next.createInstance();
await consoleI18n.init({ resources: { vi: { translation: consoleVi }, en: { translation: consoleEn } }, lng: 'vi', interpolation: { escapeValue: false } });

const signal = (kind: string, evidence: Record<string, unknown>, more: Partial<SignalRow> = {}): SignalRow => ({
  key: `${kind}:1`,
  kind,
  officeCode: 'HNA',
  deviceId: 'd1',
  deviceName: 'Quầy 1',
  staffId: 's1',
  evidence,
  firstSeen: '2026-12-06T03:00:00Z',
  lastSeen: '2026-12-06T03:00:00Z',
  clearedAt: null,
  reviewedAt: null,
  reviewedBy: null,
  reviewNote: null,
  ...more,
});

const EVIDENCE: Record<(typeof signalKinds)[number], [Record<string, unknown>, RegExp]> = {
  VOID_RATE: [
    { receipts: 20, voids: 6, rate: 0.3, officeRate: 0.02, voided: ['HNA-3F2A/0000003'] },
    /Lan đã hủy hoặc hoàn trả 6 trên 20 biên lai \(30%\).*chỉ 2%/,
  ],
  OUT_OF_HOURS: [
    { receipt: 'HNA-3F2A/0000002', localDate: '2026-12-06', localTime: '22:14', reason: 'afterHours' },
    /HNA-3F2A\/0000002 lập lúc 22:14 ngày 06\/12\/2026 trên máy Quầy 1: ngoài giờ làm việc/,
  ],
  CLOCK_SKEW: [
    { receipt: 'HNA-3F2A/0000004', deviceAt: '2026-12-06T05:00:00Z', receivedAt: '2026-12-06T04:15:00Z', direction: 'ahead', minutes: 45 },
    /12:00.*11:15.*chạy trước 45 phút/,
  ],
  BACKDATED: [
    { receipt: 'HNA-3F2A/0000005', paidOn: '2026-11-20', recordedOn: '2026-12-06' },
    /ghi ngày thu 20\/11\/2026, nhưng được lập trên máy Quầy 1 ngày 06\/12\/2026/,
  ],
  SERIES_GAP: [
    { series: 'HNA-3F2A', missing: 3, numbers: ['HNA-3F2A/0000006'], highest: 'HNA-3F2A/0000009' },
    /HNA-3F2A của máy Quầy 1 thiếu 3 số \(số cao nhất đã nhận: HNA-3F2A\/0000009\)/,
  ],
  SAME_PERSON_OFFICES: [
    { officialNumber: '0100000001', offices: ['HNA', 'HNB'], receipts: ['HNA-3F2A/0000001', 'HNB-1B2C/0000001'] },
    /0100000001 đã đóng tiền ở 2 văn phòng: HNA, HNB/,
  ],
  SHARED_CONTACT: [{ what: 'phone', value: '0912345678', people: 7, officialNumbers: ['0100000001'] }, /Lan đăng ký 7 người cùng số điện thoại 0912345678/],
  SILENT_DEVICE: [
    { device: 'Laptop thu', lastBatchAt: '2026-11-30T02:00:00Z', silentDays: 7, receiptsReceived: 12 },
    /Laptop thu không gửi dữ liệu 7 ngày \(lần gửi cuối: 30\/11\/2026 09:00\).*12 biên lai/,
  ],
};

describe('a fraud signal in words', () => {
  it.each(signalKinds)('says %s with its figures, in Vietnamese and English, with no placeholder left', async (kind) => {
    const [evidence, expected] = EVIDENCE[kind];
    await consoleI18n.changeLanguage('vi');
    const vi = evidenceSentence(consoleI18n.t, signal(kind, evidence), 'Lan');
    expect(vi).toMatch(expected);
    await consoleI18n.changeLanguage('en');
    const en = evidenceSentence(consoleI18n.t, signal(kind, evidence), 'Lan');
    expect(en).not.toBe(vi);
    for (const text of [vi, en]) expect(text).not.toMatch(/\{\{|undefined|NaN|evidence\./);
    await consoleI18n.changeLanguage('vi');
  });

  it('says a device clock far behind in days, and lists what the evidence names', async () => {
    await consoleI18n.changeLanguage('vi');
    const late = signal('CLOCK_SKEW', {
      receipt: 'R',
      deviceAt: '2026-12-01T02:00:00Z',
      receivedAt: '2026-12-06T02:00:00Z',
      direction: 'late',
      minutes: -7200,
    });
    expect(evidenceSentence(consoleI18n.t, late)).toContain('chậm khoảng 5 ngày');
    const [evidence] = EVIDENCE.SAME_PERSON_OFFICES;
    expect(evidenceLists(consoleI18n.t, signal('SAME_PERSON_OFFICES', evidence))).toEqual([['Biên lai', ['HNA-3F2A/0000001', 'HNB-1B2C/0000001']]]);
    // Without the collector's name, the staff id stands in; missing figures are zeros, not "undefined".
    expect(evidenceSentence(consoleI18n.t, signal('VOID_RATE', {}))).toMatch(/^Người thu s1 đã hủy hoặc hoàn trả 0 trên 0 biên lai/);
    // One who collects nothing has no name on receipts: the name their device's audit chain gave, else the id.
    const registrar = signal('SHARED_CONTACT', EVIDENCE.SHARED_CONTACT[0], { staffName: 'Lò Thị Mai' });
    expect(evidenceSentence(consoleI18n.t, registrar)).toMatch(/^Cán bộ Lò Thị Mai đăng ký 7 người/);
    expect(evidenceSentence(consoleI18n.t, registrar, 'Lan')).toMatch(/^Cán bộ Lan đăng ký 7 người/);
  });
});

describe('a receipt check in words', () => {
  const base: CentralVerification = {
    status: 'GENUINE',
    recorded: true,
    matches: true,
    voided: null,
    receipt: {
      type: 'receipt',
      label: 'HNA-3F2A/0000001',
      amount: 1_350_000,
      scheme: 'VSI',
      periodFrom: '2026-01',
      periodTo: '2026-03',
      businessDate: '2026-12-06',
      personalIdLast4: '3456',
      refundOf: null,
      keyId: 'q4Sx0Jb2cXg',
    },
    office: { code: 'HNA', name: 'BHXH cơ sở Ba Đình' },
    deviceRevokedAt: null,
  };
  it.each([
    [{}, 'genuine'],
    [{ recorded: false, matches: null }, 'notSynced'],
    [{ voided: { on: '2026-12-07', refund: false, voucher: null } }, 'voided'],
    [{ voided: { on: '2026-12-07', refund: true, voucher: 'HT-HNA-3F2A/0000001' } }, 'refunded'],
    [{ matches: false, voided: { on: '2026-12-07', refund: false, voucher: null } }, 'differs'],
    [{ status: 'FORGED', recorded: false, voided: { on: '2026-12-07', refund: false, voucher: null } }, 'forged'],
    [{ status: 'UNKNOWN_DEVICE', recorded: false, office: null }, 'unknownDevice'],
  ] as const)('%o → %s', (change, verdict) => {
    expect(verdictOf({ ...base, ...change } as CentralVerification)).toBe(verdict);
  });
});
