// Contribution-rate schedules by version (the schedule service parses them, keeps them parsed and
// decides which is in use). SQL only.
import type { Kysely, Transaction } from 'kysely';
import { preparedQuery } from '../prepared-query';
import type { Database, ReferenceSchedulesTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function scheduleStored(db: Db, version: string): Promise<boolean> {
  return Boolean(await db.selectFrom('referenceSchedules').select('version').where('version', '=', version).executeTakeFirst());
}

export async function insertSchedule(db: Db, row: ReferenceSchedulesTable): Promise<void> {
  await db.insertInto('referenceSchedules').values(row).execute();
}

// Read on every quote: compiled once (ADR 0009).
const newestVersion = preparedQuery<Record<string, never>, { version: string }>((db) =>
  db.selectFrom('referenceSchedules').select('version').orderBy('version', 'desc').limit(1),
);

/** The newest version stored, or undefined before any schedule is loaded. */
export async function newestScheduleVersion(db: Db): Promise<string | undefined> {
  return (await newestVersion.executeTakeFirst(db, {}))?.version;
}

export async function scheduleBody(db: Db, version: string): Promise<string> {
  return (await db.selectFrom('referenceSchedules').select('body').where('version', '=', version).executeTakeFirstOrThrow()).body;
}
