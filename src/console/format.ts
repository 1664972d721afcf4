// How the console writes money, days and instants: the office app's formats (1.234.000 đ,
// DD/MM/YYYY) and instants at the offices' time (UTC+7), whatever the reviewer's computer says.
export { formatDate, formatDong } from '../renderer/components/money';

const instant = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant → 'DD/MM/YYYY HH:mm' in Vietnam; '—' for none. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const parts = Object.fromEntries(instant.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A hash shortened for a table cell: its first 12 characters. */
export const shortHash = (hash: string) => (hash.length > 12 ? `${hash.slice(0, 12)}…` : hash);

/** 'YYYYMM' or 'YYYY-MM' → 'MM/YYYY'. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-?(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** A period as the central writes it ('2026-01–2026-03', '202601-202603', '2026-01') → '01/2026 – 03/2026'. */
export function formatPeriod(period: string): string {
  const months = period.match(/\d{4}-?\d{2}(?!\d)/g);
  if (!months || months.length === 0) return period;
  const [from, to] = [months[0]!, months[months.length - 1]!].map(formatMonth);
  return from === to ? from! : `${from} – ${to}`;
}
