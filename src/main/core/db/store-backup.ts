// The store's online backup (SQLite's backup API, page by page between other work) and the check
// of the copy before it is sealed: it must open, pass SQLite's quick integrity check (about 3 s at
// a million people, in a worker thread: db/copy-check.ts) and hold the office's people and receipts.
import { open } from 'node:fs/promises';
import Sqlite from 'better-sqlite3';
import { OfficeError } from '../../../shared/contract/errors';
import { checkCopyFile } from './copy-check';

/** Pages copied per step (better-sqlite3's default): 400 KB, a few milliseconds, then other calls run. */
const PAGES_PER_STEP = 100;

/** Copies the store to `destination`; `onProgress` hears after each step how far it has got. */
export type BackupTo = (destination: string, onProgress?: (copiedPages: number, totalPages: number) => void) => Promise<void>;

export function backupWith(sqlite: Sqlite.Database): BackupTo {
  return async (destination, onProgress) => {
    await sqlite.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
  };
}

/**
 * Makes the copy one self-contained file, marks it as a copy (if it is ever opened as an office
 * store, it becomes a new device first), and checks it; the counts say what it holds. The copy
 * carries the store's WAL mode, so it is switched to a rollback journal first: no `-wal`/`-shm`
 * files beside it on the stick (the office turns WAL on again when a restored copy is opened).
 */
export async function sealBackupFile(file: string, takenAt: string): Promise<{ participants: number; receipts: number }> {
  const { verdict, participants, receipts } = await checkCopyFile(file, { markTakenAt: takenAt });
  if (verdict !== 'ok') {
    throw new OfficeError('FILE_ERROR', {
      field: 'directory',
      vi: 'Bản sao vừa ghi không qua được kiểm tra toàn vẹn. Hãy thử lại hoặc dùng USB khác.',
      en: 'The copy just written failed its integrity check. Try again or use another drive.',
      details: { verdict },
    });
  }
  return { participants, receipts };
}

/**
 * Flushes a written file to the device before it is renamed into place, on the thread pool: for a
 * copy of half a gigabyte the flush holds the caller a third of a second or more.
 */
export async function flushFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
