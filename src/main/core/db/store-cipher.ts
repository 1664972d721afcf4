// How the office store is encrypted at rest (ADR 0022): SQLite3 Multiple Ciphers' ChaCha20-Poly1305
// page cipher, through better-sqlite3-multiple-ciphers (better-sqlite3's API, same prepared
// statements). Every page on disk — the store, its WAL, a copy's file — is encrypted and
// authenticated; the key is 32 random bytes, so the cipher's passphrase stretching (PBKDF2, ~0.2 s
// per open here) is set to one round: there is no password to slow a guesser down.
// The pragmas are also given as text, for the worker threads that open a store or a copy.
import { closeSync, openSync, readSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { OfficeError } from '../../../shared/contract/errors';

export const STORE_CIPHER = 'chacha20';

/** Keys a connection before its first read; `keyHex` null leaves it plain. Text for workers too. */
export const APPLY_KEY_SOURCE = `function applyKey(db, keyHex) {
  if (!keyHex) return;
  db.pragma("cipher = '${STORE_CIPHER}'");
  db.pragma('kdf_iter = 1');
  db.pragma("hexkey = '" + keyHex + "'");
}`;

const applyKeyHex = new Function(`return ${APPLY_KEY_SOURCE}`)() as (db: Sqlite.Database, keyHex: string | null) => void;

export function applyStoreKey(db: Sqlite.Database, key: Buffer | null): void {
  applyKeyHex(db, key ? key.toString('hex') : null);
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** A file whose first bytes are SQLite's own header (or an empty one: a new database) is plain. */
export function isPlainDatabaseFile(file: string): boolean {
  const handle = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(handle, head, 0, 16, 0);
    return read === 0 || (read === 16 && head.toString('latin1') === SQLITE_HEADER);
  } finally {
    closeSync(handle);
  }
}

/**
 * Opens a store or a copy with its key (or plain, with `key` null) and proves the key by reading
 * the schema: a wrong key, or a file that is not a database, is a typed error here rather than a
 * failure at some later query.
 */
export function openKeyedDatabase(file: string, key: Buffer | null, options: Sqlite.Options = {}): Sqlite.Database {
  const db = new Sqlite(file, options);
  try {
    applyStoreKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw keyDoesNotOpen(file);
    throw error;
  }
}

export function keyDoesNotOpen(file: string): OfficeError {
  return new OfficeError('FILE_ERROR', {
    vi: 'Không mở được dữ liệu văn phòng bằng khóa của máy này (khóa bị mất, hoặc tệp dữ liệu hỏng). Hãy khôi phục từ bản sao lưu.',
    en: "The office data cannot be opened with this computer's key (the key is lost, or the data file is damaged). Restore it from a backup copy.",
    details: { file },
  });
}
