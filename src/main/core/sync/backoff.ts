// Exponential backoff with full jitter: the first retry within 5 s, doubling to a 10-minute cap,
// so a fleet of offices coming back online does not hit the central service in step.
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 10 * 60_000;

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
  return Math.floor(random() * ceiling);
}
