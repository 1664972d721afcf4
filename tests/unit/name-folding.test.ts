import { describe, expect, it } from 'vitest';
import { classifyQuery, foldName, normaliseFullName } from '../../src/shared/domain/name-folding';

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
