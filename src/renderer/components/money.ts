// Money is integer đồng everywhere; this formats it the Vietnamese way (1.234.000 đ).
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatDong(amount: number): string {
  return `${grouping.format(amount)} đ`;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export { vietnameseDate as formatDate } from '../../shared/domain/business-date';

/** 'YYYY-MM' → 'MM/YYYY' as printed on Vietnamese forms. */
export { vietnameseMonth as formatMonth } from '../../shared/domain/business-date';
