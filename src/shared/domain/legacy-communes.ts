// Old addresses onto today's communes. People's papers (ID cards, household books, old records)
// carry the 63-province addresses of before 1 Jul 2025: province, district, commune. The reference
// table legacy-63-to-34-2025.csv (MIT) maps each old commune to the 2025 commune it went to; an old
// commune divided between several new ones has one row per new commune (`divided`), and only the
// hamlet or street tells which is right — the clerk chooses. This file reads an address typed the
// old way, without accents ("phuc xa ba dinh ha noi"), and ranks the rows it names. Pure.
import { foldName } from './name-folding';

export interface LegacyCommuneRow {
  legacyProvinceCode: string;
  legacyProvince: string;
  legacyDistrictCode: string;
  legacyDistrict: string;
  legacyCommuneCode: string;
  legacyCommune: string;
  provinceCode: string;
  communeCode: string;
  commune: string;
  divided: boolean;
}

export interface LegacyCommuneMatch {
  legacyProvince: string;
  legacyDistrict: string;
  legacyCommune: string;
  legacyCommuneCode: string;
  provinceCode: string;
  communeCode: string;
  commune: string;
  divided: boolean;
}

/** Unit words as written before a name ("Phường", "Quận", "Thành phố" …), folded. */
const UNIT_WORDS = ['thanh pho', 'thi tran', 'thi xa', 'phuong', 'huyen', 'quan', 'tinh', 'xa'];

/** A unit's name without its unit word, folded: "Quận Ba Đình" → "ba dinh"; "Quận 1" → "1". */
export function bareName(fullName: string): string {
  const folded = foldName(fullName);
  for (const unit of UNIT_WORDS) if (folded.startsWith(`${unit} `)) return folded.slice(unit.length + 1);
  return folded;
}

/** Prepared once per table: folded words of each part, for matching many queries. */
export interface LegacyIndex {
  rows: readonly LegacyCommuneRow[];
  words: readonly { all: Set<string>; commune: string[]; district: string[]; province: string[] }[];
  /** Every word of every row, to pass over a part of a query that cannot be an old address. */
  vocabulary: ReadonlySet<string>;
}

export function indexLegacyCommunes(rows: readonly LegacyCommuneRow[]): LegacyIndex {
  const words = rows.map((r) => {
    const commune = bareName(r.legacyCommune).split(' ');
    const district = bareName(r.legacyDistrict).split(' ');
    const province = bareName(r.legacyProvince).split(' ');
    const all = new Set([...foldName(`${r.legacyCommune} ${r.legacyDistrict} ${r.legacyProvince}`).split(' ')]);
    return { all, commune, district, province };
  });
  return { rows, words, vocabulary: new Set(words.flatMap((w) => [...w.all])) };
}

/** Whether `part` occurs in `tokens` as consecutive words. */
function hasRun(tokens: readonly string[], part: readonly string[]): boolean {
  outer: for (let i = 0; i + part.length <= tokens.length; i++) {
    for (let j = 0; j < part.length; j++) if (tokens[i + j] !== part[j]) continue outer;
    return true;
  }
  return false;
}

/** Each row the tokens name, with its score (commune typed in full 4, district 2, province 1). */
function scoreRows(index: LegacyIndex, tokens: readonly string[]): { at: number; score: number }[] {
  if (tokens.length === 0) return [];
  const last = tokens.at(-1)!;
  const scored: { at: number; score: number }[] = [];
  index.words.forEach((w, at) => {
    for (let i = 0; i < tokens.length - 1; i++) if (!w.all.has(tokens[i]!)) return;
    if (!w.all.has(last) && ![...w.all].some((t) => t.startsWith(last))) return;
    const score = (hasRun(tokens, w.commune) ? 4 : 0) + (hasRun(tokens, w.district) ? 2 : 0) + (hasRun(tokens, w.province) ? 1 : 0);
    scored.push({ at, score });
  });
  return scored.sort((a, b) => b.score - a.score || a.at - b.at);
}

/**
 * The old communes an address typed the old way names, best first: every word typed must be a word
 * of the old commune, district or province (the last may be cut short); the commune's own name
 * typed in full ranks first, then its district, then its province. A divided commune gives one
 * match per new commune.
 */
export function matchLegacyCommunes(index: LegacyIndex, query: string, limit = 20): LegacyCommuneMatch[] {
  return scoreRows(index, foldName(query).split(' ').filter(Boolean))
    .slice(0, limit)
    .map(({ at }) => {
      const r = index.rows[at]!;
      return {
        legacyProvince: r.legacyProvince,
        legacyDistrict: r.legacyDistrict,
        legacyCommune: r.legacyCommune,
        legacyCommuneCode: r.legacyCommuneCode,
        provinceCode: r.provinceCode,
        communeCode: r.communeCode,
        commune: r.commune,
        divided: r.divided,
      };
    });
}

/**
 * A search typed as an old address — alone, or after or before a name ("nguyen van an phuc xa ba
 * dinh", "phuc xa nguyen van an") —: the old communes it names, each with its own name typed in
 * full, and the words left for the name. The longest address is tried first; null when no part
 * of the query names an old commune.
 */
export function oldAddressInQuery(index: LegacyIndex, query: string): { legacyCommuneCodes: string[]; nameWords: string[] } | null {
  const tokens = foldName(query).split(' ').filter(Boolean);
  const known = (part: readonly string[]) => part.slice(0, -1).every((t) => index.vocabulary.has(t));
  for (let size = tokens.length; size >= 1; size--) {
    const splits: [string[], string[]][] =
      size === tokens.length
        ? [[tokens, []]]
        : [
            [tokens.slice(tokens.length - size), tokens.slice(0, tokens.length - size)],
            [tokens.slice(0, size), tokens.slice(size)],
          ];
    for (const [address, nameWords] of splits) {
      if (!known(address)) continue;
      const codes = new Set(
        scoreRows(index, address)
          .filter((s) => s.score >= 4)
          .map((s) => index.rows[s.at]!.legacyCommuneCode),
      );
      if (codes.size > 0) return { legacyCommuneCodes: [...codes].slice(0, 200), nameWords };
    }
  }
  return null;
}

const CSV_COLUMNS = [
  'legacyProvinceCode',
  'legacyProvince',
  'legacyDistrictCode',
  'legacyDistrict',
  'legacyCommuneCode',
  'legacyCommune',
  'provinceCode',
  'communeCode',
  'commune',
  'legacyCommuneDivided',
] as const;

/** Reads the shipped table (no field holds a comma or a quote; checked here, not assumed). */
export function parseLegacyCsv(text: string): LegacyCommuneRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  if (lines[0] !== CSV_COLUMNS.join(',')) throw new Error('legacy communes: unexpected header');
  return lines.slice(1).map((line, i) => {
    const f = line.split(',');
    if (f.length !== CSV_COLUMNS.length || line.includes('"')) throw new Error(`legacy communes: line ${i + 2} is not 10 plain fields`);
    const { legacyCommuneDivided: divided, ...row } = Object.fromEntries(CSV_COLUMNS.map((c, k) => [c, f[k]!])) as Record<(typeof CSV_COLUMNS)[number], string>;
    if (!/^\d{2}$/.test(row.provinceCode) || !/^\d{5}$/.test(row.communeCode) || (divided !== '0' && divided !== '1')) {
      throw new Error(`legacy communes: line ${i + 2} has a malformed code`);
    }
    return { ...row, divided: divided === '1' };
  });
}
