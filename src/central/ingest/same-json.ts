// Whether a parsed payload is the payload as sent, value for value: then the canonical JSON made
// of the sent payload for its hash is also the parsed payload's JSON (as jsonb stores it: keys in
// any order), and the handlers store that text rather than serialising the parsed payload again
// (ADR 0038). A schema that trimmed, recomposed, filled in a default or dropped a key made another
// value, and the handler serialises what it parsed, as before.
/**
 * `sent` (from JSON.parse) and `parsed` (the schema's output) are the same JSON value: the same
 * keys (a key whose parsed value is undefined is one JSON.stringify leaves out) with the same
 * values, arrays of the same items in the same order.
 */
export function sameJsonValue(sent: unknown, parsed: unknown): boolean {
  if (sent === parsed) return true;
  if (typeof sent !== 'object' || typeof parsed !== 'object' || sent === null || parsed === null) return false;
  if (Array.isArray(sent)) {
    if (!Array.isArray(parsed) || parsed.length !== sent.length) return false;
    for (let i = 0; i < sent.length; i++) if (!sameJsonValue(sent[i], parsed[i])) return false;
    return true;
  }
  if (Array.isArray(parsed)) return false;
  const prototype = Object.getPrototypeOf(parsed) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  const sentObject = sent as Record<string, unknown>;
  let keys = 0;
  for (const key in parsed) {
    const value = (parsed as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(sentObject, key) || !sameJsonValue(sentObject[key], value)) return false;
    keys++;
  }
  let sentKeys = 0;
  for (const _ in sentObject) sentKeys++;
  return keys === sentKeys;
}

/**
 * A JSON object's text with keys added at its end (`tail`: `"key":value,…`). jsonb keeps the last
 * value of a key given twice ("only the last value is kept", PostgreSQL's JSON types), so a key the
 * object already holds is replaced, as `{ ...object, key: value }` would.
 */
export function withKeysAtEnd(objectJson: string, tail: string): string {
  return objectJson === '{}' ? `{${tail}}` : `${objectJson.slice(0, -1)},${tail}}`;
}
