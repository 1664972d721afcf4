// The administrative units on this device, as dated reference data (issue 23): the app ships a
// version (resources/reference/admin-units.json, the old communes' table beside it) as the first-run
// default, and the central publishes newer ones, pulled with the other changes. The store keeps the
// newest version it has seen; the old communes' table goes with the version it came with, noted as
// `<units version>/sha256:<16 hex>` so a shipped table edited within one version still replaces
// its earlier copy, and a version pulled without a table keeps the one the store has.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { parseAdminUnits } from '../../../shared/domain/admin-units';
import type { LegacyCommuneRow } from '../../../shared/domain/legacy-communes';
import { legacyCommunesVersion, storeLegacyCommunes } from '../db/repositories/legacy-communes-repository';
import { adminUnitsVersion, storeAdminUnits } from '../db/repositories/reference-repository';
import type { Database } from '../db/schema';

const legacyVersionOf = (unitsVersion: string, csv: string) => `${unitsVersion}/sha256:${createHash('sha256').update(csv).digest('hex').slice(0, 16)}`;

/** Whether a table noted `candidate` replaces the one noted `stored` (a table of an older release, noted by its hash alone, always is replaced). */
function replacesLegacy(candidate: string, stored: string | null): boolean {
  if (stored === null) return true;
  if (stored === candidate) return false;
  const units = (v: string) => (v.includes('/') ? v.slice(0, v.indexOf('/')) : '');
  return units(candidate) >= units(stored);
}

/** Writes a units document (already parsed) and its legacy table when each is newer than the store's; returns what it wrote. */
async function storeVersion(trx: Transaction<Database>, parsed: ReturnType<typeof parseAdminUnits>, at: string): Promise<{ units: boolean; legacy: boolean }> {
  const { units, legacy } = parsed;
  const current = await adminUnitsVersion(trx);
  const newerUnits = current === null || units.version > current;
  if (newerUnits) await storeAdminUnits(trx, units, at);
  let wroteLegacy = false;
  if (legacy && units.legacyCsv !== undefined && (newerUnits || units.version === current)) {
    const version = legacyVersionOf(units.version, units.legacyCsv);
    if (replacesLegacy(version, await legacyCommunesVersion(trx))) {
      await storeLegacyCommunes(trx, legacy as LegacyCommuneRow[], version, at);
      wroteLegacy = true;
    }
  }
  return { units: newerUnits, legacy: wroteLegacy };
}

/** At start: the shipped units and old communes' table, where the store holds nothing newer. */
export async function loadShippedAdminUnits(db: Kysely<Database>, resourcesDir: string, at: string): Promise<{ units: boolean; legacy: boolean }> {
  const body = {
    ...(JSON.parse(readFileSync(join(resourcesDir, 'reference', 'admin-units.json'), 'utf8')) as Record<string, unknown>),
    legacyCsv: readFileSync(join(resourcesDir, 'reference', 'legacy-63-to-34-2025.csv'), 'utf8'),
  };
  const parsed = parseAdminUnits(body);
  return db.transaction().execute((trx) => storeVersion(trx, parsed, at));
}

/** A version published at the central, applied in the pull page's transaction (a malformed one throws: a permanent sync error). */
export async function applyPulledAdminUnits(trx: Transaction<Database>, body: unknown, at: string): Promise<void> {
  await storeVersion(trx, parseAdminUnits(body), at);
}
