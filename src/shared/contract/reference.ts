// Reference data the clerk picks from: provinces and communes (34 / 3 321 since 1 Jul 2025).
import { z } from 'zod';
import { provinceCode } from './primitives';

export const province = z.object({ code: z.string(), name: z.string(), fullName: z.string() });
export const commune = z.object({
  code: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  fullName: z.string(),
});
export type Province = z.infer<typeof province>;
export type Commune = z.infer<typeof commune>;

export const communesInput = z.object({ provinceCode });
