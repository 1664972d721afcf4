// The device's one sync-state row: its enrollment with the central (URL, device id, keys), the
// next batch number, the pull cursor, and how the last run went (for backoff and the status bar).
// SQL only; the sync engine and the sync services decide.
import { clearPaidThrough } from './paid-through-repository';
import type { Kysely, Transaction } from 'kysely';
import type { Database, SyncStateTable } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export function readSyncState(db: Db): Promise<SyncStateTable> {
  return db.selectFrom('syncState').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Where the central is and who this device is there (null before enrollment). */
export function centralAddress(db: Db): Promise<{ centralUrl: string | null; centralDeviceId: string | null }> {
  return db.selectFrom('syncState').select(['centralUrl', 'centralDeviceId']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Where the app's updates come from: the central, whether enrolled, and the channel it set for this office. */
export function updateSource(db: Db): Promise<{ centralUrl: string | null; enrolledAt: string | null; updateChannel: 'pilot' | 'stable' }> {
  return db.selectFrom('syncState').select(['centralUrl', 'enrolledAt', 'updateChannel']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** The central moved an office to another release channel: kept if it is this office. */
export async function followUpdateChannel(db: Db, officeCode: string, channel: 'pilot' | 'stable'): Promise<void> {
  await db
    .updateTable('syncState')
    .set({ updateChannel: channel })
    .where('id', '=', 1)
    .where(({ exists, selectFrom }) => exists(selectFrom('office').select('code').where('code', '=', officeCode)))
    .execute();
}

export async function recordEnrollment(
  db: Db,
  enrollment: Pick<SyncStateTable, 'centralUrl' | 'centralDeviceId' | 'publicKey' | 'centralPublicKey' | 'centralSealingRecipient' | 'enrolledAt'>,
): Promise<void> {
  await db.updateTable('syncState').set(enrollment).where('id', '=', 1).execute();
}

/** Takes the next batch number (inside the transaction that records the batch). */
export async function takeBatchNumber(trx: Transaction<Database>): Promise<number> {
  const state = await trx.selectFrom('syncState').select('nextBatchNo').where('id', '=', 1).executeTakeFirstOrThrow();
  await trx
    .updateTable('syncState')
    .set({ nextBatchNo: state.nextBatchNo + 1 })
    .where('id', '=', 1)
    .execute();
  return state.nextBatchNo;
}

export async function savePullCursor(db: Db, cursor: string | null, at: string): Promise<void> {
  await db.updateTable('syncState').set({ pullCursor: cursor, lastPullAt: at }).where('id', '=', 1).execute();
}

export async function recordRunSucceeded(db: Db, at: string): Promise<void> {
  await db.updateTable('syncState').set({ lastSuccessAt: at, lastPushAt: at, lastError: null, failures: 0, nextAttemptAt: null }).where('id', '=', 1).execute();
}

export async function recordRunFailed(db: Db, failure: { lastError: string; failures: number; nextAttemptAt: string }): Promise<void> {
  await db.updateTable('syncState').set(failure).where('id', '=', 1).execute();
}

/**
 * A restored copy is a new device (restored-copy.ts): no device id, key or enrollment, batches
 * from 1, no cursor. The central's address stays, for the supervisor's new enrollment.
 */
export async function forgetDevice(db: Db): Promise<void> {
  await db
    .updateTable('syncState')
    // …and it fills the office's picture again, as any new device does (ADR 0026).
    .set({
      centralDeviceId: null,
      publicKey: null,
      enrolledAt: null,
      nextBatchNo: 1,
      pullCursor: null,
      lastError: null,
      pictureState: 'none',
      pictureCursor: null,
      pictureProgress: null,
    })
    .where('id', '=', 1)
    .execute();
}

/** Where the office picture's first fill stands (ADR 0026). */
export function readPicture(db: Db): Promise<Pick<SyncStateTable, 'pictureState' | 'pictureCursor' | 'pictureProgress'>> {
  return db.selectFrom('syncState').select(['pictureState', 'pictureCursor', 'pictureProgress']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * A picture page is in: its cursor and progress, in the page's transaction. With the last page, a
 * device that does not follow the feed yet takes it up where the picture stands (`since`).
 */
export async function savePicturePage(trx: Transaction<Database>, page: { cursor: string | null; progress: string; since: number }): Promise<void> {
  const done = page.cursor === null;
  await trx
    .updateTable('syncState')
    .set({ pictureState: done ? 'done' : 'filling', pictureCursor: page.cursor, pictureProgress: page.progress })
    .where('id', '=', 1)
    .execute();
  if (done)
    await trx
      .updateTable('syncState')
      .set({ pullCursor: String(page.since) })
      .where('id', '=', 1)
      .where('pullCursor', 'is', null)
      .execute();
}

export async function restartPicture(db: Db): Promise<void> {
  await clearPaidThrough(db);
  await db.updateTable('syncState').set({ pictureState: 'none', pictureCursor: null, pictureProgress: null }).where('id', '=', 1).execute();
}
