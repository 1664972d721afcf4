// A payment's payload (`contribution.record`) checked at the central without zod (ADR 0038, fourth
// round). Half of every batch an office pushes is payments; zod's object parse builds a new object,
// array and line for each, copied key by key (about a fifth of the server's validation time and much
// of its garbage). This check asks the same of each field as `contributionRecordPayload`
// (operation-payloads.ts) and accepts only a payload zod would accept AND return unchanged: no key
// the schema does not declare (zod would drop it), no key holding `undefined`, plain objects and
// arrays only (the schema declares no default, trim or transform for these fields). Then the payload
// as sent is the parsed payload. It never refuses: a payload it does not accept goes through the
// schema, which accepts it or names the field. So it may be stricter than the schema, never looser;
// contribution-record-check.test.ts holds the two together on valid and on many hostile payloads.
import { absentOr, day, type Fields, type Fits, instant, int, intIn, matches, orNull, plain, str, strMax, uuid } from './quick-check';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PROVINCE = /^\d{2}$/;
const SCHEMES: ReadonlySet<unknown> = new Set(['VSI', 'HHI']);
const METHODS: ReadonlySet<unknown> = new Set(['monthly', 'quarterly', 'semiannual', 'annual', 'lump-sum-future', 'lump-sum-shortfall']);
const LINE_KINDS: ReadonlySet<unknown> = new Set(['regular', 'arrears', 'shortfall']);

/** The keys each object of the payload may hold: one more (zod would drop it) sends the payload to zod. */
export const contributionRecordKeys = new Set([
  'id',
  'participantId',
  'householdId',
  'memberPosition',
  'scheme',
  'method',
  'fromMonth',
  'months',
  'incomeBasis',
  'supportCategory',
  'support',
  'topUp',
  'provinceCode',
  'contributedMonths',
  'contributedMonthsFromBook',
  'supportedMonthsUsed',
  'paidOn',
  'total',
  'lines',
  'referenceVersion',
  'collectorStaffId',
  'collectorName',
  'receipt',
]);
export const receiptKeys = new Set(['id', 'series', 'number', 'businessDate', 'issuedAt']);
export const lineKeys = new Set(['month', 'participantId', 'description', 'baseAmount', 'supportAmount', 'amount', 'topUpAmount', 'kind', 'values']);
export const supportKeys = new Set(['category', 'share', 'reasonVi', 'reasonEn', 'source']);
export const topUpKeys = new Set(['provinceCode', 'provinceName', 'category', 'share', 'amountPerMonth', 'source', 'total']);

/** A line's `values`: a plain object of any JSON values (zod copies it key by key: `__proto__` would not survive the copy). */
function values(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key of Object.keys(v)) if ((v as Fields)[key] === undefined || key === '__proto__') return false;
  return !Object.hasOwn(v, '__proto__');
}

// Each field's check made once, not per payload (a closure made per call was 0.4 MB of garbage a batch).
const lineKind: Fits = (k) => LINE_KINDS.has(k);
const strOrNull = orNull(str);
const intOrNull = orNull(int);
const series = strMax(40, 1);
const positive = intIn(1, Number.MAX_SAFE_INTEGER);
const positiveOrNull = orNull(positive);
const nonNegative = intIn(0, Number.MAX_SAFE_INTEGER);
const nonNegativeOrNull = orNull(nonNegative);
const uuidOrNull = orNull(uuid);
const months = intIn(1, 120);
const monthCount = intIn(0, 1200);
const monthCountOrNull = orNull(monthCount);
const category = strMax(40);
const referenceVersion = strMax(64, 1);
const collectorName = strMax(200);
const province = matches(PROVINCE);

function line(v: unknown): boolean {
  return (
    plain(v, lineKeys) &&
    str(v['month']) &&
    absentOr(v, 'participantId', str) &&
    str(v['description']) &&
    int(v['baseAmount']) &&
    int(v['supportAmount']) &&
    int(v['amount']) &&
    absentOr(v, 'topUpAmount', int) &&
    absentOr(v, 'kind', lineKind) &&
    values(v['values'])
  );
}

function lines(v: unknown): boolean {
  if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length > 1200) return false;
  for (let i = 0; i < v.length; i++) if (!line(v[i])) return false;
  return true;
}

const support: Fits = (v) => plain(v, supportKeys) && str(v['category']) && str(v['share']) && str(v['reasonVi']) && str(v['reasonEn']) && str(v['source']);

const topUp: Fits = (v) =>
  plain(v, topUpKeys) &&
  str(v['provinceCode']) &&
  strOrNull(v['provinceName']) &&
  str(v['category']) &&
  strOrNull(v['share']) &&
  intOrNull(v['amountPerMonth']) &&
  str(v['source']) &&
  int(v['total']);

const receipt: Fits = (v) =>
  plain(v, receiptKeys) &&
  uuid(v['id']) &&
  series(v['series']) &&
  positive(v['number']) &&
  absentOr(v, 'businessDate', day) &&
  absentOr(v, 'issuedAt', instant);

const supportOrNull = orNull(support);
const topUpOrNull = orNull(topUp);

/** True only when `contributionRecordPayload` accepts `p` and its output is `p`, value for value. */
export function contributionRecordFits(p: unknown): boolean {
  return (
    plain(p, contributionRecordKeys) &&
    uuid(p['id']) &&
    uuid(p['participantId']) &&
    absentOr(p, 'householdId', uuidOrNull) &&
    absentOr(p, 'memberPosition', positiveOrNull) &&
    SCHEMES.has(p['scheme']) &&
    METHODS.has(p['method']) &&
    typeof p['fromMonth'] === 'string' &&
    MONTH.test(p['fromMonth']) &&
    months(p['months']) &&
    absentOr(p, 'incomeBasis', nonNegativeOrNull) &&
    category(p['supportCategory']) &&
    absentOr(p, 'support', supportOrNull) &&
    absentOr(p, 'topUp', topUpOrNull) &&
    absentOr(p, 'provinceCode', province) &&
    absentOr(p, 'contributedMonths', monthCountOrNull) &&
    absentOr(p, 'contributedMonthsFromBook', monthCount) &&
    absentOr(p, 'supportedMonthsUsed', nonNegative) &&
    day(p['paidOn']) &&
    nonNegative(p['total']) &&
    lines(p['lines']) &&
    referenceVersion(p['referenceVersion']) &&
    absentOr(p, 'collectorStaffId', uuidOrNull) &&
    absentOr(p, 'collectorName', collectorName) &&
    receipt(p['receipt'])
  );
}
