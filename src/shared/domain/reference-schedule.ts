// The contribution-rate schedule as reference data: every rate, line and share is a series of
// values with the date from which each applies (resources/reference/contribution-rates.json; the
// central service may ship corrected versions). Parsing validates it; `valueOn` picks the value in
// force on a date. Percentages are exact `{ num, den }` fractions, never floats.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a YYYY-MM-DD date.' });
const fraction = z.object({ num: z.number().int().nonnegative(), den: z.number().int().positive() }).strict();
const dongAmount = z.number().int().positive();

export interface SeriesEntry<T> {
  from: string;
  value: T;
  source: string;
  confirmed?: boolean | undefined;
}

function series<T extends z.ZodType>(value: T) {
  return z
    .array(z.object({ from: isoDate, value, source: z.string().min(1), confirmed: z.boolean().optional() }))
    .min(1)
    .refine((entries) => entries.every((e, i) => i === 0 || entries[i - 1]!.from < e.from), {
      message: 'Series entries must be in strictly increasing date order.',
    });
}

const shareTable = z
  .record(z.string(), fraction)
  .refine((t) => 'other' in t, { message: 'A share table needs an "other" entry.' })
  .refine((t) => Object.values(t).every((f) => f.num <= f.den), { message: 'A support share cannot exceed 100%.' });

export const referenceScheduleSchema = z.object({
  version: z.string().min(1),
  description: z.string().optional(),
  baseSalary: series(dongAmount),
  ruralPovertyLine: series(dongAmount),
  vsi: z.object({
    rate: series(fraction),
    incomeCeilingMultiple: series(z.number().int().positive()),
    maxSupportedMonths: series(z.number().int().nonnegative()),
    supportShares: series(shareTable),
    lumpSumMonthlyReturn: series(fraction),
  }),
  hhi: z.object({
    firstMemberRate: series(fraction),
    /** Index 0 is the first member's share (100 %); the last entry applies to every later member. */
    memberShares: series(z.array(fraction).min(1)),
    supportShares: series(shareTable),
    periods: series(z.array(z.number().int().positive()).min(1)),
  }),
});

export type ReferenceSchedule = z.infer<typeof referenceScheduleSchema>;
export type Fraction = z.infer<typeof fraction>;

/** Validates a schedule body; throws (a ZodError) on anything malformed. */
export function parseSchedule(body: unknown): ReferenceSchedule {
  return referenceScheduleSchema.parse(body);
}

/** The entry in force on `date` (the latest whose `from` is on or before it), or null if none yet. */
export function entryOn<T>(entries: readonly SeriesEntry<T>[], date: string): SeriesEntry<T> | null {
  let found: SeriesEntry<T> | null = null;
  for (const e of entries) if (e.from <= date && (found === null || e.from > found.from)) found = e;
  return found;
}

/** The value in force on `date`; throws a RangeError if the series starts after it. */
export function valueOn<T>(entries: readonly SeriesEntry<T>[], date: string): T {
  const entry = entryOn(entries, date);
  if (!entry) throw new RangeError(`No reference value is in force on ${date}.`);
  return entry.value;
}
