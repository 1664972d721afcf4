// When the console's alert on guessing shows (ADR 0044), from the refused sign-ins' per-day rows
// (UTC+7): many refusals since yesterday, or any account locked. Kept apart from the component so
// the rule is tested without a browser.
import type { SignInFailureRow } from '../../shared/console/console-api';

/** Refusals since yesterday (UTC+7) from which the alert shows, though no account was locked. */
export const ALERT_REFUSALS = 20;
const DAY = 86_400_000;

/** What the alert says about `rows` at `now`: null when there is nothing to alert on. */
export function signInAlertFigures(rows: readonly SignInFailureRow[], now: Date) {
  const vietnamDay = (offset: number) => new Date(now.getTime() + 7 * 3_600_000 - offset * DAY).toISOString().slice(0, 10);
  const days = new Set([vietnamDay(0), vietnamDay(1)]);
  const recent = rows.filter((r) => days.has(r.day));
  const failures = recent.reduce((n, r) => n + r.failures, 0);
  const locks = recent.reduce((n, r) => n + (r.known ? r.locks : 0), 0);
  const names = new Set(recent.filter((r) => r.username !== '*').map((r) => r.username)).size;
  if (failures < ALERT_REFUSALS && locks === 0) return null;
  return { failures, locks, names };
}
