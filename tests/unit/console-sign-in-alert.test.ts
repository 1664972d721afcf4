// The console's alert on guessing (ADR 0044): from the refused sign-ins' per-day rows, it shows
// for many refusals since yesterday (UTC+7) or any account's lock, and not for a few wrong
// passwords or for older days.
import { describe, expect, it } from 'vitest';
import { ALERT_REFUSALS, signInAlertFigures } from '../../src/console/layout/sign-in-alert-figures';
import type { SignInFailureRow } from '../../src/shared/console/console-api';

// 00:30 on 7 December in Việt Nam is still the 6th in UTC: the days are Việt Nam's.
const NOW = new Date('2026-12-06T17:30:00Z');
const row = (day: string, username: string, failures: number, more: Partial<SignInFailureRow> = {}): SignInFailureRow => ({
  day,
  username,
  known: false,
  failures,
  locks: 0,
  firstAt: `${day}T01:00:00Z`,
  lastAt: `${day}T02:00:00Z`,
  ...more,
});

describe('the alert on refused console sign-ins', () => {
  it('stays quiet for a few wrong passwords, and for many that are older than yesterday', () => {
    expect(signInAlertFigures([], NOW)).toBeNull();
    expect(signInAlertFigures([row('2026-12-07', 'lan', 3, { known: true })], NOW)).toBeNull();
    expect(signInAlertFigures([row('2026-12-05', 'admin', 500)], NOW)).toBeNull();
    expect(signInAlertFigures([row('2026-12-07', 'admin', ALERT_REFUSALS - 1)], NOW)).toBeNull();
    // A made-up name's "locks" are not an account's.
    expect(signInAlertFigures([row('2026-12-07', 'admin', 5, { locks: 1 })], NOW)).toBeNull();
  });

  it('shows for many refusals since yesterday, summed over names, the other-names row counted but not as a name', () => {
    const rows = [row('2026-12-07', 'admin', 8), row('2026-12-06', 'root', 7), row('2026-12-06', '*', ALERT_REFUSALS - 15), row('2026-12-05', 'x', 100)];
    expect(signInAlertFigures(rows, NOW)).toEqual({ failures: ALERT_REFUSALS, locks: 0, names: 2 });
  });

  it('shows for one account locked, however few the refusals', () => {
    expect(signInAlertFigures([row('2026-12-06', 'dung', 5, { known: true, locks: 1 })], NOW)).toEqual({ failures: 5, locks: 1, names: 1 });
  });
});
