// The ingest's one-statement multi-row insert (arrays unnested into rows) stores every value as
// given on both backends: quotes, backslashes, braces, commas, the word NULL, real nulls, empty
// strings, Vietnamese text, large numbers and JSON documents full of escapes.
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

  it('stores awkward text, nulls, big numbers and JSON exactly, and honours ON CONFLICT', async () => {
    const rows = awkward.map((text, i) => ({
      seq: 9_000_000_000_000 + i,
      kind: text,
      provinceCode: i % 3 === 0 ? null : text,
      originDeviceId: i % 2 === 0 ? text : null,
      payload: JSON.stringify({ text, nested: { list: [text, null, i] }, quote: '"\\' }),
    }));
    await central.database.db.transaction().execute((trx) =>
      insertRows(trx, 'changes', { seq: 'bigint', kind: 'text', provinceCode: 'text', originDeviceId: 'text', payload: 'jsonb' }, rows),
    );
    const stored = await central.database.db.selectFrom('changes').select(['seq', 'kind', 'provinceCode', 'originDeviceId', 'payload']).where('seq', '>=', 9_000_000_000_000).orderBy('seq').execute();
    expect(stored.map((r) => ({ ...r, seq: Number(r.seq), payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }))).toEqual(
      rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) })),
    );

    await central.database.db.transaction().execute((trx) =>
      insertRows(trx, 'changes', { seq: 'bigint', kind: 'text', payload: 'jsonb' }, [{ seq: 9_000_000_000_000, kind: 'again', payload: '{}' }], 'ON CONFLICT (seq) DO NOTHING'),
    );
    const first = await central.database.db.selectFrom('changes').select('kind').where('seq', '=', 9_000_000_000_000).executeTakeFirstOrThrow();
    expect(first.kind).toBe('plain');
  });
});
