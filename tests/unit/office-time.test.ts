// Time as the office reads it (issue 25 item 8): an instant on screen is at Vietnam time whatever
// zone the laptop is in — a staff account made at 20:00 is that day's, not the UTC day before —
// and "today" is the core's day once the page has followed the core's clock, not this machine's.
import { afterEach, describe, expect, it } from 'vitest';
import { followCoreClock, officeDate, officeDateTime, officeToday, officeWhen } from '../../src/renderer/components/office-time';

afterEach(() => followCoreClock(new Date().toISOString()));

describe('office time', () => {
  it.each([
    ['2026-03-03T13:00:00.000Z', '03/03/2026', '20:00 03/03/2026'], // 20:00 in Vietnam, 3 March
    ['2026-03-02T17:30:00.000Z', '03/03/2026', '00:30 03/03/2026'], // just past midnight: 2 March in UTC
    ['2026-03-03T16:59:00.000Z', '03/03/2026', '23:59 03/03/2026'],
    ['2026-03-03T17:00:00.000Z', '04/03/2026', '00:00 04/03/2026'],
  ])('shows %s on the office day %s at %s', (instant, day, dayTime) => {
    expect(officeDate(instant)).toBe(day);
    expect(officeDateTime(instant)).toBe(dayTime);
  });

  it('takes today from the core’s clock, not the machine’s', () => {
    followCoreClock('2026-03-03T16:30:00.000Z'); // 23:30 on 3 March at the office
    expect(officeToday()).toBe('2026-03-03');
    expect(officeWhen('2026-03-03T02:00:00.000Z', 'never')).toBe('09:00');
    expect(officeWhen('2026-03-02T02:00:00.000Z', 'never')).toBe('09:00 02/03/2026');
    expect(officeWhen(null, 'never')).toBe('never');
    followCoreClock('2026-03-03T17:00:00.000Z'); // midnight: the office's next day
    expect(officeToday()).toBe('2026-03-04');
  });
});
