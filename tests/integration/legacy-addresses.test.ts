// Old addresses through the office core: the shipped table is loaded into the store once (and not
// again while it is unchanged), `reference.legacyCommunes` answers a query typed without accents,
// and the commune statuses of the admin units (special zones) are in the store.
import { afterEach, describe, expect, it } from 'vitest';
import { call, failure, type Office, openCore, openOffice, openTestStore } from './fixtures/office-fixture';

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
