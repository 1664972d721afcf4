// Vietnam keeps UTC+7 all year (no daylight saving), so the business date of an instant is the
// calendar date at UTC+7 — whatever time zone the laptop happens to be set to.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function businessDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function businessMonth(instant: Date): string {
  return businessDate(instant).slice(0, 7);
}
