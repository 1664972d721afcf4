// The contract's validation messages, Vietnamese first with the English twin beside it. A schema
// says `says(vi, en)` where zod takes `{ message }`: zod carries the Vietnamese text, and the core's
// VALIDATION error finds the English one here by that text (`englishInputMessage`). A message built
// at run time (naming what was typed) passes its English in the issue's `params.en` instead.
const english = new Map<string, string>();

/** A zod `{ message }` in Vietnamese whose English twin the VALIDATION error carries. */
export function says(vi: string, en: string): { message: string } {
  const known = english.get(vi);
  if (known !== undefined && known !== en) throw new Error(`Two English texts for "${vi}".`);
  english.set(vi, en);
  return { message: vi };
}

/** The English twin of a contract message, if it is one. */
export function englishInputMessage(vi: string): string | undefined {
  return english.get(vi);
}

/** What a zod issue needs from us: its text, where it is, and the English of a run-time message. */
interface InputIssue {
  message: string;
  path: readonly PropertyKey[];
  params?: Record<string, unknown>;
}

const ZOD_OWN_TEXT = /^(Invalid|Expected|Too|Unrecognized)/;

/**
 * A refused input's message in both languages and its dotted field: our own messages with their
 * English twin; zod's built-in (English) texts as a general Vietnamese sentence and, in English,
 * the field with zod's text.
 */
export function inputIssueTexts(issue: InputIssue | undefined): { vi: string; en: string; field: string | undefined } {
  if (!issue) return { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The input is not valid.', field: undefined };
  const field = issue.path.map(String).join('.') || undefined;
  const twin = typeof issue.params?.en === 'string' ? issue.params.en : englishInputMessage(issue.message);
  if (twin !== undefined) return { vi: issue.message, en: twin, field };
  const vi = ZOD_OWN_TEXT.test(issue.message) ? 'Dữ liệu nhập không hợp lệ.' : issue.message;
  return { vi, en: `${field ?? 'input'}: ${issue.message}`, field };
}
