// The central takes a payment's payload as sent when its quick check accepts it (ADR 0038, fourth
// round): so the check must never accept a payload `contributionRecordPayload` refuses, nor one whose
// parsed value differs from the payload (a key dropped, a default filled, a value changed). Held
// together here on valid payloads and on tens of thousands of hostile ones, and through
// `checkOperation`: a payment taken quickly is the same operation zod would have made.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contributionRecordFits,
  contributionRecordKeys,
  lineKeys,
  receiptKeys,
  supportKeys,
  topUpKeys,
} from '../../src/central/ingest/contribution-record-check';
import { checkOperation } from '../../src/central/ingest/operation-handlers';
import { appliedSupport, appliedTopUp, contributionLine } from '../../src/shared/contract/contribution';
import { contributionRecordPayload } from '../../src/shared/sync/operation-payloads';
import { applyMutations, type Json, type Mutation, throughJson, wireOpOf } from '../support/payload-mutations';

/** A payment as an office of this release sends it (the bench's kind: one month of VSI, a top-up, a receipt). */
const valid = (): Json => ({
  id: '01937f00-0000-7000-8000-000000000001',
  participantId: '01937f00-0000-7000-8000-000000000002',
  householdId: null,
  memberPosition: null,
  scheme: 'VSI',
  method: 'monthly',
  fromMonth: '2026-12',
  months: 1,
  incomeBasis: 2_000_000,
  supportCategory: 'other',
  supportedMonthsUsed: 0,
  provinceCode: '01',
  support: { category: 'other', share: '0.1', reasonVi: 'Khác', reasonEn: 'Other', source: 'Nghị định 159/2025' },
  topUp: { provinceCode: '01', provinceName: 'Hà Nội', category: 'other', share: null, amountPerMonth: 20_000, source: 'NQ 01', total: 20_000 },
  contributedMonths: null,
  paidOn: '2026-12-07',
  total: 396_000,
  lines: [
    {
      month: '2026-12',
      description: 'Tháng 12/2026',
      baseAmount: 440_000,
      supportAmount: 44_000,
      amount: 396_000,
      topUpAmount: 20_000,
      kind: 'regular',
      values: { rate: '0.22', income: 2_000_000, note: null, nested: { a: [1, 'b'] } },
    },
  ],
  referenceVersion: '2026-07-01',
  collectorStaffId: '01937f00-0000-7000-8000-00000000c1e4',
  collectorName: 'Trần Thu Hà',
  receipt: { id: '01937f00-0000-7000-8000-000000000003', series: 'AB26', number: 17, businessDate: '2026-12-07', issuedAt: '2026-12-07T02:03:04.000Z' },
});

/** Values a hostile or broken office might put in any field. */
const hostile: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  'VSI',
  'vsi',
  'HHI',
  'annual',
  'regular',
  // Texts at each bound of the schema (UUID 36, series and instants 40, versions 64, names 200).
  ...[35, 36, 37, 40, 41, 64, 65, 200, 201].map((n) => 'a'.repeat(n)),
  'ă'.repeat(40),
  'ă'.repeat(41),
  '01',
  '1',
  '001',
  '٠١',
  '2026-12',
  '2026-13',
  '2026-00',
  '2026-1',
  '2026-12-07',
  '2026-02-29',
  '2024-02-29',
  '2026-12-07\n',
  '２０２６-12-07',
  '01937f00-0000-7000-8000-000000000009',
  '01937F00-0000-7000-8000-00000000000A',
  '01937f00-0000-7000-8000-00000000000',
  '01937f00-0000-7000-8000-0000000000000',
  0,
  -0,
  -1,
  1,
  120,
  121,
  1200,
  1201,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  {},
  [],
  [1],
  JSON.parse('{"__proto__":{"id":1}}'),
  Object.create(null),
  new Date(0),
];

/** Every object of a fresh payload, where a value can be changed, added or removed. */
const objectsOf = (p: Json): [Json, ReadonlySet<string>][] => {
  const line = (p['lines'] as Json[])[0] as Json;
  return [
    [p, contributionRecordKeys],
    [p['receipt'] as Json, receiptKeys],
    [p['support'] as Json, supportKeys],
    [p['topUp'] as Json, topUpKeys],
    [line, lineKeys],
    [line['values'] as Json, new Set(['rate', 'income', 'note', 'nested', '__proto__', 'constructor'])],
  ];
};

const mutation = fc.record({
  place: fc.nat(),
  key: fc.nat(),
  how: fc.constantFrom('set', 'delete', 'unknown', 'undefined', 'proto'),
  value: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostile) },
    { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBoxedValues: true }) },
  ),
});

