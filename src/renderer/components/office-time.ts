// Time as the office reads it. Every instant on screen is shown at Vietnam time (UTC+7, the core's
// business-date rule) whatever zone the laptop is set to, and "now" and "today" are the core's:
// the session carries the core's clock reading, and the difference to this machine's clock is kept
// here, so the harness's --clock-start (or a laptop whose clock is off) shows the core's day on
// every page.
import { businessDate, VIETNAM_OFFSET_MS } from '../../shared/domain/business-date';

let skewMs = 0;

/** Takes the core's reading of its clock (`session.clock.now`); later calls of officeNow() follow it. */
export function followCoreClock(coreNow: string): void {
  const at = Date.parse(coreNow);
  if (!Number.isNaN(at)) skewMs = at - Date.now();
}

/** The core's "now", as far as this screen knows it. */
export function officeNow(): Date {
  return new Date(Date.now() + skewMs);
}

/** The office's business date today, 'YYYY-MM-DD'. */
export function officeToday(): string {
  return businessDate(officeNow());
}

/** An instant's parts at the office: 'YYYY-MM-DD' and 'HH:mm'. */
function parts(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** 'HH:mm DD/MM/YYYY' at the office. */
export function officeDateTime(iso: string): string {
  const p = parts(iso);
  return `${p.time} ${dmy(p.date)}`;
}

/** 'HH:mm' at the office. */
export function officeTime(iso: string): string {
  return parts(iso).time;
}

/** 'HH:mm:ss' at the office (a draft saved a moment ago). */
export function officeTimeSeconds(iso: string): string {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(11, 19);
}

/** The office's calendar date of an instant, 'DD/MM/YYYY' (a void at 06:30 is that day's, not the day before). */
export function officeDate(iso: string): string {
  return dmy(parts(iso).date);
}

/** 'HH:mm' when the instant is on the office's today, else 'HH:mm DD/MM/YYYY'; `never` for none. */
export function officeWhen(iso: string | null, never: string): string {
  if (!iso) return never;
  return parts(iso).date === officeToday() ? officeTime(iso) : officeDateTime(iso);
}
