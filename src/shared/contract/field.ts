// The field officer's contract (issue 21): hamlets of a commune, the officers' areas, the visit
// list with its statuses and amounts due, visit outcomes, the route sheet, reminders and the
// supervisor's coverage figures. Inputs are checked here; the rules are in src/shared/domain
// (visit-status.ts, hamlets.ts) and the core's field services.
import { z } from 'zod';
import { hamletKinds } from '../domain/hamlets';
import { visitStatuses } from '../domain/visit-status';
import { paymentMethods } from './contribution';
import { says } from './input-messages';
import { communeCode, isoDate, uuid } from './primitives';
import { text } from './text';

export const hamletKind = z.enum(hamletKinds, says('Chọn loại: thôn, ấp, bản, tổ dân phố …', 'Choose the kind: thôn, ấp, bản, tổ dân phố …'));

export const hamlet = z.object({
  id: uuid,
  communeCode: z.string(),
  kind: hamletKind,
  name: z.string(),
  /** "Thôn Đông Hòa": kind and name as an address prints them. */
  label: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  /** People of the commune placed in it (chosen on their record or named by their address). */
  people: z.number().int(),
});
export type Hamlet = z.infer<typeof hamlet>;

export const hamletsInput = z.object({ communeCode, includeInactive: z.boolean().optional() });

export const saveHamletInput = z.object({
  /** Absent: a new hamlet. */
  id: uuid.optional(),
  /** The version the supervisor edited (an edit made meanwhile elsewhere is a CONFLICT). */
  expectedVersion: z.number().int().nonnegative().optional(),
  communeCode,
  kind: hamletKind,
  name: text({ min: 1, max: 60, tooShort: says('Nhập tên thôn/ấp/bản.', 'Enter the hamlet’s name.') }),
  active: z.boolean().default(true),
});

export const learnedHamlet = z.object({
  kind: hamletKind,
  name: z.string(),
  label: z.string(),
  people: z.number().int(),
  /** Already on the commune's list (same kind and name, whatever the accents). */
  knownId: uuid.nullable(),
});
export const learnHamletsOutput = z.object({ communeCode: z.string(), addresses: z.number().int(), items: z.array(learnedHamlet) });

/** One commune of an officer's area: all of it (no hamlets named) or the hamlets named. */
export const areaPart = z.object({ communeCode, hamletIds: z.array(uuid).max(200).default([]) });
export type AreaPart = z.infer<typeof areaPart>;

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, says('Tên đăng nhập không hợp lệ.', 'The username is not valid.'));

