// Shared zod building blocks for the contract: dates, ids, codes. Messages are Vietnamese first;
// the core turns zod issues into a VALIDATION OfficeError naming the field.
import { z } from 'zod';
import { says } from './input-messages';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('Ngày phải có dạng YYYY-MM-DD.', 'A date is written YYYY-MM-DD.'))
  .refine((s) => isRealDate(s), says('Ngày không tồn tại.', 'That date does not exist.'));

export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, says('Tháng phải có dạng YYYY-MM.', 'A month is written YYYY-MM.'));

export const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, says('Mã định danh bản ghi không hợp lệ.', 'The record id is not valid.'));

export const provinceCode = z.string().regex(/^\d{2}$/, says('Mã tỉnh gồm 2 chữ số.', 'A province code has 2 digits.'));
export const communeCode = z.string().regex(/^\d{5}$/, says('Mã xã gồm 5 chữ số.', 'A commune code has 5 digits.'));

export const roles = ['supervisor', 'counter', 'field'] as const;
export const role = z.enum(roles);
export type Role = (typeof roles)[number];

/** Integer đồng; money never carries fractions. */
export const dong = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `s` is written YYYY-MM-DD: ten characters, digits but for the two hyphens. */
function isDateShaped(s: string): boolean {
  if (s.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

export function isRealDate(s: string): boolean {
  // YYYY-MM-DD, as every date of the contract is written, read without splitting (the central
  // checks thousands a batch): the same answer as below. Years 1–99, which Date.UTC takes as
  // 1901–1999, are leap years in both readings exactly when divisible by 4.
  if (isDateShaped(s)) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    if (y === 0 || m < 1 || m > 12 || d < 1) return false;
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
  }
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d || m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}
