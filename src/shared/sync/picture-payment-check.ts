// The picture's payment and person rows checked without zod (ADR 0041). Five million payments and a
// million people reach a new device; parsing each row's change with the feed's zod schema (an
// object built, then copied key by key through a discriminated union) was 39 s of the fill at full
// scale for the payments, 3–5 s for the people, and much of its garbage. These checks ask the same
// of each field as `contributionChangePayload` and `participantChangePayload` do (changes.ts) and
// accept a row only when every field fits; they never decide a row is bad — a row they do not
// accept goes through the zod schema, which accepts it or names the field that does not fit. So
// they can be stricter than the schema (integers must be safe), never looser; tests hold the two
// together on valid rows and on many malformed ones.

const MONTH = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const id = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const orNull = (v: unknown, fits: (v: unknown) => boolean): boolean => v === null || fits(v);
// The checks of a field with a bound, made once: not a closure per row (millions of rows).
const text40 = (v: unknown): boolean => text(v, 40);
const text64 = (v: unknown): boolean => text(v, 64);
const text200 = (v: unknown): boolean => text(v, 200);

/** True when a contribution change's payload, as `pictureChange` builds it, fits its schema. */
export function contributionPayloadFits(p: Record<string, unknown>): boolean {
  const receipt = p['receipt'] as Record<string, unknown> | null;
  return (
    id(p['id']) &&
    id(p['participantId']) &&
    orNull(p['householdId'], id) &&
    (p['scheme'] === 'VSI' || p['scheme'] === 'HHI') &&
    text(p['method'], 40) &&
    typeof p['fromMonth'] === 'string' &&
    MONTH.test(p['fromMonth']) &&
    int(p['months']) &&
    (p['months'] as number) > 0 &&
    orNull(p['incomeBasis'], int) &&
    orNull(p['memberPosition'], int) &&
    typeof p['paidOn'] === 'string' &&
    DAY.test(p['paidOn']) &&
    typeof p['businessDate'] === 'string' &&
    DAY.test(p['businessDate']) &&
    int(p['total']) &&
    int(p['supportedMonths']) &&
    (p['supportedMonths'] as number) >= 0 &&
    typeof receipt === 'object' &&
    receipt !== null &&
    id(receipt['id']) &&
    text(receipt['series'], 40) &&
    int(receipt['number']) &&
    (receipt['number'] as number) > 0 &&
    orNull(p['issuedAt'], text40) &&
    text(p['officeCode'], 12) &&
    id(p['deviceId']) &&
    orNull(p['collectorStaffId'], id) &&
    orNull(p['collectorName'], text200)
  );
}

const optional = (v: unknown, fits: (v: unknown) => boolean): boolean => v === undefined || fits(v);
const string = (v: unknown): boolean => typeof v === 'string';
const stringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const text64OrNull = (v: unknown): boolean => orNull(v, text64);

/**
 * True when a person's change payload, as `pictureChange` builds it, fits its schema (a loose
 * object: the support facts beside these keys are not the schema's to check, nor this one's).
 */
export function participantPayloadFits(p: Record<string, unknown>): boolean {
  return (
    typeof p['id'] === 'string' &&
    p['id'].length >= 1 &&
    string(p['fullName']) &&
    string(p['dateOfBirth']) &&
    string(p['sex']) &&
    string(p['personalId']) &&
    string(p['provinceCode']) &&
    string(p['communeCode']) &&
    optional(p['ethnicity'], string) &&
    optional(p['nationality'], string) &&
    optional(p['siNumber'], stringOrNull) &&
    optional(p['phone'], stringOrNull) &&
    optional(p['addressLine'], string) &&
    optional(p['hamletId'], text64OrNull) &&
    optional(p['supportCategory'], string) &&
    optional(p['officialNumber'], stringOrNull) &&
    optional(p['canonicalId'], stringOrNull) &&
    optional(p['version'], int)
  );
}
