// Hamlets named by address lines (issue 21 item 1): which part of an address names a hamlet, how two
// spellings of one hamlet are one, what a commune's addresses teach, and which hamlet a person is in.
import { describe, expect, it } from 'vitest';
import { HamletMatcher, hamletInAddress, hamletKey, hamletLabel, learnHamlets } from '../../src/shared/domain/hamlets';

describe('the hamlet an address line names', () => {
  it.each([
    ['Thôn Đông Hòa, xã Tân Phú', { kind: 'thon', name: 'Đông Hòa' }],
    ['số 12, tổ dân phố 3, phường Ba Đình', { kind: 'to-dan-pho', name: '3' }],
    ['TDP 5', { kind: 'to-dan-pho', name: '5' }],
    ['ấp Bình Lợi', { kind: 'ap', name: 'Bình Lợi' }],
    ['Bản Nà Phặc', { kind: 'ban', name: 'Nà Phặc' }],
    ['xom 3, thon Dong', { kind: 'xom', name: '3' }],
    ['Tổ 7, khu phố 2', { kind: 'to', name: '7' }],
    ['Buôn Ma Lăng', { kind: 'buon', name: 'Ma Lăng' }],
    ['Làng Chăm', { kind: 'lang', name: 'Chăm' }],
  ])('%s', (line, expected) => {
    expect(hamletInAddress(line)).toEqual(expected);
  });

  it.each(['12 Tô Hiến Thành', '35 Láng Hạ', 'Bàn Cờ', 'Tổ Hợp Tác', 'xã Tân Phú', 'Thôn', ''])('names no hamlet: %s', (line) => {
    expect(hamletInAddress(line)).toBeNull();
  });

  it('prints a hamlet with its kind', () => {
    expect(hamletLabel({ kind: 'to-dan-pho', name: '3' })).toBe('Tổ dân phố 3');
  });

  it('treats spellings that fold alike as one hamlet', () => {
    expect(hamletKey('thon', 'Đông Hoà')).toBe(hamletKey('thon', 'dong  hòa'));
    expect(hamletKey('thon', 'Đông Hòa')).not.toBe(hamletKey('xom', 'Đông Hòa'));
  });
});

describe("learning a commune's hamlets from its addresses", () => {
  it('counts people per hamlet, most first, under the spelling most addresses use', () => {
    const learned = learnHamlets(['Thôn Đông Hòa', 'thôn Đông Hoà, xã X', 'thon dong hoa', 'Thôn Đông Hòa, số 4', 'Xóm 2', '12 Tô Hiến Thành']);
    expect(learned.map((h) => [h.kind, h.name, h.people])).toEqual([
      ['thon', 'Đông Hòa', 4],
      ['xom', '2', 1],
    ]);
  });
});

describe("a person's hamlet", () => {
  const matcher = new HamletMatcher([
    { id: 'h1', kind: 'thon', name: 'Đông Hòa' },
    { id: 'h2', kind: 'xom', name: '2' },
  ]);

  it('is the one chosen on the record when it is on the list', () => {
    expect(matcher.hamletOf({ hamletId: 'h2', addressLine: 'Thôn Đông Hòa' })).toBe('h2');
  });

  it('is else the one the address names, whatever its accents', () => {
    expect(matcher.hamletOf({ hamletId: null, addressLine: 'thon dong hoa, xa Tan Phu' })).toBe('h1');
    expect(matcher.hamletOf({ hamletId: 'gone', addressLine: 'Xóm 2' })).toBe('h2');
  });

  it('is none when the address names a hamlet not on the list', () => {
    expect(matcher.hamletOf({ hamletId: null, addressLine: 'Thôn Tây' })).toBeNull();
  });
});
