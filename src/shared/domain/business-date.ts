// Vietnam keeps UTC+7 all year (no daylight saving), so the business date of an instant is the
// calendar date at UTC+7 — whatever time zone the laptop happens to be set to.
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function businessDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function businessMonth(instant: Date): string {
  return businessDate(instant).slice(0, 7);
}

/** A date ('YYYY-MM-DD', or the date of an ISO instant) as a Vietnamese reader writes it: 'DD/MM/YYYY'. */
export function vietnameseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return d && m && y ? `${d}/${m}/${y}` : date;
}

/** A month ('YYYY-MM') as Vietnamese forms print it: 'MM/YYYY'. */
export function vietnameseMonth(month: string): string {
  const [y, m] = month.split('-');
  return m && y ? `${m}/${y}` : month;
}

/** A run of months as Vietnamese forms print it: '02/2026', or '02/2026 – 04/2026'. */
export function vietnameseMonthRange(from: string, to: string): string {
  return from === to ? vietnameseMonth(from) : `${vietnameseMonth(from)} – ${vietnameseMonth(to)}`;
}

/** An instant as a Vietnamese reader expects it, at UTC+7: 'DD/MM/YYYY HH:mm'. */
export function vietnamDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}
