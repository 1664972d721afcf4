// The birth dates a typo may have turned the right one into (issue 23 item 6): day and month
// swapped, one digit different; only real dates, none after today, never the date itself.
import { describe, expect, it } from 'vitest';
import { birthDateTypos } from '../../../src/shared/domain/birth-date-typos';

describe('birth dates one typo away', () => {
  const typos = birthDateTypos('1985-03-05', '2026-07-01');

  it.each([
    ['day and month swapped', '1985-05-03'],
    ['one digit of the year', '1965-03-05'],
    ['one digit of the year, the last', '1988-03-05'],
    ['one digit of the day', '1985-03-25'],
    ['one digit of the month', '1985-08-05'],
  ])('includes %s (%s)', (_what, date) => {
    expect(typos).toContain(date);
  });

  it('leaves out the date itself, dates that do not exist and dates after today', () => {
    expect(typos).not.toContain('1985-03-05');
    expect(birthDateTypos('1990-01-31', '2026-07-01')).not.toContain('1990-02-31');
    expect(birthDateTypos('2020-01-15', '2026-07-01')).not.toContain('2920-01-15');
    expect(birthDateTypos('2026-06-15', '2026-07-01')).not.toContain('2026-08-15');
  });

  it('swaps nothing when day and month are the same or the swap is no date', () => {
    expect(birthDateTypos('1980-04-04', '2026-07-01').filter((d) => d === '1980-04-04')).toEqual([]);
    expect(birthDateTypos('1980-04-25', '2026-07-01')).not.toContain('1980-25-04');
  });
});
