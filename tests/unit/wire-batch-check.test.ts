// The central takes a batch's envelope as parsed from JSON when its quick check accepts it (ADR 0038,
// fifth round): so the check must never accept a batch `wireBatch` refuses, nor one zod would return
// changed (a key dropped, an audit section). Held together on valid batches, on every hostile value
// in every field, on random mutations, and through `parseWireBatch`, whose refusals are zod's own.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchKeys, opKeys, parseWireBatch, wireBatchFits } from '../../src/central/ingest/wire-batch-check';
import { wireBatch } from '../../src/shared/sync/protocol';
import { applyMutations, type Json, type Mutation, throughJson } from '../support/payload-mutations';

const op = (i: number): Json => ({
  opId: `01937f00-0000-7000-8000-${String(i).padStart(12, '0')}`,
  seq: i + 1,
  kind: i % 2 ? 'contribution.record' : 'participant.register',
  payload: { id: 'x', tên: 'Nguyễn', lines: [{ a: 1 }] },
  payloadHash: 'ab'.repeat(32),
});
const valid = (n = 3): Json => ({ deviceId: 'dev-01', batchNo: 7, ops: Array.from({ length: n }, (_, i) => op(i)) });

const hostile: unknown[] = [
  null,
  undefined,
  '',
  'x',
  'a'.repeat(64),
  'a'.repeat(65),
  '01937F00-0000-7000-8000-00000000000A',
  '01937f00-0000-7000-8000-00000000000',
  '------------------------------------',
  'ab'.repeat(32),
  'AB'.repeat(32),
  'ab'.repeat(31),
  0,
  -1,
  1,
  1.5,
  Number.NaN,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  true,
  {},
  [],
  [1],
  Object.create(null),
  JSON.parse('{"__proto__":{"a":1}}'),
  new Date(0),
  { entries: [], head: null },
];

/** Every object of a fresh batch: the batch and its first and last operation. */
const objectsOf = (b: Json): [Json, ReadonlySet<string>][] => {
  const ops = b['ops'] as Json[];
  return [
    [b, new Set([...batchKeys, 'audit'])],
    [ops[0]!, opKeys],
    [ops.at(-1)!, opKeys],
  ];
};

function mutated(mutations: Mutation[], through: boolean): Json {
  const b = valid();
  applyMutations(objectsOf(b), mutations);
  return through ? throughJson(b) : b;
}

function agree(b: unknown): boolean {
  const schema = wireBatch.safeParse(b);
  const quick = parseWireBatch(b);
  // Refused or not, and the first problem, exactly as zod says.
  expect(quick.success).toBe(schema.success);
  if (!schema.success) expect(quick.error?.issues[0]).toEqual(schema.error.issues[0]);
  if (!wireBatchFits(b)) return false;
  expect(schema.success, JSON.stringify(b)).toBe(true);
  expect(isDeepStrictEqual(schema.data, b), JSON.stringify(b)).toBe(true);
  expect(quick.data).toBe(b);
  return true;
}

describe('the central’s quick check of a batch envelope', () => {
  it('accepts the batches an office sends, of one to 500 operations, and zod returns them unchanged', () => {
    for (const n of [1, 2, 500]) expect(agree(valid(n))).toBe(true);
    expect(wireBatchFits(valid(501))).toBe(false);
    expect(wireBatchFits(valid(0))).toBe(false);
    expect(wireBatch.safeParse(valid(0)).success).toBe(false);
    // An audit section goes through zod, as before.
    expect(wireBatchFits({ ...valid(), audit: { entries: [] } })).toBe(false);
  });

  it('agrees with zod on every single hostile value in every field', () => {
    let quick = 0;
    for (const [place, [, keys]] of objectsOf(valid()).entries()) {
      for (let key = 0; key < keys.size; key++) {
        for (const through of [false, true]) {
          for (const how of ['delete', 'undefined', 'proto', 'unknown']) agree(mutated([{ place, key, how, value: null }], through));
          for (const value of hostile) if (agree(mutated([{ place, key, how: 'set', value }], through))) quick++;
        }
      }
    }
    expect(quick).toBeGreaterThan(20);
  });

  it('never accepts a batch zod refuses or would change, over many random mutations', () => {
    let quick = 0;
    let refused = 0;
    const mutation = fc.record({
      place: fc.nat(),
      key: fc.nat(),
      how: fc.constantFrom('set', 'set', 'delete', 'unknown', 'undefined', 'proto'),
      value: fc.oneof(fc.constantFrom(...hostile), fc.anything({ withNullPrototype: true, withBoxedValues: true })),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (mutations, through) => {
        const b = mutated(mutations, through);
        if (!wireBatch.safeParse(b).success) refused++;
        if (agree(b)) quick++;
      }),
      { numRuns: 5_000, seed: 20261207 },
    );
    expect(refused).toBeGreaterThan(1_000);
    expect(quick).toBeGreaterThan(100);
  });

  it('holds the keys it checks by hand to the schema’s', () => {
    expect([...batchKeys, 'audit'].sort()).toEqual(Object.keys(wireBatch.shape).sort());
    expect([...opKeys].sort()).toEqual(Object.keys(wireBatch.shape.ops.element.shape).sort());
  });
});
