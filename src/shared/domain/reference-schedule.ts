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

/** A province's top-up for one category: a share (of the base the state's support is taken on) or đồng a month. */
const topUp = z.union([z.object({ share: fraction }).strict(), z.object({ amount: dongAmount }).strict()]);
/** Per support category (`any` applies to everyone not listed). */
const topUpTable = z.record(z.string(), topUp);

/** One step of the retirement-age roadmap: from the year `fromYear`, the age is `years` and `months`. */
const retirementStep = z.object({ fromYear: z.number().int(), years: z.number().int().positive(), months: z.number().int().min(0).max(11) }).strict();
const retirementSteps = z
  .array(retirementStep)
  .min(1)
  .refine((steps) => steps.every((s, i) => i === 0 || steps[i - 1]!.fromYear < s.fromYear), { message: 'Retirement steps must be in increasing year order.' });

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
    /** The youngest age at which a person may join (Law 41/2024 art. 2.4). */
    minAge: series(z.number().int().nonnegative()).optional(),
    /** Months past their deadline: whether the state's support still applies, and whether interest at r is added (ADR 0018). */
    arrears: series(z.object({ supported: z.boolean(), interest: z.boolean() }).strict()).optional(),
    /** The lump sum for the years missing to qualify for a pension (Law 41/2024 art. 36.2). */
    shortfall: series(
      z.object({ requiredMonths: z.number().int().positive(), maxMonths: z.number().int().positive(), supported: z.boolean() }).strict(),
    ).optional(),
  }),
  hhi: z.object({
    firstMemberRate: series(fraction),
    /** Index 0 is the first member's share (100 %); the last entry applies to every later member. */
    memberShares: series(z.array(fraction).min(1)),
    supportShares: series(shareTable),
    periods: series(z.array(z.number().int().positive()).min(1)),
    /** Categories whose health insurance the state budget pays in full: no household HI is collected from them. */
    statePaid: series(z.array(z.string())).optional(),
    /** Children under this age are insured by the state budget (HI Law art. 12.3). */
    statePaidUnderAge: series(z.number().int().nonnegative()).optional(),
  }),
  /** Retirement age under normal working conditions by the year it is reached (Labour Code 2019 art. 169; Decree 135/2020 art. 4). */
  retirementAge: z.object({ source: z.string().min(1), confirmed: z.boolean().optional(), male: retirementSteps, female: retirementSteps }).optional(),
  /** Provincial top-ups on the state's support (Law 41/2024 art. 6.6), by province code (2 digits). */
  provincialTopUps: z
    .record(
      z.string().regex(/^\d{2}$/),
      z.object({ name: z.string().optional(), vsi: series(topUpTable).optional(), hhi: series(topUpTable).optional() }).strict(),
    )
    .optional(),
});

export type ReferenceSchedule = z.infer<typeof referenceScheduleSchema>;
export type Fraction = z.infer<typeof fraction>;
export type TopUp = z.infer<typeof topUp>;
export type TopUpTable = z.infer<typeof topUpTable>;
export type RetirementStep = z.infer<typeof retirementStep>;

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
