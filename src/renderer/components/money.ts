// Money is integer đồng everywhere; this formats it the Vietnamese way (1.234.000 đ), and dates
// and months as Vietnamese forms print them.
import { businessDate, vietnameseDate } from '../../shared/domain/business-date';
const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatDong(amount: number): string {
  return `${grouping.format(amount)} đ`;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export { vietnameseDate as formatDate } from '../../shared/domain/business-date';

/** 'YYYY-MM' → 'MM/YYYY' as printed on Vietnamese forms. */
export { vietnameseMonth as formatMonth } from '../../shared/domain/business-date';

/** An instant (ISO, UTC) → its date at the office (UTC+7), 'DD/MM/YYYY': a void at 06:30 is that day's, not the day before. */
export function formatDay(instant: string): string {
  return vietnameseDate(businessDate(new Date(instant)));
}

/**
 * An amount in words as a printed line: capitalised, and "đồng" kept on the line of the word
 * before it (a lone "đồng" wrapped onto a line of its own on a long amount).
 */
export function wordsForPrint(words: string): string {
  return (words.charAt(0).toLocaleUpperCase('vi') + words.slice(1)).replace(/ (đồng)$/, '\u00a0$1');
}
