// The office's picture as a new device first receives it (ADR 0026, docs/protocol.md §4a): the
// central's current rows for the device's office and province, part by part, in pages keyed by id,
// as compact tuples (a million people and five million payments would be gigabytes as objects).
// Each tuple is turned into the change the feed would carry for it (`pictureChange`) and parsed
// with the feed's own schema, so one applier serves both and nothing unchecked reaches the store
// (payments and people first field by field, picture-payment-check.ts: never looser than the schema).
// `since` is the feed position the picture is as of: the device's feed continues after it.
import { z } from 'zod';
import { type CentralChange, centralChange } from './changes';
import { contributionPayloadFits, participantPayloadFits } from './picture-payment-check';

/** The parts, in the order a device fills them (people before their households and payments). */
export const pictureParts = [
  'office',
  'schedules',
  'admin-units',
  'device-keys',
  'persons',
  'office-persons',
  'households',
  'enrollments',
  'contributions',
  'audience-contributions',
  'voids',
  'audience-voids',
  'paid-through',
  'day-closures',
  'handovers',
  'hamlets',
  'field-assignments',
  'visits',
] as const;
export type PicturePart = (typeof pictureParts)[number];

/**
 * Pages shorter than asked, so every page answers within the feed's budget of 200 ms under load
 * (ADR 0040, ADR 0043): a page's time on this shared machine grows with the rows it builds, sends
 * and reads (at load 7–10 a 5 000-payment page took up to 241 ms), so no page holds more than 2 500
 * rows (about 1 MB of JSON), on PostgreSQL as on PGlite, whose engine builds each row's JSON several
 * times slower; households, their ordered members with their coverage marks gathered per row, at
 * most 2 000. The central answers no more; the device asks for no more and counts its pages to do
 * by them. A device reads on until `nextCursor` is null, whatever a page's length.
 */
export const PICTURE_PART_MAX_PAGE: Partial<Record<PicturePart, number>> = { households: 2_000 };
export const PICTURE_MAX_PAGE_ROWS = 2_500;

/** The rows a page of `part` holds at most when `asked` for. */
export function picturePageLimit(part: PicturePart, asked: number): number {
  return Math.min(asked, PICTURE_PART_MAX_PAGE[part] ?? asked, PICTURE_MAX_PAGE_ROWS);
}

export const picturePage = z.object({
  /** The change-feed position the picture is as of (the counter when the first page was read). */
  since: z.number().int().nonnegative(),
  part: z.enum(pictureParts),
  /** Tuples, checked here only to be arrays (not copied element by element: a page holds thousands); each is parsed as a change by `pictureChange`. */
  rows: z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every((row) => Array.isArray(row)), { message: 'rows: an array of tuples' }),
  /** Null once the last part's last page has been sent. */
  nextCursor: z.string().nullable(),
  /** On the first page only: the rows of each part, for the device's progress bar. */
  totals: z.record(z.enum(pictureParts), z.number().int().nonnegative()).optional(),
});
export type PicturePage = z.infer<typeof picturePage>;

type Tuple = readonly unknown[];

/** Each part's tuple, in the central's column order, as the change the feed carries for that row. */
const toChange: Record<PicturePart, (t: Tuple) => unknown> = {
  // The office's own settings the feed alone would carry (a channel set before the picture's `since`).
  office: (t) => ({ kind: 'office.update-channel', payload: { officeCode: t[0], channel: t[1] } }),
  'device-keys': (t) => ({
    kind: 'device.key',
    payload: { deviceId: t[0], officeCode: t[1], publicKey: t[2], name: t[3], enrolledAt: t[4], revokedAt: t[5] },
  }),
  'admin-units': (t) => ({ kind: 'reference.admin-units', payload: { version: t[0], body: t[1] } }),
  schedules: (t) => ({ kind: 'reference.contribution-rates', payload: { version: t[0], body: t[1] } }),
  persons: personChange,
  'office-persons': personChange,
  households: (t) => ({
    kind: 'household',
    payload: {
      id: t[0],
      headParticipantId: t[1],
      provinceCode: t[2],
      communeCode: t[3],
      addressLine: t[4],
      members: Array.isArray(t[5]) ? (t[5] as unknown[]).map((m) => (Array.isArray(m) ? { participantId: m[0], coveredBy: m[1] } : m)) : t[5],
      version: t[6],
      deviceId: t[7],
    },
  }),
  enrollments: (t) => ({
    kind: 'enrollment',
    payload: { id: t[0], participantId: t[1], scheme: t[2], method: t[3], incomeBasis: t[4], fromMonth: t[5], status: t[6], version: t[7], updatedAt: t[8] },
  }),
  contributions: contributionChange,
  'audience-contributions': contributionChange,
  voids: voidChange,
  'audience-voids': voidChange,
  // Each of the office's people: the last month paid in VSI and in HHI as the central counts it (ADR 0035).
  'paid-through': (t) => ({ kind: 'paid-through', payload: { participantId: t[0], VSI: t[1], HHI: t[2] } }),
  'day-closures': (t) => ({ kind: 'day.closed', payload: t[0] }),
  handovers: (t) => ({ kind: 'cash.handover', payload: t[0] }),
  // The field's records (issue 21): set before the picture's `since`, the feed alone never brings them.
  hamlets: (t) => ({ kind: 'hamlet', payload: t[0] }),
  'field-assignments': (t) => ({ kind: 'field.assignment', payload: t[0] }),
  visits: (t) => ({ kind: 'visit', payload: t[0] }),
};

