// Moves an office store and its keys from one folder to another, once: the per-user store of an
// earlier install into the machine-wide folder of an install for all users (ADR 0023). The keys
// are opened with the old folder's sealer (the user's keychain) and sealed again with the new
// one's (the machine's) before the store is copied; the copy is flushed and renamed into place, and
// only then is the old store renamed `.moved` beside a note saying where it went. Interrupted
// before that rename, the next start does it all again (the new folder has no store yet);
// interrupted after, the office opens in its new place and the old file is a stale duplicate,
// encrypted, which the log names. A store already in the new folder is never overwritten.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKeyStore } from '../sync/device-key-store';
import { flushFolder } from '../files/secret-file';
import { flushFile } from './store-backup';
import { openStoreEitherWay } from './store-encryption';
import type { StoreKeyStore } from './store-key';
import { lockStore } from './store-lock';
import { DATABASE_FILE } from '../office-core';

export interface FolderKeys {
  storeKeys: StoreKeyStore;
  deviceKeys: DeviceKeyStore;
}

export type MoveOutcome = 'moved' | 'nothing-to-move' | 'kept-both';

export async function moveStoreFolder(from: string, to: string, source: FolderKeys, target: FolderKeys, log: (message: string) => void): Promise<MoveOutcome> {
  const oldStore = join(from, DATABASE_FILE);
  const newStore = join(to, DATABASE_FILE);
  if (!existsSync(oldStore)) return 'nothing-to-move';
  if (existsSync(newStore)) {
    log(`[store] ${oldStore} was not moved: ${newStore} already holds an office store, which is kept. The old one is left where it is.`);
    return 'kept-both';
  }
  mkdirSync(to, { recursive: true });
  // Neither folder may be in use meanwhile (the app open under another account, say).
  const fromLock = lockStore(from);
  try {
    const toLock = lockStore(to);
    try {
      const storeKey = source.storeKeys.load();
      const deviceKey = source.deviceKeys.load();
      if (storeKey) target.storeKeys.save(storeKey);
      if (deviceKey) target.deviceKeys.save(deviceKey);
      // The store file alone holds everything once its WAL is folded in.
      const store = openStoreEitherWay(oldStore, storeKey);
      try {
        store.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        store.close();
      }
      const moving = `${newStore}.moving`;
      rmSync(moving, { force: true });
      copyFileSync(oldStore, moving);
      await flushFile(moving);
      renameSync(moving, newStore);
      flushFolder(to);
      for (const suffix of ['-wal', '-shm']) rmSync(oldStore + suffix, { force: true });
      renameSync(oldStore, `${oldStore}.moved`);
      writeFileSync(join(from, 'MOVED.txt'), `Dữ liệu văn phòng đã chuyển đến / The office data moved to:\n${to}\n${new Date().toISOString()}\n`);
      log(`[store] moved the office store from ${from} to ${to}`);
      return 'moved';
    } finally {
      toLock.release();
    }
  } finally {
    fromLock.release();
  }
}

/** Copies archived PDFs into the new archive folder; a name already there is left as it is. */
export function moveArchive(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  mkdirSync(to, { recursive: true });
  let copied = 0;
  for (const name of readdirSync(from)) {
    if (!name.endsWith('.pdf') || existsSync(join(to, name))) continue;
    copyFileSync(join(from, name), join(to, name));
    copied++;
  }
  return copied;
}
