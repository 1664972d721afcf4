import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQuery, foldByTable, foldName, normaliseFullName } from '../../src/shared/domain/name-folding';

/** The fold as first written, each step over the whole text: what the table's fold must equal. */
const foldWhole = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('accent folding for name search', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['Đặng Thị Thủy', 'dang thi thuy'],
    ['Đặng Thị Thuỷ', 'dang thi thuy'],
    ['  ĐỖ   HỮU   ĐỨC ', 'do huu duc'],
    ['Lê Thị Ánh Tuyết', 'le thi anh tuyet'],
    ['Nguyễn Văn An'.normalize('NFD'), 'nguyen van an'],
    ['Hồ Xuân Hương', 'ho xuan huong'],
    ['Võ Thị Sáu', 'vo thi sau'],
    ['Y Ngông Niê Kdăm', 'y ngong nie kdam'],
    ['Nguyen-Van An', 'nguyen van an'],
  ])('folds %j to %j', (input, folded) => {
    expect(foldName(input)).toBe(foldName(folded));
    expect(foldName(input)).toBe(folded);
  });

  it('folds by its table exactly as the whole-text steps do, or leaves the text to them', () => {
    // Every code unit below U+2000 alone, and between letters and spaces.
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, ` ${ch} `, `${ch}${ch}`, `Đ${ch}ễ`]) {
        const byTable = foldByTable(text);
        if (byTable !== null) expect(byTable, `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(foldWhole(text));
        expect(foldName(text)).toBe(foldWhole(text));
      }
    }
    // Random texts of Vietnamese letters (composed and decomposed), marks, spaces of every kind, other scripts.
    const unit = fc.oneof(
      fc.constantFrom(..."aăâđeêioôơuưyAĂÂĐEÊIOÔƠUƯY ấầẩẫậẮẰẲẴẶếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵĐđ-.'’0123456789"),
      fc.constantFrom('\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u00a0', '\t', '\n', '\u2003', '\u0085', 'İ', 'ß', 'Σ', 'ǅ', 'ﬁ', '😀', '\ud800'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), (units) => {
        const text = units.join('');
        const byTable = foldByTable(text);
        if (byTable !== null) expect(byTable).toBe(foldWhole(text));
        expect(foldName(text)).toBe(foldWhole(text));
        expect(foldName(text.normalize('NFD'))).toBe(foldWhole(text.normalize('NFD')));
      }),
      { numRuns: 20_000, seed: 20261207 },
    );
    // The names the central folds most go by the table.
    expect(foldByTable('Nguyễn Thị Hồng Nhung')).toBe('nguyen thi hong nhung');
    expect(foldByTable('  ĐỖ   HỮU   ĐỨC ')).toBe('do huu duc');
  });

  it('never corrects spelling beyond accents: "Thuy" and "Thùy" match, "Thuy" and "Thuyen" do not', () => {
    expect(foldName('Thùy')).toBe('thuy');
    expect(foldName('Thuyền')).not.toBe('thuy');
  });

  it('stores names tidily with each word capitalised', () => {
    expect(normaliseFullName('  nguyễn   văn   an ')).toBe('Nguyễn Văn An');
    expect(normaliseFullName('ĐẶNG THỊ THỦY')).toBe('Đặng Thị Thủy');
  });

  it.each([
    ['001090123456', 'personalId'],
    ['0912345678', 'phone'],
    ['+84912345678', 'phone'],
    ['7912345678', 'siNumber'],
    ['nguyen van an', 'name'],
    ['an', 'name'],
  ])('reads the query %j as %s', (q, kind) => {
    expect(classifyQuery(q)).toBe(kind);
  });
});
