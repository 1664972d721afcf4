// Converts a store written before encryption (a plain SQLite file) into an encrypted one, once,
// at the start of the first version that encrypts, with nothing lost if the power fails at any
// instant. The plain store is left whole until the encrypted one has replaced it in one rename:
//   1. the key is made and kept first (store-key.ts), so an encrypted file never exists without it;
//   2. the plain store's WAL is folded in and it is switched to a rollback journal (its content
//      unchanged: a crash here leaves a plain store that opens as before);
//   3. a copy `<store>.encrypting` is made and encrypted in place (SQLite's rekey, journaled), then
//      checked and flushed — a crash leaves the plain store and a half-made copy, deleted at the
//      next start, which starts over;
//   4. the copy is renamed over the store and the folder flushed: from then on the store is
//      encrypted. The rename replaces the plain file in one step, on Windows as on Linux.
// The plain file's old blocks stay on the disk until reused: ADR 0022 says what that means.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { flushFolder } from '../files/secret-file';
import { flushFile } from './store-backup';
import { applyStoreKey, isPlainDatabaseFile, openKeyedDatabase, STORE_CIPHER } from './store-cipher';

export type ConversionStep = 'checkpointed' | 'copied' | 'encrypted' | 'checked' | 'replaced';

const SIDE_FILES = ['', '-journal', '-wal', '-shm'];

/** Encrypts the store at `storeFile` with `key` if it is a plain database; true when it did. */
export async function encryptPlainStore(storeFile: string, key: Buffer, onStep: (step: ConversionStep) => void = () => undefined): Promise<boolean> {
  const converting = `${storeFile}.encrypting`;
  // What an earlier, interrupted conversion left: never more than a part-made copy.
  for (const suffix of SIDE_FILES) rmSync(converting + suffix, { force: true });
  if (!existsSync(storeFile) || !isPlainDatabaseFile(storeFile)) return false;

  const plain = new Sqlite(storeFile);
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
  } finally {
    plain.close();
  }
  onStep('checkpointed');

  copyFileSync(storeFile, converting);
  onStep('copied');
  const copy = new Sqlite(converting);
  try {
    copy.pragma(`cipher = '${STORE_CIPHER}'`);
    copy.pragma('kdf_iter = 1');
    copy.pragma(`hexrekey = '${key.toString('hex')}'`);
  } finally {
    copy.close();
  }
  onStep('encrypted');

  const check = openKeyedDatabase(converting, key);
  try {
    const verdict = String(check.pragma('quick_check', { simple: true }));
    if (verdict !== 'ok') throw new Error(`The encrypted store failed its check: ${verdict}`);
  } finally {
    check.close();
  }
  await flushFile(converting);
  onStep('checked');

  renameSync(converting, storeFile);
  flushFolder(dirname(storeFile));
  onStep('replaced');
  return true;
}

/** Used by tests and tools: opens a store whether it is still plain or already encrypted. */
export function openStoreEitherWay(storeFile: string, key: Buffer | null, options: Sqlite.Options = {}): Sqlite.Database {
  if (isPlainDatabaseFile(storeFile)) {
    const db = new Sqlite(storeFile, options);
    applyStoreKey(db, null);
    return db;
  }
  return openKeyedDatabase(storeFile, key, options);
}
