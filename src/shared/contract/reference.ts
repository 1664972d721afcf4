// Reference data the clerk picks from: provinces and communes (34 / 3 321 since 1 Jul 2025), and
// the old (63-province) communes an address on old papers names.
import { z } from 'zod';
import { says } from './input-messages';
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

/** An address as on old papers (63 provinces), typed without accents: "phuc xa ba dinh ha noi". */
export const legacyCommunesInput = z.object({
  query: z
    .string()
    .trim()
    .min(2, says('Nhập tên xã/phường cũ, huyện/quận và tỉnh như trên giấy tờ cũ.', 'Type the old commune, district and province as on the old papers.'))
    .max(120, says('Địa chỉ tìm kiếm quá dài.', 'The address searched is too long.')),
  limit: z.number().int().min(1).max(50).default(20),
});

/** An old commune and a 2025 commune it went to; `divided`: one of several, the clerk chooses. */
export const legacyCommuneMatch = z.object({
  legacyProvince: z.string(),
  legacyDistrict: z.string(),
  legacyCommune: z.string(),
  legacyCommuneCode: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  commune: z.string(),
  divided: z.boolean(),
});
export type LegacyCommuneMatch = z.infer<typeof legacyCommuneMatch>;
