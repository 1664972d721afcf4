// Amounts on receipts: Vietnamese words (mốt/lăm/tư/linh, nghìn/triệu/tỷ) and dotted figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, formatDong } from '../../src/shared/domain/amount-in-words';

describe('amount in Vietnamese words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [14, 'Mười bốn đồng'],
    [11, 'Mười một đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [105_300, 'Một trăm linh năm nghìn ba trăm đồng'],
    [264_000, 'Hai trăm sáu mươi tư nghìn đồng'],
    [4_043_520, 'Bốn triệu không trăm bốn mươi ba nghìn năm trăm hai mươi đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [10_296_000, 'Mười triệu hai trăm chín mươi sáu nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [2_500_000_001, 'Hai tỷ năm trăm triệu không trăm linh một đồng'],
  ])('reads %i as "%s"', (n, words) => {
    expect(amountInWords(n)).toBe(words);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });

  it('always capitalises the first letter and ends in "đồng", with single spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        const words = amountInWords(n);
        expect(words[0]).toBe(words[0]!.toUpperCase());
        expect(words.endsWith(' đồng')).toBe(true);
        expect(words).not.toMatch(/\s{2}/);
      }),
    );
  });
});

describe('amount in figures', () => {
  it.each([
    [0, '0 đ'],
    [999, '999 đ'],
    [105_300, '105.300 đ'],
    [46_800_000, '46.800.000 đ'],
    [-4_043_520, '-4.043.520 đ'],
  ])('formats %i as "%s"', (n, text) => {
    expect(formatDong(n)).toBe(text);
  });
});
