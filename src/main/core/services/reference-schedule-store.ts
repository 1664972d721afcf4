// The contribution-rate schedule: shipped in resources/reference/contribution-rates.json, kept in
// the store by version (sync brings newer ones), and the newest version is the one in use. Each
// contribution records the version it was computed with, so later versions never recompute it.
import { readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { parseSchedule, type ReferenceSchedule } from '../../../shared/domain/reference-schedule';
import { preparedQuery } from '../db/prepared-query';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const cache = new Map<string, ReferenceSchedule>();

export async function storeSchedule(db: Db, body: unknown, at: string): Promise<boolean> {
  const schedule = parseSchedule(body);
  const existing = await db.selectFrom('referenceSchedules').select('version').where('version', '=', schedule.version).executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('referenceSchedules')
    .values({ version: schedule.version, body: JSON.stringify(body), loadedAt: at })
    .execute();
  return true;
}

export async function loadShippedSchedule(db: Db, file: string, at: string): Promise<boolean> {
  return storeSchedule(db, JSON.parse(readFileSync(file, 'utf8')), at);
}

const newestVersion = preparedQuery<Record<string, never>, { version: string }>((db) =>
  db.selectFrom('referenceSchedules').select('version').orderBy('version', 'desc').limit(1),
);

export async function activeSchedule(db: Db): Promise<ReferenceSchedule> {
  // The body is read (and parsed) only once per version, not on every quote.
  const row = await newestVersion.executeTakeFirst(db, {});
  if (!row) {
    throw new OfficeError('NOT_FOUND', { vi: 'Chưa có bảng mức đóng (dữ liệu tham chiếu).', en: 'No contribution-rate schedule is loaded.' });
  }
  let schedule = cache.get(row.version);
  if (!schedule) {
    const { body } = await db.selectFrom('referenceSchedules').select('body').where('version', '=', row.version).executeTakeFirstOrThrow();
    schedule = parseSchedule(JSON.parse(body));
    cache.set(row.version, schedule);
  }
  return schedule;
}
