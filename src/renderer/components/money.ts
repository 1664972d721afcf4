// Money is integer đồng everywhere; this formats it the Vietnamese way (1.234.000 đ).
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatDong(amount: number): string {
  return `${grouping.format(amount)} đ`;
}

/** 'YYYY-MM' → 'MM/YYYY' as printed on Vietnamese forms. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return m && y ? `${m}/${y}` : month;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return d && m && y ? `${d}/${m}/${y}` : date;
}
