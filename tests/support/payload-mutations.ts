// What the quick-check tests do to a valid payload (ADR 0038): a value set, deleted, left undefined, an
// undeclared key added, an own `__proto__` key made (as JSON.parse makes one), in one of its objects;
// and the payload as it arrives, through JSON. Shared by the payment, registration and envelope tests.
export type Json = Record<string, unknown>;

export interface Mutation {
  /** Which object of the payload (modulo their number). */
  place: number;
  /** Which of its keys (modulo their number). */
  key: number;
  how: string;
  value: unknown;
}

/** Applies each mutation to one of `objects` (each with the keys it may hold); hostile values are put in, never changed. */
export function applyMutations(objects: readonly [Json, ReadonlySet<string>][], mutations: readonly Mutation[]): void {
  for (const m of mutations) {
    const [target, keys] = objects[m.place % objects.length]!;
    const names = [...keys];
    const key = names[m.key % names.length]!;
    if (m.how === 'set' && key !== '__proto__') target[key] = m.value;
    else if (m.how === 'delete') delete target[key];
    else if (m.how === 'unknown') target[`extra${m.key % 3}`] = m.value;
    else if (m.how === 'undefined') target[key] = undefined;
    // An own `__proto__` key, as JSON.parse makes of one (an assignment would set the prototype).
    else Object.defineProperty(target, '__proto__', { value: m.value, enumerable: true, configurable: true, writable: true });
  }
}

/** A value as it arrives: through JSON (undefined keys gone, -0 made 0, an own __proto__ kept). */
export const throughJson = (value: unknown): Json => JSON.parse(JSON.stringify(value) ?? 'null') as Json;

/** An operation of `kind` around `payload`, as `checkOperation` takes it. */
export const wireOpOf = (kind: string, payload: Json) => ({ opId: '01937f00-0000-7000-8000-0000000000aa', seq: 1, kind, payloadHash: 'x', payload }) as never;
