// Canonical JSON (sorted keys, no whitespace): the bytes that audit and outbox hashes cover, so
// the same content always hashes the same on every device and on the central service.
export function canonicalJson(value: unknown): string {
  // What arrives canonical already (a payload parsed from a device's canonical batch body) is
  // written by JSON.stringify as it is: a walk that only compares keys, instead of rebuilding
  // every object sorted (about two thirds of the central's cost of checking a payload's hash).
  return JSON.stringify(inCanonicalOrder(value) ? value : sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // No prototype: a key named "__proto__" (JSON.parse makes it an own key) stays a key, as
    // JSON.stringify writes it from an object already in order; on {} it would set the prototype
    // and vanish, so the same payload would hash two ways.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * Whether JSON.stringify writes this value exactly as `JSON.stringify(sortKeys(value))` does: every
 * object plain (no toJSON, no class) with its keys enumerated in sorted order (the order
 * JSON.stringify writes them in), at every depth.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!inCanonicalOrder(item)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}
