// Checks a 12-digit personal identification number (CCCD) against the declaration form:
// PPP G YY RRRRRR — birth-registration province, century+sex digit, last two digits of the birth
// year. There is no checksum, so these agreements are all a clerk can be told at capture.
import { legacyProvinceCodes } from './legacy-province-codes';

export type Sex = 'male' | 'female';

export interface PersonalIdProblem {
  reason: 'format' | 'province' | 'century' | 'sex' | 'year';
  vi: string;
  en: string;
}

/** The sex a well-formed number encodes in its fourth digit (even: male, odd: female), else null. */
export function sexOfPersonalId(personalId: string): Sex | null {
  const compact = personalId.replace(/\s/g, '');
  if (!/^\d{12}$/.test(compact)) return null;
  return Number(compact[3]) % 2 === 0 ? 'male' : 'female';
}

/** Returns every disagreement between the number and the form; an empty list means it is valid. */
export function checkPersonalId(personalId: string, dateOfBirth: string, sex: Sex): PersonalIdProblem[] {
  if (!/^\d{12}$/.test(personalId)) {
    return [
      {
        reason: 'format',
        vi: `Số định danh cá nhân phải gồm đúng 12 chữ số (đang có ${personalId.replace(/\D/g, '').length} chữ số${/\D/.test(personalId) ? ' và ký tự khác chữ số' : ''}).`,
        en: 'A personal ID has exactly 12 digits.',
      },
    ];
  }
  const problems: PersonalIdProblem[] = [];
  const prefix = personalId.slice(0, 3);
  if (!(prefix in legacyProvinceCodes)) {
    problems.push({
      reason: 'province',
      vi: `Ba chữ số đầu "${prefix}" không phải mã tỉnh nơi đăng ký khai sinh nào (001 Hà Nội … 096 Cà Mau).`,
      en: `The first three digits "${prefix}" are not a known province code.`,
    });
  }
  const g = Number(personalId[3]);
  const yy = personalId.slice(4, 6);
  const birthYear = Number(dateOfBirth.slice(0, 4));
  const century = Math.floor(birthYear / 100);
  // 0/1 for 1900–1999, 2/3 for 2000–2099, … : the pair index is (century − 19).
  const expectedPair = century - 19;
  const expectedDigit = expectedPair * 2 + (sex === 'female' ? 1 : 0);
  const actualPair = Math.floor(g / 2);
  const actualSex: Sex = g % 2 === 0 ? 'male' : 'female';
  if (expectedPair < 0 || expectedPair > 4) {
    problems.push({
      reason: 'century',
      vi: `Năm sinh ${birthYear} nằm ngoài khoảng mà số định danh có thể mã hóa.`,
      en: `Birth year ${birthYear} cannot be encoded in a personal ID.`,
    });
  } else if (actualPair !== expectedPair) {
    const from = 1900 + actualPair * 100;
    problems.push({
      reason: 'century',
      vi: `Chữ số thứ 4 là "${g}", nghĩa là sinh trong khoảng ${from}–${from + 99}, nhưng ngày sinh trên tờ khai là năm ${birthYear} (phải là ${expectedDigit}).`,
      en: `Digit 4 is "${g}" (born ${from}–${from + 99}) but the form says ${birthYear}; expected ${expectedDigit}.`,
    });
  } else if (actualSex !== sex) {
    problems.push({
      reason: 'sex',
      vi: `Chữ số thứ 4 là "${g}", nghĩa là giới tính ${actualSex === 'male' ? 'nam' : 'nữ'}, nhưng tờ khai ghi ${sex === 'male' ? 'nam' : 'nữ'} (phải là ${expectedDigit}).`,
      en: `Digit 4 is "${g}" (${actualSex}) but the form says ${sex}; expected ${expectedDigit}.`,
    });
  }
  if (yy !== String(birthYear % 100).padStart(2, '0')) {
    problems.push({
      reason: 'year',
      vi: `Chữ số thứ 5–6 là "${yy}" nhưng năm sinh trên tờ khai là ${birthYear} (phải là "${String(birthYear % 100).padStart(2, '0')}").`,
      en: `Digits 5–6 are "${yy}" but the birth year on the form is ${birthYear}.`,
    });
  }
  return problems;
}
