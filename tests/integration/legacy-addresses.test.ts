// Old addresses through the office core: the shipped table is loaded into the store once (and not
// again while it is unchanged), `reference.legacyCommunes` answers a query typed without accents,
// the commune statuses of the admin units (special zones) are in the store, and a person is found
// by the old address recorded beside the new one.
import { afterEach, describe, expect, it } from 'vitest';
import { call, failure, type Office, openCore, openOffice, openTestStore, personInput } from './fixtures/office-fixture';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function office(): Promise<Office> {
  const o = await openOffice();
  cleanups.push(() => o.close());
  return o;
}

describe('reference.legacyCommunes', () => {
  it('lands an old Hà Nội address on its 2025 ward, and lists both wards of a divided one', async () => {
    const o = await office();
    const found = await call(o.core, 'reference.legacyCommunes', { query: 'phuc xa ba dinh ha noi' }, o.tokens.counter);
    expect(found.items[0]).toEqual({
      legacyProvince: 'Thành phố Hà Nội',
      legacyDistrict: 'Quận Ba Đình',
      legacyCommune: 'Phường Phúc Xá',
      legacyCommuneCode: '00001',
      provinceCode: '01',
      communeCode: '00097',
      commune: 'Phường Hồng Hà',
      divided: false,
    });
    const divided = await call(o.core, 'reference.legacyCommunes', { query: 'cong vi ba dinh', limit: 5 }, o.tokens.field);
    expect(divided.items.map((m: { communeCode: string; divided: boolean }) => [m.communeCode, m.divided])).toEqual([
      ['00008', true],
      ['00025', true],
    ]);
  });

  it('refuses a query of one character with the field named, and callers with no session', async () => {
    const o = await office();
    expect(await failure(o.core, 'reference.legacyCommunes', { query: 'p' }, o.tokens.counter)).toMatchObject({ code: 'VALIDATION', field: 'query' });
    expect((await failure(o.core, 'reference.legacyCommunes', { query: 'phuc xa' })).code).toBe('UNAUTHENTICATED');
  });

  it('loads the table once: a reopened store keeps its rows and version, and the special zones are there', async () => {
    const o = await openOffice();
    cleanups.push(() => o.close());
    await o.core.close();
    const again = await openCore(o.dir);
    cleanups.push(() => again.close());
    const sqlite = openTestStore(o.dir, { readonly: true });
    cleanups.push(() => void sqlite.close());
    expect(sqlite.prepare('SELECT count(*) FROM legacy_communes').pluck().get()).toBe(10_597);
    expect(sqlite.prepare(`SELECT count(*) FROM reference_versions WHERE kind = 'legacy-communes'`).pluck().get()).toBe(1);
    expect(sqlite.prepare(`SELECT kind FROM commune_statuses WHERE commune_code = '31078'`).pluck().get()).toBe('special-zone');
    expect(sqlite.prepare('SELECT count(*) FROM commune_statuses').pluck().get()).toBe(13);
  });
});

describe('participants.search by the old address', () => {
  it('finds people by their old commune, district and province typed without accents, alone or with the name', async () => {
    const o = await office();
    const oldAddress = (text: string) => ({ legacyCommuneCode: '00001', text });
    const register = (fullName: string, legacyAddress: { legacyCommuneCode: string; text: string } | null) =>
      call(o.core, 'participants.register', { ...personInput({ fullName }), provinceCode: '01', communeCode: '00097', legacyAddress }, o.tokens.counter);
    const lan = await register('Đỗ Thị Lan', oldAddress('Tổ 3, Phúc Xá, Ba Đình, Hà Nội'));
    const tuan = await register('Vũ Minh Tuấn', oldAddress('Phúc Xá, Ba Đình'));
    await register('Đỗ Thị Loan', null);
    const search = (query: string) => call(o.core, 'participants.search', { query }, o.tokens.counter);

    const byAddress = await search('phuc xa ba dinh ha noi');
    expect(byAddress.matchedBy).toBe('oldAddress');
    expect(byAddress.items.map((p) => p.id).sort()).toEqual([lan.id, tuan.id].sort());
    expect((await search('Phúc Xá')).items.map((p) => p.id).sort()).toEqual([lan.id, tuan.id].sort());
    // The name and the old address together, in either order.
    expect(await search('do thi lan phuc xa')).toMatchObject({ matchedBy: 'oldAddress', items: [{ id: lan.id }] });
    expect(await search('phuc xa ba dinh vu minh')).toMatchObject({ matchedBy: 'oldAddress', items: [{ id: tuan.id }] });
    // A name alone is still a name search, and an address nobody here had finds nobody.
    expect(await search('do thi l')).toMatchObject({ matchedBy: 'name' });
    expect((await search('truc bach ba dinh')).items).toEqual([]);
  });
});
