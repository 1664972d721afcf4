// The picture's payment and person rows are checked field by field before zod (ADR 0041): the quick
// checks must never accept a row the feed's schema refuses, and must accept the rows the central
// sends (or they save nothing). Held together here on valid rows and on tens of thousands of
// malformed ones.
import { describe, expect, it } from 'vitest';
import { centralChange } from '../../src/shared/sync/changes';
import { pictureChange, type PicturePart, pictureRowChange } from '../../src/shared/sync/picture';
import { contributionPayloadFits, participantPayloadFits } from '../../src/shared/sync/picture-payment-check';

/** A payment row in the central's column order (office-picture SQL, picture.ts `contributionChange`). */
const valid = (): unknown[] => [
  '01900000-0000-7000-a000-000000000001',
  '01900000-0000-7000-a000-000000000002',
  '01900000-0000-7000-a000-000000000003',
  'VSI',
  'monthly',
  '2026-01',
  3,
  1_500_000,
  1,
  '2026-01-15',
  '2026-01-15',
  990_000,
  0,
  '01900000-0000-7000-a000-000000000004',
  'Q1',
  17,
  '2026-01-15T02:03:04.000Z',
  'PICB',
  '01900000-0000-7000-a000-000000000005',
  '01900000-0000-7000-a000-000000000006',
  'Nguyễn Thị Thu',
];

/** Values a hostile or broken central might put in any column. */
const hostile: unknown[] = [
  null,
  undefined,
  '',
  'x',
  'VSI',
  'HHI',
  'vsi',
  'a'.repeat(12),
  'a'.repeat(13),
  'a'.repeat(40),
  'a'.repeat(41),
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(200),
  'a'.repeat(201),
  '2026-1',
  '2026-01',
  '2026-01-01',
  '２０２６-01',
  '2026-01\n',
  0,
  -1,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  -(2 ** 53),
  true,
  {},
  [],
  ['01900000-0000-7000-a000-000000000004'],
];

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Rows made malformed at random (one to three columns replaced by hostile values, some cut short):
 * whatever the quick check accepts, the schema accepts, with the same change; whatever the schema
 * refuses, `pictureChange` refuses, naming the field. Both sides must be exercised.
 */
function holdsTogetherOverMalformedRows(valid: () => unknown[], part: PicturePart, fits: (payload: Record<string, unknown>) => boolean, seed: number): void {
  const random = seededRandom(seed);
  let refused = 0;
  let quick = 0;
  for (let k = 0; k < 40_000; k++) {
    const row = valid();
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) row[Math.floor(random() * row.length)] = hostile[Math.floor(random() * hostile.length)];
    if (random() < 0.05) row.length = Math.floor(random() * row.length);
    const built = pictureChange(part, row);
    // The change as built from the row, before any check.
    const unchecked = pictureRowChange(part, row) as { payload: Record<string, unknown> };
    const schema = centralChange.safeParse(unchecked);
    if (fits(unchecked.payload)) {
      quick++;
      expect(schema.success, JSON.stringify(row)).toBe(true);
      expect(built).toEqual({ change: schema.data });
    }
    if (!schema.success) {
      refused++;
      expect(built).toHaveProperty('problem');
    }
  }
  // Both sides were exercised: rows refused (by the schema, named) and rows let through quickly.
  expect(refused).toBeGreaterThan(20_000);
  expect(quick).toBeGreaterThan(1_000);
}

describe('the picture payment check', () => {
  it('accepts the rows the central sends, with nulls where the schema allows them', () => {
    const rows = [
      valid(),
      Object.assign(valid(), { 2: null, 7: null, 8: null, 16: null, 19: null, 20: null }),
      Object.assign(valid(), { 3: 'HHI', 6: 1, 11: -5 }),
    ];
    for (const row of rows) {
      const checked = pictureChange('contributions', row);
      expect(checked).toHaveProperty('change');
      expect(contributionPayloadFits((checked as { change: { payload: Record<string, unknown> } }).change.payload)).toBe(true);
      // The same change zod makes of it.
      expect((checked as { change: unknown }).change).toEqual(centralChange.parse((checked as { change: unknown }).change));
    }
  });

  it('never accepts a row the feed’s schema refuses, over many malformed rows', () => {
    holdsTogetherOverMalformedRows(valid, 'audience-contributions', contributionPayloadFits, 20261207);
  });

  it('names the field of a malformed payment row', () => {
    const row = valid();
    row[6] = 0;
    expect(pictureChange('contributions', row)).toEqual({ problem: expect.stringContaining('contributions: payload.months') });
  });
});

/** A person row in the central's column order (picture-feed.ts `personsOf`, picture.ts `personChange`). */
const person = (): unknown[] => [
  '01900000-0000-7000-8000-000000000001',
  '001090000001',
  'Nguyễn Văn An',
  '1990-01-02',
  'male',
  '01',
  '00004',
  'Thôn Đông',
  'Kinh',
  'Việt Nam',
  '0912345678',
  '0123456789',
  'other',
  'VN-01-000001',
  3,
  { kind: 'poor', number: 'HN-1', validFrom: '2026-01-01', validTo: '2026-12-31' },
  false,
  true,
  { legacyCommuneCode: '00010', text: 'Xã cũ' },
];

describe('the picture person check', () => {
  it('accepts the people the central sends: with facts, without them (an older office), with nulls', () => {
    const rows = [
      person(),
      Object.assign(person(), { 15: null, 16: null, 17: null, 18: null }),
      Object.assign(person(), { 7: null, 8: null, 9: null, 10: null, 11: null, 12: null, 13: null }),
    ];
    for (const row of rows) {
      const checked = pictureChange('persons', row) as { change: { payload: Record<string, unknown> } };
      expect(participantPayloadFits(checked.change.payload)).toBe(true);
      expect(checked.change).toEqual(centralChange.parse(checked.change));
    }
  });

  it('never accepts a person the feed’s schema refuses, over many malformed rows', () => {
    holdsTogetherOverMalformedRows(person, 'office-persons', participantPayloadFits, 20261208);
  });

  it('names the field of a malformed person row', () => {
    const row = person();
    row[2] = 7;
    expect(pictureChange('persons', row)).toEqual({ problem: expect.stringContaining('persons: payload.fullName') });
  });
});
