// The central takes a registration's payload as sent when its quick check accepts it (ADR 0038,
// fifth round): so the check must never accept a payload `participantRegisterPayload` refuses, nor
// one whose parsed value differs from the payload — a text zod would trim or recompose (NFD, a
// space at either end), a default it would fill, a key it would drop. Held together here on valid
// payloads, on every hostile value in every field, on tens of thousands of random mutations and
// random Unicode text, and through `checkOperation`.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyAddressKeys, participantRegisterFits, participantRegisterKeys, povertyKeys } from '../../src/central/ingest/participant-register-check';
import { checkOperation } from '../../src/central/ingest/operation-handlers';
import { participantRegisterPayload } from '../../src/shared/sync/operation-payloads';
import { applyMutations, type Json, type Mutation, throughJson, wireOpOf } from '../support/payload-mutations';

/** A registration as an office of this release sends it (the bench's kind), with a certificate and an old address. */
const valid = (): Json => ({
  id: '01937f00-0000-7000-8000-000000000001',
  fullName: 'Nguyễn Thị Hồng Nhung',
  dateOfBirth: '1980-02-29',
  sex: 'female',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  personalId: '001180012345',
  siNumber: '0123456789',
  phone: '0912345678',
  provinceCode: '01',
  communeCode: '00004',
  addressLine: 'Thôn Đông, xã Phú Mãn',
  supportCategory: 'other',
  poverty: { kind: 'near-poor', number: 'CN-2026/17', validFrom: '2026-01-01', validTo: '2026-12-31' },
  student: false,
  agriAverage: true,
  legacyAddress: { legacyCommuneCode: '00007', text: 'Xóm 3, xã Đông Xuân cũ' },
  hamletId: '01937f00-0000-7000-8000-0000000000b1',
  householdId: null,
  canonicalId: null,
  officialNumber: null,
  version: 1,
  createdAt: '2026-12-07T02:03:04.000Z',
  updatedAt: '2026-12-07T02:03:04.000Z',
  duplicateReviewed: true,
  duplicateReviewNote: 'Đã kiểm tra giấy tờ',
});

const nfd = (s: string) => s.normalize('NFD');
/** Values a hostile or broken office might put in any field. */
const hostile: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  'Kinh',
  'Tày',
  'Việt Nam',
  nfd('Việt Nam'),
  nfd('Nguyễn Văn An'),
  'Nguyễn Văn An',
  ' Nguyễn Văn An',
  'Nguyễn Văn An ',
  'Nguyễn\u00a0Văn An',
  'Nguyễn Văn An\u00a0',
  '\ufeffNguyễn Văn An',
  'Nguyễn\u200bVăn An',
  'Nguyễn\u200dVăn',
  'Nguyễn\u202eVăn',
  'Nguyễn\u2028Văn',
  'Nguyễn\u0000Văn',
  'Nguyễn\u001bVăn',
  'Nguyễn\ud800Văn',
  'Nguyễn\ue000Văn',
  'Nguyễn\ufffeVăn',
  'Nguyễn\nVăn',
  'Nguyễn\tVăn',
  'Nguyễn 2 Văn',
  'Nguyễn 😀',
  'Иван Петров',
  '--',
  "O'Brien",
  '123',
  '١٢٣',
  // Texts at each bound (names 2–120, texts 40 and 200, numbers 20 and 64, instants 40, notes 1000),
  // in one- and two-unit characters (a length counts characters, not UTF-16 units).
  ...[1, 2, 19, 20, 21, 35, 36, 37, 39, 40, 41, 64, 65, 119, 120, 121, 199, 200, 201, 999, 1000, 1001].map((n) => 'a'.repeat(n)),
  ...[40, 41, 120, 121, 200, 201].map((n) => 'ă'.repeat(n)),
  ...[20, 21, 40, 41, 120, 121].map((n) => '𝒜'.repeat(n)),
  nfd('ắ').repeat(40),
  'a'.repeat(5000),
  '01',
  '1',
  '001',
  '00004',
  '0004',
  '٠١',
  '001180012345',
  '00118001234',
  '0011800123456',
  '0123456789',
  '012345678',
  '0912345678',
  '+84912345678',
  ' 0912345678',
  '0912345678 ',
  '1980-02-29',
  '1981-02-29',
  '1980-13-01',
  '1980-02-29\n',
  '2026-12-07T02:03:04.000Z',
  'male',
  'female',
  'Male',
  'poor',
  'near-poor',
  'other',
  'student',
  '01937f00-0000-7000-8000-000000000009',
  '01937F00-0000-7000-8000-00000000000A',
  '01937f00-0000-7000-8000-00000000000',
  0,
  -0,
  -1,
  1,
  2,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  {},
  [],
  ['Kinh'],
  { kind: 'poor', number: null, validFrom: null, validTo: null },
  { kind: 'poor', number: ' 17', validFrom: null, validTo: null },
  { legacyCommuneCode: '00007', text: nfd('Xóm 3') },
  JSON.parse('{"__proto__":{"id":1}}'),
  Object.create(null),
  new Date(0),
  new String('Kinh'),
];

