// The fraud signals' thresholds (issue 22 item 5, ADR 0027): what counts as "far above the office's
// rate", as office hours, as a clock out of step, as a gap in a receipt series left too long — a
// province tunes them without a release. Read from the JSON file `CENTRAL_SIGNALS_FILE` names (any
// field left out keeps its default); a file that does not fit is refused at start with the field.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const positive = z.number().int().positive();

export const signalConfig = z
  .object({
    /** How far back the signals look (by the payment's business date). */
    windowDays: positive.default(90),
    voids: z
      .object({
        /** A collector's voids and refunds over receipts, this many times the office's rate… */
        factor: z.number().positive().default(3),
        /** …and at least this many voids, out of at least this many receipts. */
        minVoids: positive.default(3),
        minReceipts: positive.default(10),
      })
      .prefault({}),
    hours: z
      .object({
        /** Office hours at UTC+7, on workdays (0 = Sunday … 6 = Saturday). */
        open: hhmm.default('07:00'),
        close: hhmm.default('17:30'),
        workdays: z.array(z.number().int().min(0).max(6)).default([1, 2, 3, 4, 5, 6]),
        /** Public holidays: the fixed ones by month and day, the lunar ones by date (set per year). */
        fixedHolidays: z.array(z.string().regex(/^\d{2}-\d{2}$/)).default(['01-01', '04-30', '05-01', '09-02']),
        holidays: z.array(isoDay).default([]),
      })
      .prefault({}),
    clock: z
      .object({
        /** A receipt's device time later than the central received it by more than this is a clock set ahead. */
        aheadMinutes: positive.default(15),
        /** Received this many days after the device says it was made: held back, or a clock set back. */
        lateDays: positive.default(10),
        /** A payment dated this many days before the day the device recorded it: backdated. */
        backdatedDays: z.number().int().nonnegative().default(0),
      })
      .prefault({}),
    /** A number missing from a device's receipt series while later ones arrived this many days ago. */
    seriesGapDays: positive.default(3),
    /** The same person paid at this many offices or more within the window. */
    samePersonOffices: z.number().int().min(2).default(2),
    /** One collector registering this many people or more with the same phone or the same address. */
    sharedContactPeople: z.number().int().min(2).default(5),
    /** A device that has sent nothing for this many days. */
    silentDays: positive.default(3),
    /**
     * The run after an office's batches (ADR 0038): once the office has sent nothing for this many
     * seconds, and at the latest this many after the first batch it waits for.
     */
    afterBatches: z
      .object({
        quietSeconds: z.number().nonnegative().default(1),
        maxWaitSeconds: z.number().nonnegative().default(30),
      })
      .prefault({}),
  })
  .strict();

export type SignalConfig = z.output<typeof signalConfig>;

export const defaultSignalConfig: SignalConfig = signalConfig.parse({});

/** The configuration from a JSON file, or the defaults without one; a file that does not fit is refused. */
export function loadSignalConfig(file: string | undefined): SignalConfig {
  if (!file) return defaultSignalConfig;
  const parsed = signalConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`CENTRAL_SIGNALS_FILE: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
