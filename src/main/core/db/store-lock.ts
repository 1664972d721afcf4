// One core per store. Two cores on one store — a second window of the app, the app opened under
// another Windows account on a counter PC whose store is machine-wide, the harness started on the
// app's folder — would each number receipts and batches from the same sequences. So the data
// folder has a lock: a small SQLite file held with an exclusive lock (locking_mode=EXCLUSIVE) for
// as long as the core is open. The operating system drops the lock when the process ends, however
// it ends (a crash, a kill, a power cut), so there is no stale lock to wait out at the next start;
// and SQLite's own locking works the same on Windows, Linux and macOS, and between connections of
// one process.
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { OfficeError } from '../../../shared/contract/errors';

export const STORE_LOCK_FILE = 'field-office.lock';

export interface StoreLock {
  release(): void;
}

export function lockStore(dataDir: string): StoreLock {
  const file = join(dataDir, STORE_LOCK_FILE);
  const holder = new Sqlite(file, { timeout: 0 });
  try {
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.pragma('journal_mode = DELETE');
    // The first write takes the exclusive lock; in this locking mode it is kept after the commit.
    holder.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER, since TEXT); DELETE FROM holder;');
    holder.prepare('INSERT INTO holder VALUES (?, ?)').run(process.pid, new Date().toISOString());
    holder.exec('COMMIT');
  } catch (error) {
    holder.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw storeInUse(dataDir);
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      holder.close();
    },
  };
}

function storeInUse(dataDir: string): OfficeError {
  return new OfficeError('CONFLICT', {
    vi: 'Dữ liệu văn phòng đang được mở ở một cửa sổ Field Office khác trên máy này (có thể dưới tài khoản Windows khác). Đóng cửa sổ đó rồi mở lại.',
    en: 'The office data is open in another Field Office window on this computer (perhaps under another Windows account). Close it and open the app again.',
    details: { dataDir },
  });
}
