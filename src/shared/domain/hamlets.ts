// Hamlets (thôn, ấp, bản, tổ dân phố …): the places inside a commune a field officer walks
// (issue 21 item 1, ADR 0029). A commune's hamlets are a list the supervisor keeps; they are first
// learned from the address lines the office already holds ("Thôn Đông Hòa, xóm 3" names Thôn Đông
// Hòa). A person's hamlet is the one chosen on their record, or else the one of the commune's list
// that their address line names — the same answer on every device, so a learned list places
// everyone without rewriting a single record. Pure: no clock, no database.
import { foldName } from './name-folding';

export const hamletKinds = ['thon', 'ap', 'ban', 'to-dan-pho', 'xom', 'khu-pho', 'buon', 'lang', 'khom', 'to'] as const;
export type HamletKind = (typeof hamletKinds)[number];

/** What each kind is called on an address (Vietnamese; the same words in English, which has none of its own). */
export const hamletKindNames: Record<HamletKind, string> = {
  thon: 'Thôn',
  ap: 'Ấp',
  ban: 'Bản',
  'to-dan-pho': 'Tổ dân phố',
  xom: 'Xóm',
  'khu-pho': 'Khu phố',
  buon: 'Buôn',
  lang: 'Làng',
  khom: 'Khóm',
  to: 'Tổ',
};

/** The folded words that open each kind, longest first so "tổ dân phố" wins over "tổ". */
const kindWords: [string, HamletKind][] = (
  [
    ['to dan pho', 'to-dan-pho'],
    ['khu pho', 'khu-pho'],
    ['thon', 'thon'],
    ['ap', 'ap'],
    ['ban', 'ban'],
    ['xom', 'xom'],
    ['buon', 'buon'],
    ['lang', 'lang'],
    ['khom', 'khom'],
    ['tdp', 'to-dan-pho'],
    ['to', 'to'],
  ] as [string, HamletKind][]
).sort((a, b) => b[0].length - a[0].length);

export interface HamletName {
  kind: HamletKind;
  /** The name as written on the address (accents kept), without the kind's word. */
  name: string;
}

/** The key two spellings of one hamlet share: kind and folded name ("Thôn Đông Hoà" = "thon dong hoa"). */
export function hamletKey(kind: HamletKind, name: string): string {
  return `${kind}|${foldName(name)}`;
}

/** The hamlet's name as an address prints it: "Thôn Đông Hòa", "Tổ dân phố 3". */
export function hamletLabel(h: HamletName): string {
  return `${hamletKindNames[h.kind]} ${h.name}`;
}

const MAX_NAME = 60;

/**
 * Kinds whose folded word is also a common name ("Tô Hiến Thành", "Láng Hạ", "Bàn Cờ" streets):
 * these count only as written with their accents, and "tổ" only before a number.
 */
const accentedOnly: Partial<Record<HamletKind, string>> = { to: 'tổ', lang: 'làng', ban: 'bản' };

/**
 * The hamlet an address line names, if one of its comma-separated parts opens with a kind's word:
 * "Thôn Đông Hòa, xã Tân Phú" → thôn "Đông Hòa"; "số 12, tổ dân phố 3" → tổ dân phố "3". The
 * first such part counts (an address names the hamlet before the commune). Nothing is guessed
 * from a part without a kind's word.
 */
export function hamletInAddress(addressLine: string): HamletName | null {
  for (const raw of addressLine.split(/[,;\n]/)) {
    const found = hamletInPart(raw);
    if (found !== undefined) return found;
  }
  return null;
}

/** One part of an address line: the hamlet it names, null when it opens with a kind's word but names none, undefined when it is no hamlet's. */
function hamletInPart(raw: string): HamletName | null | undefined {
  const part = raw.trim().replace(/\s+/g, ' ');
  if (!part) return undefined;
  const folded = foldName(part);
  for (const [word, kind] of kindWords) {
    if (folded === word || !folded.startsWith(`${word} `)) continue;
    const accented = accentedOnly[kind];
    if (accented && part.split(' ')[0]!.normalize('NFC').toLocaleLowerCase('vi') !== accented) continue;
    // The folded text keeps the original's word boundaries, so the name starts after as many words.
    const name = part
      .split(' ')
      .slice(word.split(' ').length)
      .join(' ')
      .replace(/^[-.:\s]+/, '')
      .trim();
    if (!name || name.length > MAX_NAME) return null;
    if (kind === 'to' && !/^\d/.test(name)) return null;
    return { kind, name: tidyName(name) };
  }
  return undefined;
}

/** A learned name as the list shows it: a number stays a number, words get capitals ("đông hòa" → "Đông Hòa"). */
function tidyName(name: string): string {
  return name
    .split(' ')
    .map((w) => (/^\p{Ll}/u.test(w) ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

export interface KnownHamlet {
  id: string;
  kind: HamletKind;
  name: string;
}

/** Finds a person's hamlet: the one chosen on the record if it is on the list, else the one the address names. */
export class HamletMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(hamlets: readonly KnownHamlet[]) {
    for (const h of hamlets) {
      this.byKey.set(hamletKey(h.kind, h.name), h.id);
      this.ids.add(h.id);
    }
  }

  /** Each address part's answer, kept: a commune's 20 000 addresses repeat a few dozen hamlet parts. */
  private readonly parts = new Map<string, string | null | undefined>();

  hamletOf(person: { hamletId: string | null; addressLine: string }): string | null {
    if (person.hamletId && this.ids.has(person.hamletId)) return person.hamletId;
    for (const raw of person.addressLine.split(/[,;\n]/)) {
      let found = this.parts.get(raw);
      if (found === undefined && !this.parts.has(raw)) {
        const named = hamletInPart(raw);
        found = named === undefined ? undefined : named === null ? null : (this.byKey.get(hamletKey(named.kind, named.name)) ?? null);
        this.parts.set(raw, found);
      }
      if (found !== undefined) return found;
    }
    return null;
  }
}

export interface LearnedHamlet extends HamletName {
  /** Addresses that name it. */
  people: number;
  /** The spelling most addresses use (shown), among those folding alike. */
  key: string;
}

/** The hamlets a commune's address lines name, with how many people each; most people first. */
export function learnHamlets(addressLines: Iterable<string>): LearnedHamlet[] {
  const found = new Map<string, { kind: HamletKind; spellings: Map<string, number>; people: number }>();
  for (const line of addressLines) {
    const named = hamletInAddress(line);
    if (!named) continue;
    const key = hamletKey(named.kind, named.name);
    const entry = found.get(key) ?? { kind: named.kind, spellings: new Map<string, number>(), people: 0 };
    entry.people++;
    entry.spellings.set(named.name, (entry.spellings.get(named.name) ?? 0) + 1);
    found.set(key, entry);
  }
  return [...found.entries()]
    .map(([key, e]) => ({
      key,
      kind: e.kind,
      people: e.people,
      name: [...e.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))[0]![0],
    }))
    .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name, 'vi'));
}