export const assignment = z.object({
  username: z.string(),
  /** The officer's name where a staff account on this device has that username. */
  fullName: z.string().nullable(),
  areas: z.array(areaPart),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;

export const assignInput = z.object({
  username,
  areas: z.array(areaPart).max(50),
  expectedVersion: z.number().int().nonnegative(),
});

export const myArea = z.object({
  /** Every commune of the office's province for a supervisor; the assigned ones for a field officer. */
  all: z.boolean(),
  communes: z.array(z.object({ code: z.string(), name: z.string(), hamlets: z.array(hamlet), wholeCommune: z.boolean() })),
});

export const visitStatus = z.enum(visitStatuses);
export const visitOutcomes = ['paid', 'promised', 'declined', 'not-home', 'moved', 'deceased', 'wrong-address'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];
export const declineReasons = ['cost', 'insured-elsewhere', 'distrust', 'other'] as const;
export type DeclineReason = (typeof declineReasons)[number];

/** "Not in any hamlet": people whose hamlet is unknown (no hamlet chosen and none named by the address). */
export const NO_HAMLET = 'none';

export const visitListInput = z.object({
  communeCodes: z.array(communeCode).max(50).optional(),
  /** A hamlet's id, or `none` for the people of no known hamlet. */
  hamlet: z.union([uuid, z.literal(NO_HAMLET)]).optional(),
  /** The day the statuses are for (default: today). */
  asOf: isoDate.optional(),
  statuses: z.array(visitStatus).max(visitStatuses.length).optional(),
  /** Name, personal ID, phone or address, with or without accents. */
  query: z.string().max(100).optional(),
  /** Include people recorded as moved away or deceased (left out by default). */
  includeClosed: z.boolean().optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type VisitListInput = z.input<typeof visitListInput>;

export const lastVisit = z.object({
  id: uuid,
  outcome: z.enum(visitOutcomes),
  visitedOn: z.string(),
  promisedOn: z.string().nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  note: z.string().nullable(),
  staffName: z.string(),
  /** Made for the person's household rather than the person. */
  forHousehold: z.boolean(),
});

export const amountDue = z.object({
  scheme: z.enum(['VSI', 'HHI']),
  /** The method the counter prices it with (pass it on when taking the payment). */
  method: z.enum(paymentMethods),
  fromMonth: z.string(),
  months: z.number().int(),
  /** Whole đồng as the counter would quote it today; null when it cannot be quoted (`problem` says why). */
  total: z.number().int().nullable(),
  deadline: z.string().nullable(),
  problem: z.string().nullable(),
  problemEn: z.string().nullable(),
});

export const visitPerson = z.object({
  participantId: uuid,
  fullName: z.string(),
  dateOfBirth: z.string(),
  personalId: z.string(),
  phone: z.string().nullable(),
  addressLine: z.string(),
  communeCode: z.string(),
  hamletId: z.string().nullable(),
  householdId: z.string().nullable(),
  /** The household's head's full name (the household is named by its head), null outside a household. */
  householdHead: z.string().nullable(),
  /** Place on the household's list (1 = first), null outside a household. */
  position: z.number().int().nullable(),
  statuses: z.array(visitStatus),
  vsiPaidThrough: z.string().nullable(),
  hhiValidTo: z.string().nullable(),
  due: z.array(amountDue),
  /** Sum of `due` totals that could be quoted. */
  totalDue: z.number().int(),
  lastVisit: lastVisit.nullable(),
  /** Moved away or deceased (last visit): shown only when asked for. */
  closed: z.boolean(),
});
export type VisitPerson = z.infer<typeof visitPerson>;

export const visitListOutput = z.object({
  asOf: z.string(),
  /** People matching the filters (all pages). */
  total: z.number().int(),
  /** People of the area by status, before the status filter (the filter's badges). */
  counts: z.record(z.string(), z.number().int()),
  items: z.array(visitPerson),
  /** Amounts are priced for the page (the counter's calculator); the list's order and statuses for every person. */
  offset: z.number().int(),
});
export type VisitListOutput = z.infer<typeof visitListOutput>;

const visitTarget = z.object({ participantId: uuid.optional(), householdId: uuid.optional() });

export const recordVisitInput = visitTarget
  .extend({
    outcome: z.enum(visitOutcomes, says('Chọn kết quả lần đến.', 'Choose the visit’s outcome.')),
    promisedOn: isoDate.optional(),
    declineReason: z.enum(declineReasons, says('Chọn lý do từ chối.', 'Choose why they declined.')).optional(),
    note: text({ min: 0, max: 500, multiline: true }).optional(),
    /** "paid": the receipts of the payment (recorded automatically when the payment is taken from the list). */
    receiptIds: z.array(uuid).min(1).max(100).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.participantId === undefined) === (v.householdId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['participantId'],
        message: 'Chọn một người hoặc một hộ gia đình.',
        params: { en: 'Choose one person or one household.' },
      });
    }
    if (v.outcome === 'promised' && !v.promisedOn) {
      ctx.addIssue({ code: 'custom', path: ['promisedOn'], message: 'Nhập ngày hẹn đóng tiền.', params: { en: 'Enter the date they promised to pay.' } });
    }
    if (v.outcome !== 'promised' && v.promisedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['promisedOn'],
        message: 'Ngày hẹn chỉ dùng khi hẹn đóng.',
        params: { en: 'A promised date goes only with a promise.' },
      });
    }
    if (v.outcome === 'declined' && !v.declineReason) {
      ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'Chọn lý do từ chối.', params: { en: 'Choose why they declined.' } });
    }
    if (v.outcome === 'paid' && !v.receiptIds) {
      ctx.addIssue({
        code: 'custom',
        path: ['receiptIds'],
        message: 'Lần đến "đã đóng" ghi kèm biên lai.',
        params: { en: 'A "paid" visit goes with its receipts.' },
      });
    }
  });

