// Support per scheme, derived from facts (docs/law/worked-cases.md, cases V1–V10): each scheme asks
// its own question of the same facts, the highest VSI share wins, an expired certificate no longer
// counts, and the quote names the rule and its legal source.
import { describe, expect, it } from 'vitest';
import { supportBasis } from '../../../src/shared/domain/support-facts';
import { PHU_QUOC, noFacts, person, quote, refusal, statuses } from './law-fixtures';

const nearPoor = { kind: 'near-poor' as const, number: 'CN-2025-0456', validFrom: '2025-01-01', validTo: '2025-12-31' };
const poor = { kind: 'poor' as const, number: 'HN-2025-0123', validFrom: '2025-01-01', validTo: '2025-12-31' };

describe('VSI support from facts, each month at the floor (22 % × 1 500 000 đ = 330 000 đ)', () => {
  it.each([
    [
      'V1 near-poor, living in the Phú Quốc special zone: the island share 50 % is the highest',
      { poverty: nearPoor, communeCode: PHU_QUOC },
      '2025-08-05',
      165_000,
      'island',
    ],
    ['V3 Tày, no other fact: the ethnic-minority share 30 %', { ethnicity: 'Tày' }, '2025-08-05', 231_000, 'ethnic-minority'],
    ['V4 Kinh, living in Phú Quốc (31078): the special-zone share 50 %', { communeCode: PHU_QUOC }, '2025-08-05', 165_000, 'island'],
    ['V5 near-poor certificate expired on 31 Jul 2025: the general 20 %', { poverty: { ...nearPoor, validTo: '2025-07-31' } }, '2025-08-05', 264_000, 'other'],
    ['V6 the same certificate, paid on 20 Jul 2025 while valid: 40 %', { poverty: { ...nearPoor, validTo: '2025-07-31' } }, '2025-07-20', 198_000, 'near-poor'],
    ['V7 a student: no VSI category, the general 20 %', { student: true }, '2025-08-05', 264_000, 'other'],
    ['V8 poor household: 50 %', { poverty: poor }, '2025-08-05', 165_000, 'poor'],
    ['V9 Tày, paid on 10 Jun 2025 under Decree 134/2015: the general 10 %', { ethnicity: 'Tày' }, '2025-06-10', 297_000, 'other'],
    ['V9b Phú Quốc before it became a special zone (1 Jul 2025): 10 %', { communeCode: PHU_QUOC }, '2025-06-10', 297_000, 'other'],
  ])('%s', (_case, facts, paidOn, amount, category) => {
    const q = quote({ paidOn, fromMonth: paidOn.slice(0, 7), person: person(facts) });
    expect(q.total).toBe(amount);
    expect(q.support?.category).toBe(category);
    expect(q.support?.source).toMatch(paidOn >= '2025-07-01' ? /Nghị định 159\/2025\/NĐ-CP điều 5/ : /Nghị định 134\/2015/);
  });

  it('names why the share applies, in both languages', () => {
    const q = quote({ person: person({ poverty: nearPoor, communeCode: PHU_QUOC }) });
    expect(q.support).toMatchObject({ share: '50/100', reasonVi: 'Cư trú tại đặc khu (mã 31078)', reasonEn: 'Lives in a special zone (code 31078)' });
    const tay = quote({ person: person({ ethnicity: 'Tày' }) });
    expect(tay.support?.reasonVi).toBe('Người dân tộc Tày');
  });
});

describe('HHI support from the same facts (member 1 at 2 340 000 đ: 105 300 đ a month)', () => {
  const hhi = (facts: Parameters<typeof person>[0], paidOn = '2025-10-01', position = 1) =>
    quote({
      scheme: 'HHI',
      method: 'quarterly',
      months: 3,
      paidOn,
      fromMonth: paidOn.slice(0, 7),
      memberPosition: position,
      incomeBasis: null,
      person: person(facts),
    });

  it.each([
    ['V2 near-poor in Phú Quốc keeps the near-poor 70 % (the island is no HHI category)', { poverty: nearPoor, communeCode: PHU_QUOC }, 1, 31_590, 'near-poor'],
    ['V7 a student, member 2: 50 % of 73 710 đ', { student: true }, 2, 36_855, 'student'],
    ['a Tày person: no HHI category', { ethnicity: 'Tày' }, 1, 105_300, 'other'],
  ])('%s', (_case, facts, position, monthly, category) => {
    const q = hhi(facts, '2025-10-01', position);
    expect(q.lines.map((l) => l.amount)).toEqual([monthly, monthly, monthly]);
    expect(q.support?.category).toBe(category);
    expect(q.support?.source).toMatch(/Nghị định 188\/2025\/NĐ-CP/);
  });

  it('V10 a farming household of average living standard, paid on 1 Jul 2026 (base 2 530 000 đ): 30 %, 79 695 đ a month', () => {
    const q = hhi({ agriAverage: true }, '2026-07-01');
    expect(q.lines[0]).toMatchObject({ baseAmount: 113_850, supportAmount: 34_155, amount: 79_695 });
  });

  it('V8 a poor household pays no household HI: the state budget insures it', () => {
    const error = refusal(() => hhi({ poverty: poor }));
    expect(error.field).toBe('participantId');
    expect(error.vi).toContain('ngân sách nhà nước đóng BHYT');
    expect(error.vi).toContain('Luật BHYT điều 12.3');
  });
});

describe('the facts behind the shares', () => {
  it('lists an expired certificate as a note, not as a category', () => {
    const basis = supportBasis({ ...noFacts, poverty: { ...nearPoor, validTo: '2025-07-31' } }, statuses, 'VSI', '2025-08-05');
    expect(basis.applies).toEqual([]);
    expect(basis.notes[0]!.vi).toBe('Giấy chứng nhận hộ cận nghèo số CN-2025-0456 hết hạn ngày 31/07/2025: không còn được tính từ ngày đó.');
  });

  it('counts a certificate not valid yet only from its first day', () => {
    const later = { ...nearPoor, validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(supportBasis({ ...noFacts, poverty: later }, statuses, 'VSI', '2025-12-31').applies).toEqual([]);
    expect(supportBasis({ ...noFacts, poverty: later }, statuses, 'VSI', '2026-01-01').applies.map((a) => a.category)).toEqual(['near-poor']);
  });

  it('counts a migrated certificate with no number or dates, and asks for them', () => {
    const basis = supportBasis({ ...noFacts, poverty: { kind: 'poor', number: null, validFrom: null, validTo: null } }, statuses, 'VSI', '2026-03-01');
    expect(basis.applies.map((a) => a.category)).toEqual(['poor']);
    expect(basis.notes[0]!.en).toContain('not on the record');
  });

  it('reads a special zone only while its status is in force', () => {
    const ended = [{ ...statuses[0]!, to: '2026-12-31' }];
    expect(supportBasis({ ...noFacts, communeCode: PHU_QUOC }, ended, 'VSI', '2026-12-31').applies).toHaveLength(1);
    expect(supportBasis({ ...noFacts, communeCode: PHU_QUOC }, ended, 'VSI', '2027-01-01').applies).toHaveLength(0);
  });
});
