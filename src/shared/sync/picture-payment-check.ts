// The picture's payment rows checked without zod (ADR 0041). Five million payments reach a new
// device; parsing each row's change with the feed's zod schema (an object built, then copied key by
// key through a discriminated union) was 39 s of the fill at full scale and much of its garbage.
// This check asks the same of each field as `contributionChangePayload` does (changes.ts) and
// accepts a row only when every field fits; it never decides a row is bad — a row it does not
// accept goes through the zod schema, which accepts it or names the field that does not fit. So it
// can be stricter than the schema (integers must be safe), never looser; a test holds the two
// together on valid rows and on many malformed ones.

const MONTH = /^\d{4}-\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;
const id = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 64;
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const orNull = (v: unknown, fits: (v: unknown) => boolean): boolean => v === null || fits(v);

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
    orNull(p['issuedAt'], (v) => text(v, 40)) &&
    text(p['officeCode'], 12) &&
    id(p['deviceId']) &&
    orNull(p['collectorStaffId'], id) &&
    orNull(p['collectorName'], (v) => text(v, 200))
  );
}
