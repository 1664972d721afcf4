// The two secrets beside a store — the device's signing key and the store's encryption key —
// sealed by what fits the store's place (ADR 0023): the signed-in account's keychain (Electron's
// safeStorage) for a store in the user's profile, the machine's DPAPI key for the machine-wide
// store of an install for all users. Where the account has no keychain (a Linux desktop without a
// secret service), plain files that say so, as in the harness.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { PlainStoreKey, type SecretSealer, SealedStoreKey, STORE_KEY_FILE } from './core/db/store-key';
import type { FolderKeys } from './core/db/store-move';
import { EncryptedFileKeyStore, PlainFileKeyStore } from './core/sync/device-key-store';
import { machineSealer } from './machine-sealer';

/** The signed-in account's keychain, or null where it has none. */
export function userSealer(): SecretSealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return { seal: (text) => safeStorage.encryptString(text), open: (blob) => safeStorage.decryptString(blob) };
}

export function folderKeys(dataDir: string, scope: 'machine' | 'user'): FolderKeys {
  const sealer = scope === 'machine' ? machineSealer() : userSealer();
  if (!sealer) return { storeKeys: new PlainStoreKey(join(dataDir, 'store-key.txt')), deviceKeys: new PlainFileKeyStore(join(dataDir, 'device-key.json')) };
  return {
    storeKeys: new SealedStoreKey(join(dataDir, STORE_KEY_FILE), sealer, scope === 'machine' ? 'os-machine' : 'os-keychain'),
    deviceKeys: new EncryptedFileKeyStore(join(dataDir, 'device-key.bin'), { encrypt: (text) => sealer.seal(text), decrypt: (blob) => sealer.open(blob) }),
  };
}
