// The contribution-rate schedule: shipped in resources/reference/contribution-rates.json, kept in
// the store by version (sync brings newer ones), and the newest version is the one in use. Each
// contribution records the version it was computed with, so later versions never recompute it.
import { readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { OfficeError } from '../../../shared/contract/errors';
import { parseSchedule, type ReferenceSchedule } from '../../../shared/domain/reference-schedule';
import * as schedules from '../db/repositories/reference-schedules-repository';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const cache = new Map<string, ReferenceSchedule>();

export async function storeSchedule(db: Db, body: unknown, at: string): Promise<boolean> {
  const schedule = parseSchedule(body);
  if (await schedules.scheduleStored(db, schedule.version)) return false;
  await schedules.insertSchedule(db, { version: schedule.version, body: JSON.stringify(body), loadedAt: at });
  return true;
}

export async function loadShippedSchedule(db: Db, file: string, at: string): Promise<boolean> {
  return storeSchedule(db, JSON.parse(readFileSync(file, 'utf8')), at);
}

export async function activeSchedule(db: Db): Promise<ReferenceSchedule> {
  // The body is read (and parsed) only once per version, not on every quote.
  const version = await schedules.newestScheduleVersion(db);
  if (!version) {
    throw new OfficeError('NOT_FOUND', { vi: 'Chưa có bảng mức đóng (dữ liệu tham chiếu).', en: 'No contribution-rate schedule is loaded.' });
  }
  let schedule = cache.get(version);
  if (!schedule) {
    schedule = parseSchedule(JSON.parse(await schedules.scheduleBody(db, version)));
    cache.set(version, schedule);
  }
  return schedule;
}
