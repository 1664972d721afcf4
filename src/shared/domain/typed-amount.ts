// Amounts of money and counts as a clerk types them at the counter: "3.000.000" (Vietnamese
// grouping), "3000000", "2tr", "2,5 triệu", "500k", "500 nghìn". Anything else — "hai triệu",
// "abc", "2.5.0" — is refused with a reason, never read as 0 or as the digits it happens to hold
// ("2tr" was once 2 đ). Pure: the renderer's inputs and their tests use it.

export type TypedAmount = { ok: true; value: number | null } | { ok: false; problem: 'words' | 'not-a-number' | 'not-whole' | 'too-large' };

/** Units a clerk writes after a number, and what they multiply it by. */
const UNITS: readonly (readonly [RegExp, number])[] = [
  [/(?:tỷ|tỉ|ty)$/, 1_000_000_000],
  [/(?:triệu|trieu|tr)$/, 1_000_000],
  [/(?:nghìn|nghin|ngàn|ngan|k)$/, 1_000],
];

/** The largest amount an input takes: far above any contribution, far below where doubles lose đồng. */
export const MAX_TYPED_DONG = 1_000_000_000_000;

/** Groups the digits the Vietnamese way: 3000000 → "3.000.000". */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Reads a typed amount of đồng. Empty → value null. A currency word at the end (đ, đồng, vnd) is
 * allowed. Without a unit the number is whole đồng, grouped with dots (or commas, or spaces) in
 * threes or not at all; with a unit a dot or comma is the decimal mark ("2,5tr", "1.5 triệu") and
 * the result must still be whole đồng.
 */
export function parseTypedDong(text: string): TypedAmount {
  let s = text.normalize('NFC').toLowerCase().trim();
  s = s.replace(/\s*(?:đồng|dong|vnđ|vnd|đ)$/, '').trim();
  if (s === '') return { ok: true, value: null };
  const unit = UNITS.find(([pattern]) => pattern.test(s));
  if (unit) {
    const number = s.replace(unit[0], '').replace(/\s+/g, '');
    const m = /^(\d+)(?:[.,](\d+))?$/.exec(number);
    if (!m) return refusal(number);
    const digits = m[2] ?? '';
    // Exact in integers: whole part × unit + fraction digits × unit / 10^len.
    const scale = 10 ** digits.length;
    const fractionTimesUnit = Number(digits || '0') * unit[1];
    if (fractionTimesUnit % scale !== 0) return { ok: false, problem: 'not-whole' };
    return bounded(Number(m[1]) * unit[1] + fractionTimesUnit / scale);
  }
  const compact = s.replace(/\s+/g, ' ');
  if (/^\d+$/.test(compact) || /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.test(compact)) return bounded(Number(compact.replace(/\D/g, '')));
  return refusal(compact);
}

/** A whole count typed as digits only ("12"); empty → null. */
export function parseTypedCount(text: string): TypedAmount {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  if (!/^\d+$/.test(s)) return refusal(s);
  return bounded(Number(s));
}

function bounded(value: number): TypedAmount {
  if (!Number.isSafeInteger(value) || value > MAX_TYPED_DONG) return { ok: false, problem: 'too-large' };
  return { ok: true, value };
}

/** Letters and no digit: a number written in words ("hai triệu"); otherwise digits mixed with junk. */
function refusal(s: string): TypedAmount {
  if (/\p{L}/u.test(s) && !/\d/.test(s)) return { ok: false, problem: 'words' };
  if (/^\d+[.,]\d+$/.test(s)) return { ok: false, problem: 'not-whole' };
  return { ok: false, problem: 'not-a-number' };
}

/**
 * Re-groups what is being typed when it is digits and grouping only ("3000000" → "3.000.000"), and
 * where the caret should go: after the same number of digits as before. Anything else is left as
 * typed (a unit being written, "2tr", is read when it is complete).
 */
export function regroupWhileTyping(text: string, caret: number): { text: string; caret: number } {
  if (!/^[\d. ]*$/.test(text) || !/\d/.test(text)) return { text, caret };
  const digitsBefore = text.slice(0, caret).replace(/\D/g, '').length;
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // Leading zeros dropped: the caret counts only the digits that remain.
  const dropped = text.replace(/\D/g, '').length - digits.length;
  let seen = 0;
  let at = 0;
  const want = Math.max(0, digitsBefore - dropped);
  while (at < grouped.length && seen < want) {
    if (/\d/.test(grouped[at]!)) seen++;
    at++;
  }
  return { text: grouped, caret: at };
}
