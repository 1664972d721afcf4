// Shared zod building blocks for the contract: dates, ids, codes. Messages are Vietnamese first;
// the core turns zod issues into a VALIDATION OfficeError naming the field.
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày phải có dạng YYYY-MM-DD.' })
  .refine((s) => isRealDate(s), { message: 'Ngày không tồn tại.' });

export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Tháng phải có dạng YYYY-MM.' });

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'Mã định danh bản ghi không hợp lệ.',
});

export const provinceCode = z.string().regex(/^\d{2}$/, { message: 'Mã tỉnh gồm 2 chữ số.' });
export const communeCode = z.string().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số.' });

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
