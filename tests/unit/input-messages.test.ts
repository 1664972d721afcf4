// The contract's validation messages in two languages: our own with their English twin, a message
// made at run time with the English it carries, zod's own texts with a general Vietnamese sentence.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputIssueTexts, says } from '../../src/shared/contract/input-messages';
import { isoMonth } from '../../src/shared/contract/primitives';

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0];

describe('inputIssueTexts', () => {
  it('finds the English twin of a contract message, with the field', () => {
    const schema = z.object({ period: z.object({ from: isoMonth }) });
    expect(inputIssueTexts(issueOf(schema, { period: { from: '2026-13' } }))).toEqual({
      vi: 'Tháng phải có dạng YYYY-MM.',
      en: 'A month is written YYYY-MM.',
      field: 'period.from',
    });
  });

  it('takes the English a run-time message carries in params.en', () => {
    const schema = z.string().superRefine((text, ctx) => {
      ctx.addIssue({ code: 'custom', message: `"${text}" không dùng được.`, params: { en: `"${text}" cannot be used.` } });
    });
    expect(inputIssueTexts(issueOf(schema, 'xyz'))).toEqual({ vi: '"xyz" không dùng được.', en: '"xyz" cannot be used.', field: undefined });
  });

  it("gives zod's own English a general Vietnamese sentence, and no issue a general pair", () => {
    const texts = inputIssueTexts(issueOf(z.object({ months: z.number() }), { months: 'ba' }));
    expect(texts.vi).toBe('Dữ liệu nhập không hợp lệ.');
    expect(texts.en).toMatch(/^months: Invalid input/);
    expect(inputIssueTexts(undefined)).toEqual({ vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.', field: undefined });
  });

  it('refuses two different English texts for one Vietnamese message', () => {
    says('Một câu để thử.', 'A sentence to try.');
    expect(() => says('Một câu để thử.', 'Another sentence.')).toThrow(/Two English texts/);
  });
});
