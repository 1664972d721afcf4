// Accent folding for search: NFD, drop combining marks, đ/Đ → d, lower case, collapse spaces.
// `nguyen van an` finds `Nguyễn Văn An`; spelling is never corrected beyond that (docs/domain.md).

/**
 * The last names folded, by their text: a name is folded more than once on its way (the contract's
 * name check, then the central's near-match keys for the same registration), and folding is five
 * passes over it. Bounded; emptied when full.
 */
const recentlyFolded = new Map<string, string>();
const FOLDED_KEPT = 4096;

export function foldName(text: string): string {
  const known = recentlyFolded.get(text);
  if (known !== undefined) return known;
  const folded = foldByTable(text) ?? foldChars(text).replace(/\s+/g, ' ').trim();
  // Long texts (a search typed as a paragraph) are folded every time, not kept.
  if (text.length <= 200) {
    if (recentlyFolded.size >= FOLDED_KEPT) recentlyFolded.clear();
    recentlyFolded.set(text, folded);
  }
  return folded;
}

/** The fold before spaces are collapsed: each step over the whole text, as written first. */
function foldChars(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ');
}

// The fold one character at a time, from a table, for the characters whose fold does not depend on
// their neighbours: Latin below U+0250 and the Vietnamese letters of U+1E00–U+1EFF. Each is a starter
// whose decomposition starts with one (so NFD of a text of them is their NFDs joined), none has a
// context-dependent lower case (only Greek's final sigma has), and marks are dropped or made spaces
// one by one. A character whose fold is letters and digits (or nothing) or only white space is in
// the table; a text holding any other goes the whole way above. The central folds every registered
// name, five passes each; name-folding.test.ts holds the two ways together over every table character.
const TABLE_END = 0x1f00;
const SPACE = -1;
/** Per code unit: its folded letters and digits, SPACE for white space, undefined outside the table. */
const byCharacter: (string | typeof SPACE | undefined)[] = new Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  if (c >= 0x250 && c < 0x1e00) continue;
  const fold = foldChars(String.fromCharCode(c));
  if (/^[a-z0-9]*$/.test(fold)) byCharacter[c] = fold;
  else if (/^\s+$/.test(fold)) byCharacter[c] = SPACE;
}

/** `foldChars(text)` with its white space collapsed and trimmed, from the table; null when a character is not in it. */
export function foldByTable(text: string): string | null {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const fold = c < TABLE_END ? byCharacter[c] : undefined;
    if (fold === undefined) return null;
    if (fold === SPACE) space = true;
    else if (fold !== '') {
      if (space && out !== '') out += ' ';
      space = false;
      out += fold;
    }
  }
  return out;
}

/**
 * Whether a folded name holds a folded query's words as the name index (FTS5 `"w1" "w2" "last"*`)
 * reads them: every word but the last as a whole word, the last as the start of one, in any order.
 * Used for people not yet in the index (db/name-index.ts), so they are found the same way.
 */
export function nameHasWords(nameFolded: string, words: readonly string[]): boolean {
  const tokens = nameFolded.split(' ');
  return words.every((word, i) => (i === words.length - 1 ? tokens.some((t) => t.startsWith(word)) : tokens.includes(word)));
}

/** Stores a display name tidily: trimmed, single spaces, NFC, each word capitalised. */
export function normaliseFullName(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
}

/** How the clerk's query should be read: a number is an ID, SI number or phone; else a name. */
export function classifyQuery(query: string): 'personalId' | 'siNumber' | 'phone' | 'name' {
  const compact = query.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(compact)) return 'personalId';
  if (/^\d{10}$/.test(compact) && !compact.startsWith('0')) return 'siNumber';
  if (/^(\+84|0)\d{9,10}$/.test(compact)) return 'phone';
  if (/^\d{10}$/.test(compact)) return 'siNumber';
  return 'name';
}
