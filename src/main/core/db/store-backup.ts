// The store's online backup and the check of the copy before it is sealed. The copy is a
// consistent snapshot taken by a read connection of its own in a worker thread (`VACUUM INTO`):
// the store is encrypted, and SQLite's backup API cannot write an encrypted source to another file
// (it refuses "incompatible source and target"); the snapshot comes out encrypted with the store's
// key, and is given a key of its own before it leaves the worker (ADR 0022). Other calls go on
// meanwhile: WAL lets the store commit while the snapshot reads. Then the copy must open, pass
// SQLite's quick integrity check (about 3 s at a million people, in the worker too) and hold the
// office's people and receipts.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { OfficeError } from '../../../shared/contract/errors';
import { checkCopyFile, runStoreTask } from './copy-check';

/** How often the progress bar hears how far the snapshot has got (its file's size). */
const PROGRESS_EVERY_MS = 100;

/**
 * Copies the store to `destination` under a new key, returned. `onProgress` hears how far it has
 * got in two equal parts: the snapshot (its bytes written against the store's size), then the
 * change of key (one step: SQLite's rekey says nothing until it is done).
 */
export type BackupTo = (destination: string, onProgress?: (doneBytes: number, totalBytes: number) => void) => Promise<{ copyKey: Buffer }>;

export function backupWith(storeFile: string, storeKey: Buffer | null): BackupTo {
  return async (destination, onProgress) => {
    const size = Math.max(1, statSync(storeFile).size);
    const total = 2 * size;
    const ticker = setInterval(() => {
      if (existsSync(destination)) onProgress?.(Math.min(statSync(destination).size, size - 1), total);
    }, PROGRESS_EVERY_MS);
    try {
      await runStoreTask('snapshot', { store: storeFile, keyHex: storeKey?.toString('hex') ?? null, destination });
    } finally {
      clearInterval(ticker);
    }
    onProgress?.(size, total);
    const copyKey = randomBytes(32);
    await runStoreTask('rekey', { file: destination, keyHex: storeKey?.toString('hex') ?? null, newKeyHex: copyKey.toString('hex') });
    onProgress?.(total, total);
    return { copyKey };
  };
}

/**
 * Makes the copy one self-contained file, marks it as a copy (if it is ever opened as an office
 * store, it becomes a new device first), and checks it; the counts say what it holds. A rollback
 * journal, so no `-wal`/`-shm` files beside it (the office turns WAL on again when a restored copy
 * is opened).
 */
export async function sealBackupFile(file: string, takenAt: string, copyKey: Buffer): Promise<{ participants: number; receipts: number }> {
  const { verdict, participants, receipts } = await checkCopyFile(file, { markTakenAt: takenAt, key: copyKey });
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
