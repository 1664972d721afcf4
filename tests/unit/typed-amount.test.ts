// Money typed at the counter is read as the clerk meant it, or refused with a reason: never as 0,
// never as the digits that happen to be in it ("2tr" was once 2 đ, "abc" 0 đ).
import { describe, expect, it } from 'vitest';
import { groupDigits, parseTypedCount, parseTypedDong, regroupWhileTyping } from '../../src/shared/domain/typed-amount';

describe('parseTypedDong', () => {
  it.each([
    ['3.000.000', 3_000_000],
    ['3000000', 3_000_000],
    ['3 000 000', 3_000_000],
    ['3,000,000', 3_000_000],
    ['3.000.000 đ', 3_000_000],
    ['2tr', 2_000_000],
    ['2 tr', 2_000_000],
    ['2 triệu', 2_000_000],
    ['2 TRIỆU', 2_000_000],
    ['2 trieu', 2_000_000],
    ['2,5tr', 2_500_000],
    ['1.5 triệu', 1_500_000],
    ['500k', 500_000],
    ['500 nghìn', 500_000],
    ['750 ngàn đồng', 750_000],
    ['1,25 tỷ', 1_250_000_000],
    ['0', 0],
  ])('reads "%s" as %i đồng', (text, value) => {
    expect(parseTypedDong(text)).toEqual({ ok: true, value });
  });

  it('reads nothing typed as no amount', () => {
    expect(parseTypedDong('  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['hai triệu', 'words'],
    ['abc', 'words'],
    ['0ai triệu', 'not-a-number'],
    ['2.5.0', 'not-a-number'],
    ['30.00.000', 'not-a-number'],
    ['2tr5', 'not-a-number'],
    ['-500000', 'not-a-number'],
    ['2.5', 'not-whole'],
    ['1,2345 nghìn', 'not-whole'],
    ['99999999999999', 'too-large'],
  ])('refuses "%s" (%s)', (text, problem) => {
    expect(parseTypedDong(text)).toEqual({ ok: false, problem });
  });
});

describe('parseTypedCount', () => {
  it('reads digits and refuses anything else, never clamping', () => {
    expect(parseTypedCount('99')).toEqual({ ok: true, value: 99 });
    expect(parseTypedCount('')).toEqual({ ok: true, value: null });
    expect(parseTypedCount('3 tháng')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseTypedCount('ba')).toEqual({ ok: false, problem: 'words' });
  });
});

describe('grouping while typing', () => {
  it('groups digits in threes with dots', () => {
    expect(groupDigits(3_000_000)).toBe('3.000.000');
    expect(groupDigits(500)).toBe('500');
  });

  it('regroups as digits arrive and keeps the caret after the same digit', () => {
    expect(regroupWhileTyping('3000', 4)).toEqual({ text: '3.000', caret: 5 });
    expect(regroupWhileTyping('3.0000', 6)).toEqual({ text: '30.000', caret: 6 });
    // A digit typed in the middle: the caret stays right after it.
    expect(regroupWhileTyping('1.5000.000', 3)).toEqual({ text: '15.000.000', caret: 2 });
    expect(regroupWhileTyping('0002', 4)).toEqual({ text: '2', caret: 1 });
  });

  it('leaves a unit being typed as it is', () => {
    expect(regroupWhileTyping('2t', 2)).toEqual({ text: '2t', caret: 2 });
    expect(regroupWhileTyping('2,5', 3)).toEqual({ text: '2,5', caret: 3 });
  });
});
