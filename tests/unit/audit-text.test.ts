// The audit screen says entries in words: every action the core writes (each operation kind, and
// every literal action of an appendAudit call in src/main/core) has a name in both languages, and
// the details read as labelled values — money in đồng, yes/no, dates as dd/mm/yyyy — with details
// cut mid-way by the core shown as they are.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionLabel, detailsLine, matchesAction } from '../../src/renderer/pages/audit/audit-text';
import { en } from '../../src/renderer/i18n/en';
import { vi } from '../../src/renderer/i18n/vi';
import { operationKinds } from '../../src/shared/sync/operations';

/** Literal `action: '…'` (and `copy ? '…' : '…'`, `lock ? '…' : '…'`) in the core's sources. */
function coreActions(): Set<string> {
  const dir = resolve(__dirname, '../../src/main/core');
  const found = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/action: ([^,}\n]+)/g)) for (const lit of m[1]!.matchAll(/'([a-z]+\.[A-Za-z.]+)'/g)) found.add(lit[1]!);
  }
  return found;
}

async function translator(lng: 'vi' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('audit screen texts', () => {
  let tVi: TFunction;
  let tEn: TFunction;
  beforeAll(async () => {
    tVi = await translator('vi');
    tEn = await translator('en');
  });

  it('names every action the core writes, in both languages', () => {
    const actions = new Set([...operationKinds, ...coreActions()]);
    expect(actions.size).toBeGreaterThan(25);
    for (const action of actions) {
      expect(actionLabel(tVi, action), action).not.toBe(action);
      expect(actionLabel(tEn, action), action).not.toBe(action);
    }
    expect(actionLabel(tVi, 'contribution.record')).toBe('Thu tiền');
    expect(actionLabel(tEn, 'field.assignment.set')).toBe('Area assigned');
  });

  it('keeps an unknown action as its code', () => {
    expect(actionLabel(tVi, 'something.new')).toBe('something.new');
  });

  it('says details as labelled values', () => {
    expect(detailsLine(tVi, '{"total":1350000}')).toBe('Số tiền: 1.350.000 đ');
    expect(detailsLine(tEn, '{"failures":3,"whileLocked":true}')).toBe('Failures: 3 · While locked: Yes');
    expect(detailsLine(tVi, '{"reason":"Thu nhầm","paidOn":"2026-07-01"}')).toBe('Ngày nộp: 01/07/2026 · Lý do: Thu nhầm');
    expect(detailsLine(tVi, '{"reasons":["A","B"]}')).toBe('Lý do: A; B');
    expect(detailsLine(tVi, '{"before":{"fullName":"Lò Văn A"},"after":{"fullName":"Lò Văn Á"}}')).toBe('Trước: Họ tên: Lò Văn A · Sau: Họ tên: Lò Văn Á');
    expect(detailsLine(tVi, 'null')).toBe('');
    expect(detailsLine(tEn, '{"change":"add","coverage":{},"removed":[]}')).toBe('Change: add');
    // A payment: the telling fields first; ids, empty values and the month-by-month lines only in the opened entry.
    const payment = JSON.stringify({
      receipt: { id: 'r', series: 'KT01-E487', number: 12 },
      scheme: 'VSI',
      id: 'x',
      participantId: 'y',
      householdId: null,
      fromMonth: '2026-12',
      months: 1,
      total: 374000,
      lines: [{ amount: 374000 }],
      collectorName: 'Đỗ Thu Hà',
    });
    expect(detailsLine(tVi, payment)).toBe(
      'Biên lai: KT01-E487/12 · Số tiền: 374.000 đ · Chế độ: BHXH tự nguyện · Từ tháng: 2026-12 · Số tháng: 1 · Người thu: Đỗ Thu Hà',
    );
  });

  it('finds an action by its name without accents or by its code', () => {
    expect(matchesAction('thu tien', 'contribution.record', 'Thu tiền')).toBe(true);
    expect(matchesAction('contribution.rec', 'contribution.record', 'Thu tiền')).toBe(true);
    expect(matchesAction('huy', 'contribution.record', 'Thu tiền')).toBe(false);
  });

  it('shows details cut mid-way as they are', () => {
    const cut = '{"participant":{"fullName":"Nguyễn Th';
    expect(detailsLine(tVi, cut)).toBe(cut);
  });
});