function voidChange(t: Tuple): unknown {
  const refund = t[9];
  return {
    kind: 'receipt.voided',
    payload: {
      receiptId: t[0],
      voidId: t[1],
      reason: t[2],
      voidedAt: t[3],
      voidedBy: t[4],
      voidedByName: t[5],
      businessDate: t[6],
      deviceId: t[7],
      officeCode: t[8],
      refund: Array.isArray(refund)
        ? { businessDate: refund[0], paidOutBy: refund[1], paidOutByName: refund[2], amount: refund[3], voucher: refund[4] }
        : (refund ?? null),
    },
  };
}

function personChange(t: Tuple): unknown {
  // The support facts, from offices that record them (null from offices of older releases: the
  // device then reads the one support category, as it does from the feed).
  const facts =
    t[16] === null || t[16] === undefined ? {} : { poverty: t[15] ?? null, student: t[16], agriAverage: t[17] === true, legacyAddress: t[18] ?? null };
  return {
    kind: 'participant',
    payload: {
      ...facts,
      id: t[0],
      personalId: t[1],
      fullName: t[2],
      dateOfBirth: t[3],
      sex: t[4],
      provinceCode: t[5],
      communeCode: t[6],
      addressLine: t[7] ?? undefined,
      ethnicity: t[8] ?? undefined,
      nationality: t[9] ?? undefined,
      phone: t[10],
      siNumber: t[11],
      supportCategory: t[12] ?? undefined,
      officialNumber: t[13],
      canonicalId: null,
      version: t[14],
    },
  };
}

function contributionChange(t: Tuple): unknown {
  return {
    kind: 'contribution',
    payload: {
      id: t[0],
      participantId: t[1],
      householdId: t[2],
      scheme: t[3],
      method: t[4],
      fromMonth: t[5],
      months: t[6],
      incomeBasis: t[7],
      memberPosition: t[8],
      paidOn: t[9],
      businessDate: t[10],
      total: t[11],
      supportedMonths: t[12],
      receipt: { id: t[13], series: t[14], number: t[15] },
      issuedAt: t[16],
      officeCode: t[17],
      deviceId: t[18],
      collectorStaffId: t[19],
      collectorName: t[20],
    },
  };
}

/** One picture row as the change the feed would carry for it, not yet checked. */
export function pictureRowChange(part: PicturePart, row: Tuple): unknown {
  return toChange[part](row);
}

/** One picture row as a checked change; a row that does not fit is refused, never guessed at. */
export function pictureChange(part: PicturePart, row: Tuple): { change: CentralChange } | { problem: string } {
  const built = pictureRowChange(part, row);
  // Payments, five million of them, are checked field by field first; a row that does not fit goes
  // through the schema below, which names the field (picture-payment-check.ts).
  const payload = (built as { payload: Record<string, unknown> }).payload;
  if ((part === 'contributions' || part === 'audience-contributions') && contributionPayloadFits(payload)) return { change: built as CentralChange };
  // People, a million of them, likewise.
  if ((part === 'persons' || part === 'office-persons') && participantPayloadFits(payload)) return { change: built as CentralChange };
  const parsed = centralChange.safeParse(built);
  if (parsed.success) return { change: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${part}: ${issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid row'}` };
}
