// Dates as the office reads them: an instant is shown on its day at UTC+7 (the office's day), a
// void at 06:30 in the morning on that day — not on the day before, as its UTC date would say.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatDong, formatMonth } from '../../src/renderer/components/money';

describe('office dates and money', () => {
  it.each([
    ['2026-03-02T23:30:00.000Z', '03/03/2026'], // 06:30 on 3 March in Vietnam
    ['2026-03-03T16:59:59.000Z', '03/03/2026'], // 23:59:59 on 3 March
    ['2026-03-03T17:00:00.000Z', '04/03/2026'], // midnight: the next day
    ['2026-12-31T18:00:00.000Z', '01/01/2027'],
  ])('shows the instant %s on the office day %s', (instant, day) => {
    expect(formatDay(instant)).toBe(day);
  });

  it('formats calendar dates, months and đồng the Vietnamese way', () => {
    expect(formatDate('2026-03-02')).toBe('02/03/2026');
    expect(formatMonth('2026-07')).toBe('07/2026');
    expect(formatDong(1_122_000)).toBe('1.122.000 đ');
    expect(formatDong(-264_000)).toBe('-264.000 đ');
  });
});
