// The pieces of the central's quick checks of the hot payloads (contribution-record-check.ts,
// participant-register-check.ts, ADR 0038): each asks of a value what the shared schema's field asks,
// and answers true only for a value zod would accept and return as it is (so a plain object's keys
// are all declared, none holding `undefined`). A quick check never refuses: what it does not accept
// goes through the schema.
import { isRealDate } from '../../shared/contract/primitives';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Fits = (v: unknown) => boolean;
export type Fields = Record<string, unknown>;

export const str: Fits = (v) => typeof v === 'string';
export const strMax =
  (max: number, min = 0): Fits =>
  (v) =>
    typeof v === 'string' && v.length >= min && v.length <= max;
export const matches =
  (pattern: RegExp): Fits =>
  (v) =>
    typeof v === 'string' && pattern.test(v);
export const uuid: Fits = (v) => typeof v === 'string' && v.length === 36 && UUID.test(v);
export const day: Fits = (v) => typeof v === 'string' && DAY.test(v) && isRealDate(v);
export const bool: Fits = (v) => v === true || v === false;
export const int: Fits = (v) => Number.isSafeInteger(v);
export const intIn =
  (min: number, max: number): Fits =>
  (v) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
export const orNull =
  (fits: Fits): Fits =>
  (v) =>
    v === null || fits(v);
/** Instants stamped by the device clock (operation-payloads.ts). */
export const instant = strMax(40, 1);

/**
 * A plain object (as JSON.parse makes) whose keys are all among `keys`, none holding undefined. Read
 * with for…in, which allocates no array of keys (objects of one shape share V8's cache of them); it
 * also lists inherited enumerable keys, which Object.prototype has none of unless polluted — and then
 * the value goes to zod, which is never wrong, only slower.
 */
export function plain(v: unknown, keys: ReadonlySet<string>): v is Fields {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key in v) if (!keys.has(key) || (v as Fields)[key] === undefined) return false;
  return true;
}

/** An optional key: absent, or present and fitting. */
export const absentOr = (o: Fields, key: string, fits: Fits): boolean => !Object.hasOwn(o, key) || fits(o[key]);
