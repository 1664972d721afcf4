// The store's encryption key: 32 random bytes made on the device the first time its store is
// opened, never typed by anyone and never sent anywhere. The core only sees this interface: the
// Electron shell seals the key with the operating system (safeStorage: Windows DPAPI for the
// signed-in account, the macOS keychain, the Linux secret service) or, for a store shared by the
// accounts of a counter PC, with the machine (ADR 0023); the harness and tests keep it in a plain
// file and say loudly that it is not protected, as they do for the device's signing key.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeSecretFile } from '../files/secret-file';
import { isPlainDatabaseFile, keyDoesNotOpen } from './store-cipher';

export const STORE_KEY_BYTES = 32;
/** The sealed key's file beside the store (the desktop app). */
export const STORE_KEY_FILE = 'store-key.bin';

export interface StoreKeyStore {
  load(): Buffer | null;
  save(key: Buffer): void;
  /** How the key is kept: by the account's keychain, by the machine, or in a plain file. */
  readonly protection: 'os-keychain' | 'os-machine' | 'plain-file';
}

/** Seals and opens a secret with something outside the store's folder (safeStorage, DPAPI). */
export interface SecretSealer {
  seal(secret: string): Buffer;
  open(sealed: Buffer): string;
}

export class SealedStoreKey implements StoreKeyStore {
  constructor(
    private readonly file: string,
    private readonly sealer: SecretSealer,
    readonly protection: 'os-keychain' | 'os-machine' = 'os-keychain',
  ) {}

  load(): Buffer | null {
    if (!existsSync(this.file)) return null;
    return parseKey(this.sealer.open(readFileSync(this.file)), this.file);
  }

  save(key: Buffer): void {
    writeSecretFile(this.file, this.sealer.seal(key.toString('hex')));
  }
}

export class PlainStoreKey implements StoreKeyStore {
  readonly protection = 'plain-file' as const;
  constructor(private readonly file: string) {}

  load(): Buffer | null {
    if (!existsSync(this.file)) return null;
    return parseKey(readFileSync(this.file, 'utf8').trim(), this.file);
  }

  save(key: Buffer): void {
    console.warn(`[store] WARNING: the store's encryption key is kept UNPROTECTED in ${this.file} (harness/test mode only).`);
    writeSecretFile(this.file, key.toString('hex'));
  }
}

function parseKey(hex: string, file: string): Buffer {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`The store key in ${file} is not a 256-bit hex key.`);
  return Buffer.from(hex, 'hex');
}

/**
 * The store's key, made and kept (before any page is written with it) the first time: for a new
 * store or a plain one about to be encrypted — never for an encrypted store whose key is gone,
 * which no new key opens (that is said, and nothing is written).
 */
export function storeKeyFrom(keys: StoreKeyStore, storeFile: string): Buffer {
  const existing = keys.load();
  if (existing) return existing;
  if (existsSync(storeFile) && !isPlainDatabaseFile(storeFile)) throw keyDoesNotOpen(storeFile);
  const key = randomBytes(STORE_KEY_BYTES);
  keys.save(key);
  return key;
}
