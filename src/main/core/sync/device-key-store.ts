// Where the device's Ed25519 private key lives. The core only sees this interface: Electron passes
// a store encrypted with the OS keychain (safeStorage); the harness and tests use the plain file
// store below, which says loudly that it is not protected.
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface DeviceKeyPair {
  /** PKCS#8 DER, base64. */
  privateKey: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

export interface DeviceKeyStore {
  load(): DeviceKeyPair | null;
  save(pair: DeviceKeyPair): void;
  /** Shown to the supervisor: how the key is protected. */
  readonly protection: 'os-keychain' | 'plain-file';
}

export function generateDeviceKeyPair(): DeviceKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    // The raw key is the last 32 bytes of the SPKI encoding.
    publicKey: spki.subarray(spki.length - 32).toString('base64'),
  };
}

/** Encrypts with a caller-provided cipher (Electron safeStorage) and keeps the blob in a file. */
export class EncryptedFileKeyStore implements DeviceKeyStore {
  readonly protection = 'os-keychain' as const;
  constructor(
    private readonly file: string,
    private readonly cipher: { encrypt(text: string): Buffer; decrypt(blob: Buffer): string },
  ) {}

  load(): DeviceKeyPair | null {
    if (!existsSync(this.file)) return null;
    return JSON.parse(this.cipher.decrypt(readFileSync(this.file))) as DeviceKeyPair;
  }

  save(pair: DeviceKeyPair): void {
    writeFileSync(this.file, this.cipher.encrypt(JSON.stringify(pair)), { mode: 0o600 });
  }
}

export class PlainFileKeyStore implements DeviceKeyStore {
  readonly protection = 'plain-file' as const;
  constructor(private readonly file: string) {}

  load(): DeviceKeyPair | null {
    if (!existsSync(this.file)) return null;
    return JSON.parse(readFileSync(this.file, 'utf8')) as DeviceKeyPair;
  }

  save(pair: DeviceKeyPair): void {
    console.warn(`[sync] WARNING: the device private key is stored UNENCRYPTED in ${this.file} (harness/test mode only).`);
    writeFileSync(this.file, JSON.stringify(pair), { mode: 0o600 });
    chmodSync(this.file, 0o600);
  }
}
