// Canonical JSON is what every hash of the protocol covers: its fast path (a value already in
// sorted key order is written as it is) must give exactly what sorting every object gives, for any
// JSON value, in any key order, already sorted or not — and a value that is not plain JSON (a Date)
// must go the old way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/shared/canonical-json';

/** The definition: every object's keys sorted, undefined dropped, then JSON.stringify. */
function reference(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(v).sort()) if ((v as Record<string, unknown>)[key] !== undefined) out[key] = sort((v as Record<string, unknown>)[key]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

describe('canonical JSON', () => {
  it('is the sorted-keys form of any JSON value, sent sorted or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        // The same value parsed back from its canonical text (the central's case) takes the fast path.
        const parsed = JSON.parse(reference(value)) as unknown;
        expect(canonicalJson(parsed)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys that look like numbers as text, as the definition does', () => {
    const value = { b: 1, 10: 'x', 9: 'y', a: { 2: true, 11: false } };
    expect(canonicalJson(value)).toBe(reference(value));
    expect(canonicalJson(JSON.parse(canonicalJson(value)))).toBe(reference(value));
  });

  it('keeps a key named __proto__ (an own key after JSON.parse) whatever the order it came in', () => {
    // A hostile device may send one: the payload's hash must not depend on whether it came sorted.
    const sorted = JSON.parse('{"__proto__":{"x":1},"b":2}') as unknown;
    const unsorted = JSON.parse('{"b":2,"__proto__":{"x":1}}') as unknown;
    expect(canonicalJson(sorted)).toBe('{"__proto__":{"x":1},"b":2}');
    expect(canonicalJson(unsorted)).toBe('{"__proto__":{"x":1},"b":2}');
    expect(canonicalJson({ ops: [{ z: 1, payload: sorted }] })).toBe('{"ops":[{"payload":{"__proto__":{"x":1},"b":2},"z":1}]}');
  });

  it('drops undefined and writes a Date the old way, whatever its key order', () => {
    expect(canonicalJson({ a: undefined, b: [1, undefined] })).toBe('{"b":[1,null]}');
    const at = new Date('2026-03-02T02:00:00.000Z');
    expect(canonicalJson({ a: at })).toBe(reference({ a: at }));
  });
});
