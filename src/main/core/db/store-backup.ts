// The store's online backup (SQLite's backup API, page by page between other work) and the check
// of the copy before it is sealed: it must open, pass SQLite's quick integrity check (synchronous:
// about 3 s at a million people) and hold the office's people and receipts.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { OfficeError } from '../../../shared/contract/errors';

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
 * Makes the copy one self-contained file, marks it as a copy, and checks it; the counts say what it holds. The copy
 * carries the store's WAL mode, so it is switched to a rollback journal first: no `-wal`/`-shm`
 * files beside it on the stick (the office turns WAL on again when a restored copy is opened).
 */
export function sealBackupFile(file: string, takenAt: string): { participants: number; receipts: number } {
  const copy = new Sqlite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    // Marked as a copy: if it is ever opened as an office store, it becomes a new device first.
    copy.prepare('UPDATE office SET copy_taken_at = ?').run(takenAt);
    return checkedContents(copy, (verdict) =>
      new OfficeError('FILE_ERROR', {
        field: 'directory',
        vi: 'Bản sao vừa ghi không qua được kiểm tra toàn vẹn. Hãy thử lại hoặc dùng USB khác.',
        en: 'The copy just written failed its integrity check. Try again or use another drive.',
        details: { verdict },
      }),
    );
  } finally {
    copy.close();
  }
}

/**
 * SQLite's quick integrity check of a copy (refused with the caller's error, given the verdict),
 * then how many people and receipts it holds: the check when a copy is made and when it is opened.
 */
export function checkedContents(copy: Sqlite.Database, refuse: (verdict: string) => OfficeError): { participants: number; receipts: number } {
  const verdict = String(copy.pragma('quick_check', { simple: true }));
  if (verdict !== 'ok') throw refuse(verdict);
  const count = (table: string) => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { participants: count('participants'), receipts: count('receipts') };
}

/** Flushes a written file to the device before it is renamed into place. */
export function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
