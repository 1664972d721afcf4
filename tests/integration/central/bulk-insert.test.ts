// The ingest's one-statement multi-row insert (arrays unnested into rows) stores every value as
// given on both backends: quotes, backslashes, braces, commas, the word NULL, real nulls, empty
// strings, Vietnamese text, large numbers and JSON documents full of escapes — whether a column
// travels as one separated text (the usual way) or, when a value holds a separator, as an array,
// or, the same in every row, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../../../src/central/ingest/bulk-insert';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';

const awkward = ['plain', 'with "quotes"', 'back\\slash', '{braces}', 'a,b', 'NULL', '', 'Nguyễn Thị Ánh — số 7', "it's", ' spaced ', '\n\ttabs'];

describe.each(centralBackends())('bulk insert on %s', (backend) => {
  let central: Central;

  beforeAll(async () => {
    central = await startCentral(backend);
  }, 120_000);

  afterAll(async () => {
    await central?.close();
  });

  /** Inserts change rows (payload as JSON text) in one statement, and reads back those numbered from `from` to before `to`, payloads parsed. */
  async function insertAndRead(rows: Record<string, unknown>[], from: number, to: number) {
    await central.database.db
      .transaction()
      .execute((trx) => insertRows(trx, 'changes', { seq: 'bigint', kind: 'text', provinceCode: 'text', originDeviceId: 'text', payload: 'jsonb' }, rows));
    const stored = await central.database.db
      .selectFrom('changes')
      .select(['seq', 'kind', 'provinceCode', 'originDeviceId', 'payload'])
      .where('seq', '>=', from)
      .where('seq', '<', to)
      .orderBy('seq')
      .execute();
    return stored.map((r) => ({ ...r, seq: Number(r.seq), payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
  }

  it('stores a column whose values hold the separators, and a single empty string, exactly', async () => {
    const cases = [
      [
        { seq: 8_100_000_000_000, kind: 'record\x1eseparator', payload: '{"a":"\\u001e"}' },
        { seq: 8_100_000_000_001, kind: 'unit\x1fseparator', payload: '{}' },
      ],
      [{ seq: 8_100_000_000_002, kind: '', payload: '[]' }],
      [{ seq: 8_100_000_000_003, kind: 'only one', payload: '{"x":1}' }],
    ];
    for (const rows of cases) {
      await central.database.db.transaction().execute((trx) => insertRows(trx, 'changes', { seq: 'bigint', kind: 'text', payload: 'jsonb' }, rows));
    }
    const stored = await central.database.db
      .selectFrom('changes')
      .select(['seq', 'kind', 'payload'])
      .where('seq', '>=', 8_100_000_000_000)
      .where('seq', '<', 9_000_000_000_000)
      .orderBy('seq')
      .execute();
    expect(stored.map((r) => ({ seq: Number(r.seq), kind: r.kind, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }))).toEqual(
      cases.flat().map((r) => ({ ...r, payload: JSON.parse(r.payload) })),
    );
  });

  it('stores columns the same in every row (sent once) exactly: text, null, a number and a JSON document', async () => {
    const rows = awkward.map((text, i) => ({
      seq: 7_000_000_000_000 + i,
      kind: 'with "quotes" \\ Nguyễn',
      provinceCode: null,
      originDeviceId: text,
      payload: '{"same":[1,"\\u001e",null]}',
    }));
    expect(await insertAndRead(rows, 7_000_000_000_000, 8_000_000_000_000)).toEqual(rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) })));
  });

  it('stores four-byte characters, combining marks and a document of several hundred kilobytes exactly', async () => {
    const long = 'Nguyễn Thị Ánh 😀 '.repeat(20_000);
    const texts = ['😀', 'e\u0301 Nguye\u0302\u0303n', '𝔸𝔹ℂ', long, 'x'];
    const rows = texts.map((text, i) => ({
      seq: 6_000_000_000_000 + i,
      kind: Array.from(text).slice(0, 50).join(''),
      provinceCode: i === 2 ? null : Array.from(text).slice(0, 200).join(''),
      originDeviceId: 'device 😀',
      payload: JSON.stringify({ text, i }),
    }));
    expect(await insertAndRead(rows, 6_000_000_000_000, 7_000_000_000_000)).toEqual(rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) })));
  });

  it('stores awkward text, nulls, big numbers and JSON exactly, and honours ON CONFLICT', async () => {
    const rows = awkward.map((text, i) => ({
      seq: 9_000_000_000_000 + i,
      kind: text,
      provinceCode: i % 3 === 0 ? null : text,
      originDeviceId: i % 2 === 0 ? text : null,
      payload: JSON.stringify({ text, nested: { list: [text, null, i] }, quote: '"\\' }),
    }));
    expect(await insertAndRead(rows, 9_000_000_000_000, Number.MAX_SAFE_INTEGER)).toEqual(rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) })));

    await central.database.db
      .transaction()
      .execute((trx) =>
        insertRows(
          trx,
          'changes',
          { seq: 'bigint', kind: 'text', payload: 'jsonb' },
          [{ seq: 9_000_000_000_000, kind: 'again', payload: '{}' }],
          'ON CONFLICT (seq) DO NOTHING',
        ),
      );
    const first = await central.database.db.selectFrom('changes').select('kind').where('seq', '=', 9_000_000_000_000).executeTakeFirstOrThrow();
    expect(first.kind).toBe('plain');
  });
});