function mutated(mutations: Mutation[]): Json {
  const p = valid();
  applyMutations(objectsOf(p), mutations);
  // Half the time, a payload as it arrives.
  return mutations.length % 2 === 0 ? throughJson(p) : p;
}

/** Whenever the check accepts `p`, zod accepts it and returns the same value. */
function agree(p: unknown): boolean {
  if (!contributionRecordFits(p)) return false;
  const schema = contributionRecordPayload.safeParse(p);
  expect(schema.success, JSON.stringify(p)).toBe(true);
  // Node's strict deep equality (prototypes, own keys, Object.is): vitest's toStrictEqual reads
  // an own `constructor` key as the type, and NaN there is never equal to itself.
  expect(isDeepStrictEqual(schema.data, p), JSON.stringify(p)).toBe(true);
  return true;
}

describe('the central’s quick check of a payment', () => {
  it('accepts the payments an office sends, and zod returns them unchanged', () => {
    const older = valid();
    for (const key of [
      'householdId',
      'memberPosition',
      'support',
      'topUp',
      'provinceCode',
      'contributedMonths',
      'supportedMonthsUsed',
      'collectorStaffId',
      'collectorName',
    ])
      delete older[key];
    delete (older['receipt'] as Json)['businessDate'];
    for (const p of [valid(), older, { ...valid(), lines: [], support: null, topUp: null, contributedMonthsFromBook: 240, contributedMonths: 300 }]) {
      expect(contributionRecordFits(p)).toBe(true);
      const parsed = contributionRecordPayload.parse(p);
      expect(parsed).toStrictEqual(p);
    }
  });

  it('never accepts a payment zod refuses or would change, over many hostile payments', () => {
    let quick = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const p = mutated(mutations);
        if (!contributionRecordPayload.safeParse(p).success) refused++;
        if (agree(p)) quick++;
      }),
      { numRuns: 40_000, seed: 20261207 },
    );
    // Both sides were exercised: payloads zod refuses, and payloads the check let through.
    expect(refused).toBeGreaterThan(15_000);
    expect(quick).toBeGreaterThan(1_000);
  });

  it('agrees with zod on every single hostile value in every field', () => {
    // Each field of each object, set to each hostile value, deleted, or left undefined: a bound
    // the check reads one off (a length, a range, a pattern) shows here whatever the property draws.
    const places = objectsOf(valid()).length;
    let cases = 0;
    for (let place = 0; place < places; place++) {
      for (let key = 0; key < objectsOf(valid())[place]![1].size; key++) {
        for (const how of ['delete', 'undefined', 'proto']) agree(mutated([{ place, key, how, value: null }]));
        for (const value of hostile) {
          agree(mutated([{ place, key, how: 'set', value }]));
          agree(
            mutated([
              { place, key, how: 'set', value },
              { place, key, how: 'set', value },
            ]),
          );
          cases += 2;
        }
      }
    }
    expect(cases).toBeGreaterThan(5_000);
  });

  it('holds the nested schemas it checks by hand to the same keys', () => {
    expect([...contributionRecordKeys].sort()).toEqual(Object.keys(contributionRecordPayload.shape).sort());
    expect([...receiptKeys].sort()).toEqual(Object.keys(contributionRecordPayload.shape.receipt.shape).sort());
    expect([...lineKeys].sort()).toEqual(Object.keys(contributionLine.shape).sort());
    expect([...supportKeys].sort()).toEqual(Object.keys(appliedSupport.shape).sort());
    expect([...topUpKeys].sort()).toEqual(Object.keys(appliedTopUp.shape).sort());
  });

  it('takes a fitting payment as sent, and sends any other through zod as before', () => {
    const op = (payload: Json) => wireOpOf('contribution.record', payload);
    const sent = valid();
    const quick = checkOperation(op(sent), true, '{"canonical":true}');
    expect(quick.operation?.payload).toBe(sent);
    expect(quick.operation && quick.sentJson).toBe('{"canonical":true}');
    // An undeclared key: zod drops it, so the payload is parsed (and its sent text not stored as it is).
    const extra = { ...valid(), extra: 1 };
    const parsed = checkOperation(op(extra), true, '{"canonical":true}');
    expect(parsed.operation?.payload).toStrictEqual(valid());
    expect(parsed.operation && parsed.sentJson).toBeUndefined();
    // A refused one is named as before.
    const refused = checkOperation(op({ ...valid(), months: 0 }), true, undefined);
    expect(refused.refused).toMatchObject({ status: 'REJECTED', error: { code: 'VALIDATION', field: 'months' } });
  });
});
