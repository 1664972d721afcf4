// The one text primitive for every string a person types into the contract (names, addresses,
// reasons, notes, codes). What a clerk typed must be something every store holds the same way:
// the office's SQLite, the central's PostgreSQL (which refuses NUL and lone surrogates outright)
// and a printed receipt. So text is trimmed and composed (NFC: "Nguyễn" typed as n-g-u-y-e-̃-̂-n
// is stored as the same letters as the precomposed one, and found the same way), and refused when
// it holds a control or format character: NUL, terminal escapes, right-to-left overrides,
// zero-width characters, lone surrogates, private-use characters. Lengths count characters (code
// points), not UTF-16 units. A person's name must be made of letters that name search can find.
// File paths are the exception: they are checked for control characters but never recomposed,
// since on Linux a recomposed path names another file.
import { z } from 'zod';
import { foldName } from '../domain/name-folding';
import { says } from './input-messages';

/** Control (Cc), format (Cf), surrogate (Cs), private-use (Co), line and paragraph separators, noncharacters. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\uFFFE\uFFFF]/u;
/** The same, less the line feed a multi-line note may hold. */
const HIDDEN_EXCEPT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\uFFFE\uFFFF]/u;
/** What a person's name is made of: Latin letters (Vietnamese and foreign names as written on the form), their marks, spaces, - ' ’ . */
const NAME_CHARACTERS = /^[\p{Script=Latin}\p{M} '’.-]+$/u;
const LETTER = /\p{L}/u;

const hiddenCharacter = says(
  'Có ký tự điều khiển hoặc ký tự ẩn (ví dụ ký tự rỗng, mã điều khiển, ký tự đảo chiều); hãy gõ lại.',
  'It holds a control or hidden character (such as a null, an escape code or a direction override); type it again.',
);
const notAName = says(
  "Họ tên chỉ gồm chữ cái, dấu cách và các dấu - ' . (không có số, ký hiệu hay biểu tượng).",
  "A name holds letters, spaces and - ' . only (no digits, symbols or emoji).",
);
const noLetter = says('Cần có chữ cái.', 'It must hold letters.');

/** The length of a text in characters (code points), as the rules and the clerk count it. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

export interface TextRule {
  /** Fewest characters after trimming (0 allows an empty text). */
  min?: number;
  /** Most characters. */
  max: number;
  /** The message when shorter than `min` (a general one otherwise). */
  tooShort?: { message: string };
  /** The message when longer than `max` (a general one otherwise). */
  tooLong?: { message: string };
  /** A note of several lines: line feeds are kept (other control characters are still refused). */
  multiline?: boolean;
}

function lengthChecked(schema: z.ZodString, rule: TextRule): z.ZodString {
  const min = rule.min ?? 1;
  const tooShort =
    rule.tooShort ??
    (min <= 1 ? says('Không được để trống.', 'This cannot be empty.') : says(`Cần ít nhất ${min} ký tự.`, `It needs at least ${min} characters.`));
  const tooLong = rule.tooLong ?? says(`Dài quá ${rule.max} ký tự.`, `It is longer than ${rule.max} characters.`);
  return schema.refine((v) => holdsAtLeast(v, min), { ...tooShort, abort: true }).refine((v) => holdsAtMost(v, rule.max), { ...tooLong, abort: true });
}

// A text of n UTF-16 units holds between n/2 and n characters: most texts are decided by their
// length alone, without walking them (the central checks every text field of 500 operations a batch).
const holdsAtLeast = (v: string, min: number) => v.length >= 2 * min || (v.length >= min && characterCount(v) >= min);
const holdsAtMost = (v: string, max: number) => v.length <= max || (v.length <= 2 * max && characterCount(v) <= max);

/** Any text a person types: trimmed, NFC, no hidden characters, `min`–`max` characters. */
export function text(rule: TextRule): z.ZodString {
  const hidden = rule.multiline ? HIDDEN_EXCEPT_NEWLINE : HIDDEN;
  // The raw length is bounded first, so a megabyte of text is refused before it is recomposed.
  const tooLong = rule.tooLong ?? says(`Dài quá ${rule.max} ký tự.`, `It is longer than ${rule.max} characters.`);
  const raw = z.string().max(rule.max * 4 + 64, { ...tooLong, abort: true });
  return lengthChecked(
    raw
      .trim()
      .normalize('NFC')
      .refine((v) => !hidden.test(v), { ...hiddenCharacter, abort: true }),
    rule,
  );
}

/**
 * Whether `text(rule)` accepts `v` AND returns it unchanged: a string already trimmed and NFC, with
 * no hidden character, of `min`–`max` characters. The central's quick checks of the hot payloads
 * (ADR 0038) take such a text as sent instead of through zod; any other goes through the schema.
 */
export function isTidyText(v: unknown, rule: TextRule): v is string {
  if (typeof v !== 'string' || v.length > rule.max * 4 + 64) return false;
  const hidden = rule.multiline ? HIDDEN_EXCEPT_NEWLINE : HIDDEN;
  return v.trim() === v && v.normalize('NFC') === v && !hidden.test(v) && holdsAtLeast(v, rule.min ?? 1) && holdsAtMost(v, rule.max);
}

/** `isTidyText` for `wordyText(rule)`. */
export function isTidyWordyText(v: unknown, rule: TextRule): v is string {
  return isTidyText(v, rule) && (v === '' || LETTER.test(v));
}

/** `isTidyText` for `personName(rule)`. */
export function isTidyPersonName(v: unknown, rule: TextRule): v is string {
  return isTidyText(v, rule) && NAME_CHARACTERS.test(v) && foldName(v) !== '';
}

/** Text that must hold at least one letter (a nationality, an office's name). */
export function wordyText(rule: TextRule): z.ZodString {
  return text(rule).refine((v) => v === '' || LETTER.test(v), { ...noLetter, abort: true });
}

/**
 * A person's full name: text made of letters, spaces and - ' . only, at least one of which name
 * search can find (a name of emoji or symbols alone folds to nothing and could never be found).
 */
export function personName(rule: TextRule): z.ZodString {
  return text(rule).refine((v) => NAME_CHARACTERS.test(v) && foldName(v) !== '', { ...notAName, abort: true });
}

const pathHidden = says('Đường dẫn có ký tự điều khiển; hãy chọn lại.', 'The path holds a control character; choose it again.');

/** A file or folder path typed or chosen: no control characters, never recomposed (that would name another file). */
export function pathText(empty: { message: string }): z.ZodString {
  return z
    .string()
    .max(4096, says('Đường dẫn quá dài.', 'The path is too long.'))
    .trim()
    .min(1, empty)
    .refine((v) => !HIDDEN.test(v), { ...pathHidden, abort: true });
}
