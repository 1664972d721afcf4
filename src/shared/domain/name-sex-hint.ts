// What a Vietnamese name suggests about the person's sex, to catch a personal ID mistyped in its
// fourth digit (the one that carries the sex): a middle name "Thị" is given to women, "Văn" to
// men. Only a hint to check the papers — names are the family's choice and some break the habit —
// so it warns, never refuses.
import { foldName } from './name-folding';
import type { Sex } from './personal-id';

/** The sex the middle name(s) suggest, or null when they suggest none. */
export function sexSuggestedByName(fullName: string): Sex | null {
  const words = foldName(fullName).split(' ').filter(Boolean);
  // Family name first, given name last: only the words between are middle names.
  const middle = words.slice(1, -1);
  if (middle.includes('thi')) return 'female';
  if (middle.includes('van')) return 'male';
  return null;
}
