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

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d || m < 1 || m > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}
