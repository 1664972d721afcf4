// Old addresses onto today's communes (reference.legacyCommunes): the matcher's index over the
// store's legacy-commune table, built once per version of the table and kept for the process.
import { type LegacyCommuneMatch, type LegacyIndex, indexLegacyCommunes, matchLegacyCommunes } from '../../../shared/domain/legacy-communes';
import type { CoreContext } from '../core-context';
import { allLegacyCommunes, legacyCommunesVersion } from '../db/repositories/legacy-communes-repository';

let cached: { version: string; index: LegacyIndex } | null = null;

/** The matcher's index over the store's table as it stands (rebuilt when a new version came in). */
export async function legacyIndex(ctx: CoreContext): Promise<LegacyIndex> {
  const version = (await legacyCommunesVersion(ctx.db)) ?? 'none';
  if (cached?.version !== version) cached = { version, index: indexLegacyCommunes(await allLegacyCommunes(ctx.db)) };
  return cached.index;
}

export async function findLegacyCommunes(ctx: CoreContext, query: string, limit: number): Promise<{ items: LegacyCommuneMatch[] }> {
  return { items: matchLegacyCommunes(await legacyIndex(ctx), query, limit) };
}
