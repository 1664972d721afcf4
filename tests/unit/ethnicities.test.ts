import { describe, expect, it } from 'vitest';
import { canonicalEthnicity, ethnicities, isEthnicMinority, minoritySupportProblem } from '../../src/shared/domain/ethnicities';
import { foldName } from '../../src/shared/domain/name-folding';

describe('the 54 ethnic groups of the TK1-TS form', () => {
  it('lists the 54 groups and a foreign national, each readable apart from the others without accents', () => {
    expect(ethnicities).toHaveLength(55);
    const keys = ethnicities.map((e) => foldName(e).replace(/ /g, ''));
    expect(new Set(keys).size).toBe(55);
    for (const e of ethnicities) expect(canonicalEthnicity(e)).toBe(e);
  });

  it.each([
    ['kinh', 'Kinh'],
    ['  KINH ', 'Kinh'],
    ['tay', 'Tày'],
    ['Thai', 'Thái'],
    ['kho me', 'Khơ-me'],
    ['Khơme', 'Khơ-me'],
    ['Khmer', 'Khơ-me'],
    ["H'Mông", 'Mông'],
    ['hmong', 'Mông'],
    ['e de', 'Ê-đê'],
    ['Ba na', 'Ba-na'],
    ['bru van kieu', 'Bru-Vân Kiều'],
    ['Van Kieu', 'Bru-Vân Kiều'],
    ['Co Lao', 'Cờ Lao'],
    ['nguoi nuoc ngoai', 'Người nước ngoài'],
  ])('reads "%s" as %s', (typed, group) => {
    expect(canonicalEthnicity(typed)).toBe(group);
  });

  it.each(['', 'Kinh Tày', 'Việt Nam', 'Khác', 'Tay Nguyen'])('knows no group "%s"', (typed) => {
    expect(canonicalEthnicity(typed)).toBeNull();
  });

  it('counts every group but the Kinh as an ethnic minority; a foreign national or an unknown text is none', () => {
    expect(isEthnicMinority('Tày')).toBe(true);
    expect(isEthnicMinority('hoa')).toBe(true);
    expect(isEthnicMinority('Rơ-măm')).toBe(true);
    expect(isEthnicMinority('Kinh')).toBe(false);
    expect(isEthnicMinority('Người nước ngoài')).toBe(false);
    expect(isEthnicMinority('không rõ')).toBe(false);
    expect(ethnicities.filter(isEthnicMinority)).toHaveLength(53);
  });

  it.each([
    ['ethnic-minority', 'Kinh', true],
    ['ethnic-minority', 'Người nước ngoài', true],
    ['ethnic-minority', 'Tày', false],
    ['ethnic-minority', 'dân tộc Tày', false],
    ['poor', 'Kinh', false],
    ['other', 'Mông', false],
  ])('finds the %s support for "%s" wrong: %s', (category, ethnicity, wrong) => {
    expect(minoritySupportProblem(category, ethnicity) !== null).toBe(wrong);
  });
});
