// The communes' dated statuses (island commune, special zone) the central derives VSI support
// with, as the offices do: those of the newest administrative-units version it holds (the shipped
// one stored at start, or a newer one published with `admin publish-units`). Read once per batch
// — the version is asked each time, so a publication by another server process counts from the
// next batch —, the statuses themselves once per version.
import { sql, type Transaction } from 'kysely';
import type { CommuneStatus } from '../../shared/domain/support-facts';
import type { CentralDb } from '../db/schema';

const byVersion = new Map<string, readonly CommuneStatus[]>();

export async function newestCommuneStatuses(trx: Transaction<CentralDb>): Promise<readonly CommuneStatus[]> {
  const newest = await trx.selectFrom('adminUnits').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!newest) return [];
  const known = byVersion.get(newest.version);
  if (known) return known;
  const row = await trx
    .selectFrom('adminUnits')
    .select(sql<CommuneStatus[] | string | null>`body->'communeStatuses'`.as('statuses'))
    .where('version', '=', newest.version)
    .executeTakeFirstOrThrow();
  const statuses = (typeof row.statuses === 'string' ? JSON.parse(row.statuses) : (row.statuses ?? [])) as CommuneStatus[];
  byVersion.set(newest.version, statuses);
  return statuses;
}
