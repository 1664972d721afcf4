// Old addresses onto today's communes, on the shipped table (10 597 rows): typed without accents,
// with or without unit words, in any order; a divided commune lists every new commune; a name
// shared by many provinces narrows as the district and province are typed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareName, indexLegacyCommunes, matchLegacyCommunes, parseLegacyCsv } from '../../../src/shared/domain/legacy-communes';

const rows = parseLegacyCsv(readFileSync(new URL('../../../resources/reference/legacy-63-to-34-2025.csv', import.meta.url), 'utf8'));
const index = indexLegacyCommunes(rows);
const first = (query: string) => matchLegacyCommunes(index, query)[0];

describe('the shipped table', () => {
  it('holds 10 597 rows, 471 old communes divided', () => {
    expect(rows).toHaveLength(10_597);
    expect(new Set(rows.filter((r) => r.divided).map((r) => r.legacyCommuneCode)).size).toBe(471);
  });

  it('refuses a file that is not the table', () => {
    expect(() => parseLegacyCsv('a,b\n1,2')).toThrow(/header/);
  });
});

describe('an address typed the old way', () => {
  it.each([
    ['phuc xa ba dinh ha noi', 'Phường Phúc Xá', '01', '00097', 'Phường Hồng Hà'],
    ['Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội', 'Phường Phúc Xá', '01', '00097', 'Phường Hồng Hà'],
    ['duong dong phu quoc kien giang', 'Phường Dương Đông', '91', '31078', 'Đặc khu Phú Quốc'],
    ['cua can phu quoc', 'Xã Cửa Cạn', '91', '31078', 'Đặc khu Phú Quốc'],
    ['tan dinh quan 1', 'Phường Tân Định', '79', '26737', 'Phường Tân Định'],
  ])('"%s" is %s, now %s/%s %s', (query, legacy, province, commune, name) => {
    expect(first(query)).toMatchObject({ legacyCommune: legacy, provinceCode: province, communeCode: commune, commune: name });
  });

  it('lists every new commune of a divided one (Phường Cống Vị → Giảng Võ or Ngọc Hà)', () => {
    const found = matchLegacyCommunes(index, 'cong vi ba dinh');
    expect(found.map((m) => [m.commune, m.divided])).toEqual([
      ['Phường Giảng Võ', true],
      ['Phường Ngọc Hà', true],
    ]);
  });

  it('narrows a name shared by many provinces as the district and province are typed', () => {
    const all = matchLegacyCommunes(index, 'tan phu', 100);
    expect(all.length).toBeGreaterThan(20);
    const narrowed = matchLegacyCommunes(index, 'tan phu dong phu binh phuoc', 100);
    expect(narrowed.length).toBeLessThan(all.length);
    expect(narrowed[0]).toMatchObject({ legacyCommune: 'Thị trấn Tân Phú', legacyDistrict: 'Huyện Đồng Phú', commune: 'Xã Đồng Phú' });
  });

  it('takes the last word cut short, as the clerk is still typing', () => {
    expect(first('phuc xa ba di')).toMatchObject({ legacyCommune: 'Phường Phúc Xá' });
  });

  it('finds nothing for words of no old unit, and nothing for an empty query', () => {
    expect(matchLegacyCommunes(index, 'khong co dau ca')).toEqual([]);
    expect(matchLegacyCommunes(index, '  ')).toEqual([]);
  });

  it('reads a unit name without its unit word', () => {
    expect(bareName('Quận Ba Đình')).toBe('ba dinh');
    expect(bareName('Thành phố Hồ Chí Minh')).toBe('ho chi minh');
    expect(bareName('Thị trấn Đông Anh')).toBe('dong anh');
  });
});
