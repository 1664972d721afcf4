// The administrative units at the central, as dated reference data (issue 23): the app's shipped
// document is stored when the central starts (no feed change: every office has it shipped); a
// newer one — a reorganisation, a commune recognised as an island commune — is published with
// `admin publish-units --file units.json [--legacy legacy.csv]`, stored and put on the pull feed
// nation-wide in one transaction, so every office takes it as a data update, not a release. The
// newest version's commune statuses are what the central derives support with (commune-statuses.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import { parseAdminUnits } from '../shared/domain/admin-units';
import { CentralError } from './central-error';
import { queueCentralChange } from './changes-feed';
import type { CentralDb } from './db/schema';

/** The newest version the central holds, or null. */
export async function newestAdminUnitsVersion(db: Kysely<CentralDb>): Promise<string | null> {
  const row = await db.selectFrom('adminUnits').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row?.version ?? null;
}

/** The shipped document (its JSON and the legacy CSV beside it), as one body. */
export function shippedAdminUnits(resourcesDir: string): Record<string, unknown> {
  const units = JSON.parse(readFileSync(join(resourcesDir, 'reference', 'admin-units.json'), 'utf8')) as Record<string, unknown>;
  return { ...units, legacyCsv: readFileSync(join(resourcesDir, 'reference', 'legacy-63-to-34-2025.csv'), 'utf8') };
}

/** Stores the shipped document when the central holds no version as new; not put on the feed. */
export async function seedAdminUnits(db: Kysely<CentralDb>, resourcesDir: string): Promise<void> {
  const body = shippedAdminUnits(resourcesDir);
  const { units } = parseAdminUnits(body);
  const newest = await newestAdminUnitsVersion(db);
  if (newest !== null && newest >= units.version) return;
  await db
    .insertInto('adminUnits')
    .values({ version: units.version, body: JSON.stringify(body) })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

/**
 * Publishes a newer units document to every office. Refused with the reason when it is malformed
 * (a commune listed twice, a status for a commune it does not list, a legacy line that is not ten
 * plain fields) or not newer than the newest the central holds.
 */
export async function publishAdminUnits(
  db: Kysely<CentralDb>,
  body: unknown,
): Promise<{ version: string; communes: number; statuses: number; legacyRows: number | null }> {
  let parsed: ReturnType<typeof parseAdminUnits>;
  try {
    parsed = parseAdminUnits(body);
  } catch (error) {
    const detail = error instanceof ZodError ? `${error.issues[0]!.path.join('.') || 'tệp'}: ${error.issues[0]!.message}` : (error as Error).message;
    throw new CentralError(
      400,
      'VALIDATION',
      `Tệp đơn vị hành chính không hợp lệ (${detail}).`,
      `Invalid administrative units file (${detail}).`,
      undefined,
      'file',
    );
  }
  const { units, legacy } = parsed;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).forUpdate().execute();
    const newest = await trx.selectFrom('adminUnits').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (newest && newest.version >= units.version) {
      throw new CentralError(
        409,
        'CONFLICT',
        `Phiên bản ${units.version} không mới hơn phiên bản trung tâm đang có (${newest.version}).`,
        `Version ${units.version} is not newer than the central's ${newest.version}.`,
        undefined,
        'version',
      );
    }
    await trx
      .insertInto('adminUnits')
      .values({ version: units.version, body: JSON.stringify(body) })
      .execute();
    await queueCentralChange(trx, { kind: 'reference.admin-units', payload: { version: units.version, body } }, null);
    return {
      version: units.version,
      communes: units.provinces.reduce((sum, p) => sum + p.communes.length, 0),
      statuses: units.communeStatuses.length,
      legacyRows: legacy?.length ?? null,
    };
  });
}
