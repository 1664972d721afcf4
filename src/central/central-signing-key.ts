// The central service's Ed25519 key, which signs result files for offices that sync by USB.
// From CENTRAL_SIGNING_KEY (PKCS#8 DER base64, shared by every process) or, for a single embedded
// instance, a key file created once in the data folder.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CentralKey {
  privateKey: KeyObject;
  /** Raw 32-byte public key, base64 — given to devices at enrollment. */
  publicKeyRaw: string;
}

function fromPkcs8(base64: string): CentralKey {
  const privateKey = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyRaw: spki.subarray(spki.length - 32).toString('base64') };
}

export function loadCentralKey(dataDir: string): CentralKey {
  if (process.env.CENTRAL_SIGNING_KEY) return fromPkcs8(process.env.CENTRAL_SIGNING_KEY);
  const file = join(dataDir, 'central-signing-key.der.b64');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), { mode: 0o600 });
  }
  return fromPkcs8(readFileSync(file, 'utf8').trim());
}
