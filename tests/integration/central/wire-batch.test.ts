// POST /v1/batches parses a plainly well-formed batch without zod: the result must be exactly
// zod's (same keys, same order, extra keys dropped, payloads with the same keys), and anything that is
// not plainly well formed must be left to zod.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWireBatch, wellFormedWireBatch } from '../../../src/central/http/wire-batch';
import { wireBatch } from '../../../src/shared/sync/protocol';

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: bad });
const almost = <T>(good: fc.Arbitrary<T>) => mostly(good, fc.jsonValue());
const op = fc.record(
  {
    opId: almost(mostly(fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase())), fc.string({ minLength: 35, maxLength: 37 }))),
    seq: almost(mostly(fc.integer({ min: 1 }), fc.constantFrom(0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER))),
    kind: almost(mostly(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom('', 'k'.repeat(65)))),
    payload: almost(fc.dictionary(mostly(fc.string(), fc.constantFrom('__proto__', 'constructor', '10', '2')), fc.jsonValue())),
    payloadHash: almost(mostly(hex64, hex64.map((h) => h.toUpperCase()))),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['opId', 'seq', 'kind', 'payload', 'payloadHash'] },
);
const batch = fc.record(
  { ops: almost(mostly(fc.array(op, { minLength: 1, maxLength: 6 }), fc.constant([]))), batchNo: almost(mostly(fc.integer({ min: 1 }), fc.constantFrom(0, -3, 2.5))), deviceId: almost(mostly(fc.string({ minLength: 1, maxLength: 64 }), fc.constantFrom('', 'k'.repeat(65)))), more: fc.jsonValue() },
  { requiredKeys: ['ops', 'batchNo', 'deviceId'] },
);

describe('wire batch parsing', () => {
  it('gives exactly what zod gives, for well-formed and malformed batches alike', () => {
    fc.assert(
      fc.property(batch, (sent) => {
        const text = JSON.stringify(sent);
        const ours = parseWireBatch(JSON.parse(text));
        const zods = wireBatch.safeParse(JSON.parse(text));
        expect(ours.success).toBe(zods.success);
        if (zods.success) {
          expect(JSON.stringify(ours.data)).toBe(JSON.stringify(zods.data));
          expect(ours.data).toEqual(zods.data);
        } else {
          expect(ours.error?.issues).toEqual(zods.error.issues);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the plain path for an ordinary batch and keeps each parsed payload', () => {
    const input = JSON.parse('{"deviceId":"d","batchNo":1,"ops":[{"opId":"019a0000-0000-7000-8000-000000000000","seq":1,"kind":"k","payload":{"b":1,"a":{"x":"Nguyễn"}},"payloadHash":"' + 'a'.repeat(64) + '"}]}');
    const parsed = wellFormedWireBatch(input);
    expect(parsed).toBeDefined();
    expect(parsed!.ops[0]!.payload).toBe(input.ops[0].payload);
    expect(wellFormedWireBatch(JSON.parse('{"deviceId":"d","batchNo":1,"ops":[{"opId":"019a0000-0000-7000-8000-000000000000","seq":1,"kind":"k","payload":{"__proto__":{"a":1}},"payloadHash":"' + 'a'.repeat(64) + '"}]}'))).toBeUndefined();
  });
});
