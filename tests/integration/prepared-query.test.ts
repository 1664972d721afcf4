// Prepared queries: built and compiled once, run with new values each time, on a real store. They
// must behave exactly as the same Kysely query built per call: values bound where the builder put
// them, constants kept, rows camel-cased, inside the caller's transaction (rolled back with it).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OfficeDatabase } from '../../src/main/core/db/open-database';
import { preparedInsert, preparedQuery } from '../../src/main/core/db/prepared-query';
import { tempDir } from './fixtures/office-fixture';

interface Row {
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
}

const communesOf = preparedQuery<{ provinceCode: string; from: string }, Row>((db, arg) =>
  db.selectFrom('adminCommunes').selectAll().where('provinceCode', '=', arg('provinceCode')).where('code', '>=', arg('from')).orderBy('code').limit(2),
);
const insertCommune = preparedInsert<'adminCommunes', { code: string; provinceCode: string; name: string; fullName: string }>('adminCommunes', {
  code: true,
  provinceCode: true,
  name: true,
  fullName: true,
});
const insertProvince = preparedInsert<'adminProvinces', { code: string; name: string; fullName: string }>('adminProvinces', {
  code: true,
  name: true,
  fullName: true,
});

describe('prepared queries', () => {
  let store: OfficeDatabase;
  let remove: () => void;
  beforeEach(async () => {
    const temp = tempDir();
    remove = temp.remove;
    store = await openDatabase(join(temp.dir, 'store.sqlite'));
    await insertProvince.execute(store.db, { code: '91', name: 'Thử', fullName: 'Tỉnh Thử' });
    for (const [code, name] of [
      ['91001', 'Một'],
      ['91002', 'Hai'],
      ['91003', 'Ba'],
    ] as const) {
      await insertCommune.execute(store.db, { code, provinceCode: '91', name, fullName: `Xã ${name}` });
    }
    await insertProvince.execute(store.db, { code: '92', name: 'Khác', fullName: 'Tỉnh Khác' });
    await insertCommune.execute(store.db, { code: '92001', provinceCode: '92', name: 'Bốn', fullName: 'Xã Bốn' });
  });
  afterEach(async () => {
    await store.close();
    remove();
  });

  it('binds each call its own values and keeps the constants the builder wrote (limit 2)', async () => {
    expect((await communesOf.execute(store.db, { provinceCode: '91', from: '91000' })).map((r) => r.code)).toEqual(['91001', '91002']);
    expect((await communesOf.execute(store.db, { provinceCode: '91', from: '91002' })).map((r) => r.code)).toEqual(['91002', '91003']);
    expect((await communesOf.execute(store.db, { provinceCode: '92', from: '0' })).map((r) => r.code)).toEqual(['92001']);
    expect(await communesOf.executeTakeFirst(store.db, { provinceCode: '93', from: '0' })).toBeUndefined();
  });

  it('returns the same rows, camel-cased, as the query built per call', async () => {
    const built = await store.db
      .selectFrom('adminCommunes')
      .selectAll()
      .where('provinceCode', '=', '91')
      .where('code', '>=', '91002')
      .orderBy('code')
      .limit(2)
      .execute();
    const prepared = await communesOf.execute(store.db, { provinceCode: '91', from: '91002' });
    expect(prepared).toEqual(built);
    expect(prepared[0]).toHaveProperty('fullName', 'Xã Hai');
    expect(prepared[0]).toHaveProperty('provinceCode', '91');
  });

  it('runs inside the caller’s transaction and is rolled back with it', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await insertCommune.execute(trx, { code: '91009', provinceCode: '91', name: 'Chín', fullName: 'Xã Chín' });
        expect((await communesOf.execute(trx, { provinceCode: '91', from: '91009' })).map((r) => r.code)).toEqual(['91009']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await communesOf.execute(store.db, { provinceCode: '91', from: '91009' })).toEqual([]);
  });

  it('binds a missing value as NULL, so a NOT NULL column refuses the row and nothing is written', async () => {
    await expect(insertCommune.execute(store.db, { code: '91010', provinceCode: '91', name: 'Mười' } as never)).rejects.toThrow(/NOT NULL/);
    expect(await communesOf.execute(store.db, { provinceCode: '91', from: '91010' })).toEqual([]);
  });
});
