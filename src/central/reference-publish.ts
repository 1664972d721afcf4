// Reference data the central publishes to every office beside the rate schedules: a province's
// top-ups on the state's support (a resolution of its People's Council, Law 41/2024 art. 6.6),
// merged into the newest published schedule as a new version of it, so a quote names one version
// and the central recomputes it exactly; and the top-ups a newly published schedule would drop
// (a release's shipped schedule knows none) carried onto it. Each publication goes on the pull feed
// nation-wide, in the transaction that stores it.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { parseSchedule, referenceScheduleSchema, type ReferenceSchedule } from '../shared/domain/reference-schedule';
import { CentralError } from './central-error';
import { queueCentralChange } from './changes-feed';
import type { CentralDb } from './db/schema';

type Trx = Transaction<CentralDb>;

/** A file of top-ups: the provinces it lists replace their entries (each series dated; `{}` from a date ends a province's top-ups). */
export const topUpsFileSchema = z.object({ provincialTopUps: referenceScheduleSchema.shape.provincialTopUps.unwrap() }).strict();

/** The newest published schedule (versions order as the offices order them: by text). */
export async function newestSchedule(db: Kysely<CentralDb> | Trx): Promise<ReferenceSchedule | null> {
  const row = await db.selectFrom('referenceSchedules').select('body').orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return parseSchedule(typeof row.body === 'string' ? JSON.parse(row.body) : row.body);
}

/** `2026-07-01.2` → `2026-07-01.2+tu-20261206T221233123Z`: sorts after its base and after earlier top-ups of it. */
export function topUpVersion(base: string, at: Date): string {
  return `${base.replace(/\+tu-.*$/, '')}+tu-${at.toISOString().replace(/[-:.]/g, '')}`;
}

async function storeAndQueue(trx: Trx, schedule: unknown, version: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('referenceSchedules')
    .values({ version, body: JSON.stringify(schedule) })
    .onConflict((oc) => oc.column('version').doNothing())
    .returning('version')
    .executeTakeFirst();
  if (!inserted) return false;
  await queueCentralChange(trx, { kind: 'reference.contribution-rates', payload: { version, body: schedule } }, null);
  return true;
}

/**
 * Publishes a province's (or several provinces') top-ups: the newest schedule with their entries
 * replaced, as a new version every office pulls. Refused with the reason when the file is malformed
 * or no schedule is published yet.
 */
export async function publishProvincialTopUps(db: Kysely<CentralDb>, file: unknown, at = new Date()): Promise<{ version: string; provinces: string[] }> {
  const parsed = topUpsFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CentralError(
      400,
      'VALIDATION',
      `Tệp hỗ trợ thêm của tỉnh không hợp lệ (${issue.path.join('.') || 'tệp'}): ${issue.message}`,
      `Invalid provincial top-ups file (${issue.path.join('.') || 'file'}): ${issue.message}`,
      undefined,
      'file',
    );
  }
  const provinces = Object.keys(parsed.data.provincialTopUps).sort();
  if (provinces.length === 0) throw new CentralError(400, 'VALIDATION', 'Tệp không nêu tỉnh nào.', 'The file names no province.', undefined, 'file');
  return db.transaction().execute(async (trx) => {
    // One publication at a time: the newest version read here is the one the new one builds on.
    await trx.selectFrom('changeCounter').select('value').where('id', '=', 1).forUpdate().execute();
    const base = await newestSchedule(trx);
    if (!base) throw new CentralError(409, 'CONFLICT', 'Chưa có bảng mức đóng nào được công bố.', 'No contribution-rate schedule is published yet.');
    const version = topUpVersion(base.version, at);
    const merged = parseSchedule({ ...base, version, provincialTopUps: { ...base.provincialTopUps, ...parsed.data.provincialTopUps } });
    if (!(await storeAndQueue(trx, merged, version)))
      throw new CentralError(409, 'CONFLICT', `Phiên bản ${version} đã có; thử lại.`, `Version ${version} exists already; try again.`);
    return { version, provinces };
  });
}

/**
 * After a schedule is published: if it is now the newest and leaves out top-ups the one before it
 * had (a release's shipped schedule knows none), the same schedule with those top-ups is published
 * too, as a newer version, so a province's resolution stays in force until the province replaces it.
 * Returns that version, or null when nothing was carried.
 */
export async function carryTopUpsForward(trx: Trx, published: ReferenceSchedule, previous: ReferenceSchedule | null, at = new Date()): Promise<string | null> {
  if (!previous || previous.version >= published.version) return null;
  const missing = Object.entries(previous.provincialTopUps ?? {}).filter(([code]) => !(code in (published.provincialTopUps ?? {})));
  if (missing.length === 0) return null;
  const version = topUpVersion(published.version, at);
  const merged = parseSchedule({ ...published, version, provincialTopUps: { ...Object.fromEntries(missing), ...published.provincialTopUps } });
  return (await storeAndQueue(trx, merged, version)) ? version : null;
}
