// The administrative units as dated reference data: provinces and their communes, each commune's
// dated status (island commune, special zone — a share of VSI support, Decree 159/2025 art. 5) and,
// optionally, the old (63-province) communes each went to (legacy-communes.ts). One document per
// version: the app ships one (resources/reference/admin-units.json with the legacy CSV beside it) as
// the first-run default; the central publishes newer ones (`admin publish-units`) and every office
// pulls them, so a reorganisation of units is a data update, not a release. Versions order as text
// ("2026-07-25.2" < "2027-01-01.1"); a store keeps the newest it has seen.
import { z } from 'zod';
import { type LegacyCommuneRow, parseLegacyCsv } from './legacy-communes';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a YYYY-MM-DD date.' });
const name = z.string().min(1).max(120);

export const communeStatusSchema = z
  .object({
    communeCode: z.string().regex(/^\d{5}$/),
    kind: z.enum(['island', 'special-zone']),
    from: isoDate,
    to: isoDate.nullable(),
    source: z.string().min(1).max(500),
  })
  .strict()
  .refine((s) => s.to === null || s.from <= s.to, { message: 'A status must end after it starts.', path: ['to'] });

export const adminUnitsSchema = z
  .object({
    version: z.string().min(1).max(64),
    source: z.string().max(500).optional(),
    provinces: z
      .array(
        z.object({
          code: z.string().regex(/^\d{2}$/),
          name,
          fullName: name,
          communes: z.array(z.object({ code: z.string().regex(/^\d{5}$/), name, fullName: name })).min(1),
        }),
      )
      .min(1),
    communeStatuses: z.array(communeStatusSchema).default([]),
    /** The old communes → the communes they went to, as the CSV the app ships (legacy-communes.ts); absent: keep the table a store has. */
    legacyCsv: z.string().max(8_000_000).optional(),
  })
  .superRefine((units, ctx) => {
    const communes = new Set<string>();
    for (const p of units.provinces)
      for (const c of p.communes) {
        if (communes.has(c.code)) ctx.addIssue({ code: 'custom', message: `Commune ${c.code} is listed twice.`, path: ['provinces'] });
        communes.add(c.code);
      }
    for (const s of units.communeStatuses)
      if (!communes.has(s.communeCode)) ctx.addIssue({ code: 'custom', message: `Status for unknown commune ${s.communeCode}.`, path: ['communeStatuses'] });
  });

export type AdminUnits = z.output<typeof adminUnitsSchema>;

/** Checks a document and reads its legacy table (throws a ZodError or an Error naming the line). */
export function parseAdminUnits(body: unknown): { units: AdminUnits; legacy: LegacyCommuneRow[] | null } {
  const units = adminUnitsSchema.parse(body);
  return { units, legacy: units.legacyCsv === undefined ? null : parseLegacyCsv(units.legacyCsv) };
}
