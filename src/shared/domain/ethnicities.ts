// The ethnicity field of the TK1-TS form takes one of Vietnam's 54 ethnic groups as the General
// Statistics Office lists them (Quyết định 121-TCTK/PPCĐ, codes 01–54; 55 for a foreign national),
// so "Tày", "tay" and "Tay" are one group in the register, not three spellings. What a clerk types
// is read without accents, hyphens or spaces ("kho me", "Khơme" → "Khơ-me") and a few other names
// in common use are accepted for the official one ("H'Mông" → "Mông", "Khmer" → "Khơ-me").
import { foldName } from './name-folding';

export const ethnicities = [
  'Kinh',
  'Tày',
  'Thái',
  'Hoa',
  'Khơ-me',
  'Mường',
  'Nùng',
  'Mông',
  'Dao',
  'Gia-rai',
  'Ngái',
  'Ê-đê',
  'Ba-na',
  'Xơ-đăng',
  'Sán Chay',
  'Cơ-ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Ra-glai',
  'Xtiêng',
  'Bru-Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ-tu',
  'Gié-Triêng',
  'Mạ',
  'Khơ-mú',
  'Co',
  'Tà-ôi',
  'Chơ-ro',
  'Kháng',
  'Xinh-mun',
  'Hà Nhì',
  'Chu-ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cờ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ-măm',
  'Người nước ngoài',
] as const;
export type Ethnicity = (typeof ethnicities)[number];

/** Other names for a group, folded as `key` folds them. */
const otherNames: Record<string, Ethnicity> = {
  hmong: 'Mông',
  meo: 'Mông',
  khmer: 'Khơ-me',
  jarai: 'Gia-rai',
  jrai: 'Gia-rai',
  rhade: 'Ê-đê',
  bahnar: 'Ba-na',
  sedang: 'Xơ-đăng',
  koho: 'Cơ-ho',
  stieng: 'Xtiêng',
  katu: 'Cơ-tu',
  vankieu: 'Bru-Vân Kiều',
  caolan: 'Sán Chay',
  viet: 'Kinh',
};

/** Folded, with the spaces a hyphen or apostrophe became taken out too: "Khơ-me", "kho me" → "khome". */
function key(text: string): string {
  return foldName(text).replace(/ /g, '');
}

const byKey = new Map<string, Ethnicity>([...ethnicities.map((e) => [key(e), e] as const), ...Object.entries(otherNames)]);

/** The official name of the group a clerk typed, or null if it is none of them. */
export function canonicalEthnicity(text: string): Ethnicity | null {
  return byKey.get(key(text)) ?? null;
}

/** Every group but the Kinh majority is an ethnic minority (a foreign national is neither). */
export function isEthnicMinority(ethnicity: string): boolean {
  const group = canonicalEthnicity(ethnicity);
  return group !== null && group !== 'Kinh' && group !== 'Người nước ngoài';
}

/**
 * The ethnic-minority support (Decree 159/2025) is for members of a minority group: for a Kinh
 * person or a foreign national the state would pay 30 % by mistake. An ethnicity kept as free text
 * from an older release cannot be judged (null: no problem found).
 */
export function minoritySupportProblem(supportCategory: string, ethnicity: string): { vi: string; en: string } | null {
  if (supportCategory !== 'ethnic-minority' || canonicalEthnicity(ethnicity) === null || isEthnicMinority(ethnicity)) return null;
  return {
    vi: `Người dân tộc ${ethnicity} không thuộc diện hỗ trợ dân tộc thiểu số`,
    en: `A person of the ${ethnicity} group is not in the ethnic-minority support category`,
  };
}