/** Every object of a fresh payload, where a value can be changed, added or removed. */
const objectsOf = (p: Json): [Json, ReadonlySet<string>][] => [
  [p, participantRegisterKeys],
  [p['poverty'] as Json, povertyKeys],
  [p['legacyAddress'] as Json, legacyAddressKeys],
];

function mutated(mutations: Mutation[], through = mutations.length % 2 === 0): Json {
  const p = valid();
  applyMutations(objectsOf(p), mutations);
  // Half the time, a payload as it arrives.
  return through ? throughJson(p) : p;
}

/** Whenever the check accepts `p`, zod accepts it and returns the same value; true when it accepted. */
function agree(p: unknown): boolean {
  if (!participantRegisterFits(p)) return false;
  const schema = participantRegisterPayload.safeParse(p);
  expect(schema.success, JSON.stringify(p)).toBe(true);
  // Node's strict deep equality (prototypes, own keys, Object.is).
  expect(isDeepStrictEqual(schema.data, p), JSON.stringify(p)).toBe(true);
  return true;
}

/** Text of any Unicode: combining marks, hidden and control characters, spaces at the ends, lone surrogates. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', 'ă', 'e\u0301', 'ễ', ' ', '\u00a0', '\u200b', '\u0300', '\n', '-', "'", '.', 'Đ', '\ud83d'), maxLength: 12 }),
);

describe('the central’s quick check of a registration', () => {
  it('accepts the registrations an office sends, and zod returns them unchanged', () => {
    const bench: Json = { ...valid(), poverty: null, legacyAddress: null, siNumber: null, phone: null, student: false, agriAverage: false };
    const older = valid();
    for (const key of ['siNumber', 'phone', 'hamletId', 'supportCategory', 'householdId', 'canonicalId', 'officialNumber', 'createdAt', 'updatedAt'])
      delete older[key];
    for (const p of [valid(), bench, older, { ...valid(), poverty: { kind: 'poor', number: null, validFrom: null, validTo: null } }]) {
      expect(participantRegisterFits(p)).toBe(true);
      expect(participantRegisterPayload.parse(p)).toStrictEqual(p);
    }
  });

  it('sends to zod every text zod would trim or recompose, and every default zod would fill', () => {
    for (const [key, value] of [
      ['fullName', nfd('Nguyễn Văn An')],
      ['fullName', ' Nguyễn Văn An'],
      ['addressLine', 'Thôn Đông\u00a0'],
      ['nationality', nfd('Việt Nam')],
      ['ethnicity', 'Kinh\ufeff'],
      ['phone', ' 0912345678'],
    ] as const) {
      const p = { ...valid(), [key]: value };
      expect(participantRegisterFits(p), `${key}: ${JSON.stringify(value)}`).toBe(false);
      const parsed = participantRegisterPayload.parse(p);
      expect(parsed[key], 'zod accepts it, changed').not.toBe(value);
    }
    for (const key of ['ethnicity', 'nationality', 'poverty', 'student', 'agriAverage', 'legacyAddress']) {
      const p = valid();
      delete p[key];
      expect(participantRegisterFits(p), key).toBe(false);
      expect(participantRegisterPayload.parse(p)).toHaveProperty(key);
    }
    // Hidden characters and over-long texts: zod refuses them, the check does not take them.
    for (const value of ['Nguyễn\u200bVăn', 'Nguyễn\u202eVăn', 'Nguyễn\u0000', 'a'.repeat(121), 'ă'.repeat(121)]) {
      const p = { ...valid(), fullName: value };
      expect(participantRegisterFits(p)).toBe(false);
      expect(participantRegisterPayload.safeParse(p).success).toBe(false);
    }
  });

  it('agrees with zod on every single hostile value in every field', () => {
    let cases = 0;
    let quick = 0;
    for (const [place, [, keys]] of objectsOf(valid()).entries()) {
      for (let key = 0; key < keys.size; key++) {
        for (const how of ['delete', 'undefined', 'proto', 'unknown']) {
          agree(mutated([{ place, key, how, value: null }], false));
          agree(mutated([{ place, key, how, value: null }], true));
        }
        for (const value of hostile) {
          for (const through of [false, true]) {
            if (agree(mutated([{ place, key, how: 'set', value }], through))) quick++;
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(5_000);
    expect(quick).toBeGreaterThan(100);
  });

  it('never accepts a registration zod refuses or would change, over many hostile and random ones', () => {
    let quick = 0;
    let refused = 0;
    let changed = 0;
    const mutation = fc.record({
      place: fc.nat(),
      key: fc.nat(),
      how: fc.constantFrom('set', 'set', 'delete', 'unknown', 'undefined', 'proto'),
      value: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...hostile) },
        { weight: 3, arbitrary: anyText },
        { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBoxedValues: true }) },
      ),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const p = mutated(mutations);
        const schema = participantRegisterPayload.safeParse(p);
        if (!schema.success) refused++;
        else if (!isDeepStrictEqual(schema.data, p)) changed++;
        if (agree(p)) quick++;
      }),
      { numRuns: 40_000, seed: 20261207 },
    );
    // Every side was exercised: payloads zod refuses, ones it changes, ones the check let through.
    expect(refused).toBeGreaterThan(10_000);
    expect(changed).toBeGreaterThan(1_000);
    expect(quick).toBeGreaterThan(1_000);
  });

  it('sends every registration to zod while Object.prototype holds an enumerable key', () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(participantRegisterFits(valid())).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
    expect(participantRegisterFits(valid())).toBe(true);
  });

  it('holds the schemas it checks by hand to the same keys', () => {
    const poverty = participantRegisterPayload.shape.poverty.unwrap().unwrap();
    const legacy = participantRegisterPayload.shape.legacyAddress.unwrap().unwrap();
    expect([...participantRegisterKeys].sort()).toEqual(Object.keys(participantRegisterPayload.shape).sort());
    expect([...povertyKeys].sort()).toEqual(Object.keys(poverty.shape).sort());
    expect([...legacyAddressKeys].sort()).toEqual(Object.keys(legacy.shape).sort());
  });

  it('takes a fitting registration as sent, and sends any other through zod as before', () => {
    const op = (payload: Json) => wireOpOf('participant.register', payload);
    const sent = valid();
    const quick = checkOperation(op(sent), true, '{"canonical":true}');
    expect(quick.operation?.payload).toBe(sent);
    expect(quick.operation && quick.sentJson).toBe('{"canonical":true}');
    // A name sent decomposed: zod recomposes it, so the parsed copy is applied (and the sent text not stored as it is).
    const decomposed = { ...valid(), fullName: nfd('Nguyễn Thị Hồng Nhung') };
    const parsed = checkOperation(op(decomposed), true, '{"canonical":true}');
    expect(parsed.operation?.payload).toStrictEqual(valid());
    expect(parsed.operation && parsed.sentJson).toBeUndefined();
    // A refused one is named as before, with the schema's own Vietnamese message.
    const refused = checkOperation(op({ ...valid(), fullName: 'Nguyễn\u200bVăn' }), true, undefined);
    expect(refused.refused).toMatchObject({
      status: 'REJECTED',
      error: { code: 'VALIDATION', field: 'fullName', message: expect.stringContaining('ký tự ẩn') as string },
    });
  });
});
