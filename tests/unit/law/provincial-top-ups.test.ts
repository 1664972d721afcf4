// Provincial top-ups (Law 41/2024 art. 6.6; docs/law/worked-cases.md, cases T1–T6): a share or an
// amount per category from the province's reference data, on the payment date, never more than
// what is left to pay, shown as its own line and named with its source.
import { describe, expect, it } from 'vitest';
import { person, quote, withTopUps } from './law-fixtures';

const source = 'Nghị quyết HĐND tỉnh (ví dụ kiểm thử)';
const hanoi = withTopUps({
  '01': {
    name: 'Hà Nội',
    vsi: [
      { from: '2026-01-01', value: { 'near-poor': { share: { num: 10, den: 100 } }, poor: { share: { num: 60, den: 100 } }, any: { amount: 20_000 } }, source },
    ],
    hhi: [{ from: '2026-01-01', value: { 'near-poor': { share: { num: 20, den: 100 } } }, source }],
  },
});
const nearPoor = { kind: 'near-poor' as const, number: 'CN-1', validFrom: '2026-01-01', validTo: '2026-12-31' };
const poor = { kind: 'poor' as const, number: 'N-1', validFrom: '2026-01-01', validTo: '2026-12-31' };
const at = (paidOn: string, facts: Parameters<typeof person>[0], over: Parameters<typeof quote>[0] = {}) =>
  quote({ paidOn, fromMonth: paidOn.slice(0, 7), person: person(facts), ...over }, hanoi);

describe('provincial top-ups on VSI, at the floor (330 000 đ a month)', () => {
  it.each([
    ['T1 near-poor in Hà Nội: state 40 % (132 000 đ) and the province 10 % of 22 % × CN (33 000 đ)', { poverty: nearPoor }, 165_000, 132_000, 33_000],
    ['T2 anyone else in Hà Nội: state 20 % (66 000 đ) and 20 000 đ a month', {}, 244_000, 66_000, 20_000],
    ['T3 poor: state 50 % and 60 % more, capped at what is left', { poverty: poor }, 0, 165_000, 165_000],
  ])('%s', (_case, facts, amount, support, topUp) => {
    const q = at('2026-03-02', facts);
    expect(q.lines[0]).toMatchObject({ baseAmount: 330_000, supportAmount: support, topUpAmount: topUp, amount });
    expect(q.topUp).toMatchObject({ provinceCode: '01', provinceName: 'Hà Nội', source, total: topUp });
  });

  it('T5 a payment before the resolution takes effect has no top-up', () => {
    const q = at('2025-12-31', { poverty: { ...nearPoor, validFrom: '2025-01-01' } });
    expect(q.total).toBe(198_000);
    expect(q.topUp).toBeUndefined();
    expect(q.lines[0]!.topUpAmount).toBeUndefined();
  });

  it('a person of another province gets no top-up', () => {
    expect(quote({ paidOn: '2026-03-02', fromMonth: '2026-03', person: person({}, { provinceCode: '79' }) }, hanoi).total).toBe(264_000);
  });

  it('T6 a month past its deadline carries neither the state support nor the top-up', () => {
    const q = at('2026-05-05', {}, { fromMonth: '2026-03' });
    expect(q.lines[0]).toMatchObject({ kind: 'arrears', supportAmount: 0, amount: 332_645 });
    expect(q.lines[0]!.topUpAmount).toBeUndefined();
  });
});

describe('provincial top-ups on household HI', () => {
  it('T4 near-poor member 1 in Hà Nội: state 70 % (73 710 đ) and the province 20 % of 105 300 đ (21 060 đ)', () => {
    const q = at('2026-03-02', { poverty: nearPoor }, { scheme: 'HHI', method: 'quarterly', months: 3, memberPosition: 1, incomeBasis: null });
    expect(q.lines[0]).toMatchObject({ baseAmount: 105_300, supportAmount: 73_710, topUpAmount: 21_060, amount: 10_530 });
    expect(q.topUp?.total).toBe(3 * 21_060);
  });
});