export const visit = z.object({
  id: uuid,
  participantId: z.string().nullable(),
  householdId: z.string().nullable(),
  outcome: z.enum(visitOutcomes),
  promisedOn: z.string().nullable(),
  declineReason: z.enum(declineReasons).nullable(),
  note: z.string().nullable(),
  receiptIds: z.array(z.string()),
  visitedOn: z.string(),
  visitedAt: z.string(),
  staffName: z.string(),
});
export type Visit = z.infer<typeof visit>;

export const visitsForInput = visitTarget.refine(
  (v) => (v.participantId === undefined) !== (v.householdId === undefined),
  says('Chọn một người hoặc một hộ gia đình.', 'Choose one person or one household.'),
);

export const fieldFile = z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number().int() });

export const routeSheetInput = z.object({
  date: isoDate.optional(),
  communeCode,
  /** The hamlets walked that day (none named: the whole area of that commune). */
  hamletIds: z
    .array(z.union([uuid, z.literal(NO_HAMLET)]))
    .max(50)
    .optional(),
  statuses: z.array(visitStatus).max(visitStatuses.length).optional(),
});

export const routeSheet = z.object({
  office: z.object({ code: z.string(), name: z.string() }),
  officerName: z.string(),
  date: z.string(),
  communeName: z.string(),
  generatedAt: z.string(),
  hamlets: z.array(
    z.object({
      label: z.string(),
      households: z.array(
        z.object({
          label: z.string(),
          addressLine: z.string(),
          members: z.array(
            z.object({
              fullName: z.string(),
              birthYear: z.string(),
              phone: z.string().nullable(),
              statuses: z.array(visitStatus),
              totalDue: z.number().int(),
              lastVisit: z.string().nullable(),
            }),
          ),
          totalDue: z.number().int(),
        }),
      ),
    }),
  ),
  people: z.number().int(),
  totalDue: z.number().int(),
});
export type RouteSheet = z.infer<typeof routeSheet>;

export const remindersInput = z.object({
  communeCodes: z.array(communeCode).max(50).optional(),
  hamlet: z.union([uuid, z.literal(NO_HAMLET)]).optional(),
  statuses: z.array(visitStatus).max(visitStatuses.length).optional(),
  format: z.enum(['xlsx', 'csv']),
});

export const coverageInput = z.object({
  communeCodes: z.array(communeCode).max(50).optional(),
  /** The last day of the figures (default: today). */
  asOf: isoDate.optional(),
  /** How many weeks and months back the per-officer and trend figures go (default 8 and 6). */
  weeks: z.number().int().min(1).max(26).default(8),
  months: z.number().int().min(1).max(24).default(6),
});

const periodCount = z.object({ period: z.string(), count: z.number().int() });

export const coverage = z.object({
  asOf: z.string(),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      people: z.number().int(),
      vsi: z.number().int(),
      hhi: z.number().int(),
      lapsedVsi: z.number().int(),
      lapsedHhi: z.number().int(),
      noScheme: z.number().int(),
      /** Share of people enrolled in either scheme and not lapsed, per month end (oldest first), in ‰. */
      trend: z.array(z.object({ month: z.string(), covered: z.number().int(), permille: z.number().int() })),
    }),
  ),
  officers: z.array(
    z.object({
      name: z.string(),
      username: z.string().nullable(),
      visitsByWeek: z.array(periodCount),
      visitsByMonth: z.array(periodCount),
      enrollmentsByWeek: z.array(periodCount),
      enrollmentsByMonth: z.array(periodCount),
    }),
  ),
  weeks: z.array(z.string()),
  months: z.array(z.string()),
});
export type Coverage = z.infer<typeof coverage>;
