// The ingest's shortcuts must be exact (ADR 0038): a parsed payload is taken for the payload as
// sent only when it is the same JSON value; keys added at the end of a JSON object's text give the
// document `{ ...object, …keys }` as jsonb stores it (the last of a key given twice); and the
// remembered amounts' key tells two questions apart whenever any field differs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionKey } from '../../src/central/ingest/quoted-totals';
import { sameJsonValue, withKeysAtEnd } from '../../src/central/ingest/same-json';
import { canonicalJson } from '../../src/shared/canonical-json';
import type { QuoteQuestion } from '../../src/shared/domain/contribution-quote';
import { operationPayloadSchemas } from '../../src/shared/sync/operations';
import { registrationPayload } from '../integration/fixtures/wire-ops';

/** JSON.parse's view of a value: what JSON.stringify keeps of it. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
/** The same value with every object's keys in reverse order (JSON.parse keeps the order written). */
const reordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reordered);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reordered(v)]),
    );
  return value;
};

describe('same JSON value', () => {
  it('holds exactly when the two values serialise to the same canonical JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJsonValue(viaJson(a), b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(sameJsonValue(viaJson(a), reordered(viaJson(a)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out keys whose parsed value is undefined, and sees a key the schema dropped or filled in', () => {
    expect(sameJsonValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJsonValue({ a: 1, extra: 2 }, { a: 1 })).toBe(false);
    expect(sameJsonValue({ a: 1 }, { a: 1, filled: 0 })).toBe(false);
    expect(sameJsonValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJsonValue({ a: null }, { a: {} })).toBe(false);
    expect(sameJsonValue([], {})).toBe(false);
  });

  it('is true for a registration as an office sends it, false once the schema trims or recomposes its text', () => {
    const sent = viaJson(registrationPayload({ fullName: 'Nguyễn Thị Ánh', dateOfBirth: '1980-02-03', sex: 'female', personalId: '001180001234' }));
    const schema = operationPayloadSchemas['participant.register'];
    expect(sameJsonValue(sent, schema.parse(sent))).toBe(true);
    const untidy = { ...(sent as Record<string, unknown>), fullName: ` ${'Nguyễn Thị Ánh'.normalize('NFD')}` };
    expect(sameJsonValue(untidy, schema.parse(untidy))).toBe(false);
  });
});

describe('keys added at the end of a JSON object', () => {
  it('give the object with those keys, the added value winning over one the object held', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), (object, added) => {
        const tail = Object.entries(added)
          .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
          .join(',');
        // JSON.parse, like jsonb, keeps the last value of a key given twice.
        const text = withKeysAtEnd(JSON.stringify(object), tail);
        expect(canonicalJson(JSON.parse(text))).toBe(canonicalJson({ ...viaJson(object)!, ...viaJson(added)! }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the remembered amounts’ key', () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.option(arb, { nil: null }), { nil: undefined });
  const question: fc.Arbitrary<QuoteQuestion> = fc.record({
    scheme: fc.constantFrom('VSI', 'HHI'),
    paidOn: fc.constantFrom('2026-03-01', '2026-03-02'),
    fromMonth: fc.constantFrom('2026-03', '2026-04'),
    months: fc.constantFrom(1, 3),
    method: fc.constantFrom('monthly', 'quarterly'),
    incomeBasis: fc.constantFrom(null, 1_500_000, 2_000_000),
    memberPosition: fc.constantFrom(null, 1, 2),
    supportCategory: fc.option(fc.constantFrom('other', 'poor', 'null', '\u0000'), { nil: undefined }),
    provinceCode: maybe(fc.constantFrom('01', '79')),
    supportedMonthsUsed: fc.constantFrom(0, 1),
    contributedMonths: maybe(fc.constantFrom(0, 12)),
    person: fc.option(fc.record({ dateOfBirth: fc.constantFrom('1970-01-01'), sex: fc.constantFrom('male', 'female'), provinceCode: fc.constantFrom('01') }), {
      nil: undefined,
    }),
    participantId: fc.constantFrom('a', 'b'),
  }) as fc.Arbitrary<QuoteQuestion>;

  it('is the same for two questions exactly when they are the same but for the payer', () => {
    fc.assert(
      fc.property(question, question, (a, b) => {
        const same = canonicalJson({ ...a, participantId: undefined }) === canonicalJson({ ...b, participantId: undefined });
        expect(questionKey('v1', a) === questionKey('v1', b)).toBe(same);
        expect(questionKey('v1', a)).not.toBe(questionKey('v2', a));
      }),
      { numRuns: 3000 },
    );
  });
});
