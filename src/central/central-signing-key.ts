// The central service's two keys, given to devices at enrollment:
// * an Ed25519 key that signs result files for offices that sync by USB, from CENTRAL_SIGNING_KEY
//   (PKCS#8 DER base64) or a key file made once in the data folder;
// * an age X25519 identity that opens the batch files those offices write: a device seals each
//   file to the central's recipient (`age1…`), so a stick lost on the way from the commune holds
//   nothing readable (ADR 0012). From CENTRAL_SEALING_KEY (`AGE-SECRET-KEY-1…`) or a key file
//   made once in the data folder.
// Every process of one central service must share both (the environment variables, or one folder).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';

export interface CentralKey {
  privateKey: KeyObject;
  /** Raw 32-byte public key, base64 — given to devices at enrollment. */
  publicKeyRaw: string;
  /** age identity (`AGE-SECRET-KEY-1…`) that opens sealed batch files. */
  sealingIdentity: string;
  /** Its recipient (`age1…`) — given to devices at enrollment. */
  sealingRecipient: string;
}

function fromPkcs8(base64: string): Pick<CentralKey, 'privateKey' | 'publicKeyRaw'> {
  const privateKey = createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyRaw: spki.subarray(spki.length - 32).toString('base64') };
}

/** The value of `variable`, else the content of `file` in the data folder, made once by `make`. */
async function keyMaterial(dataDir: string, variable: string, file: string, make: () => Promise<string>): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment.trim();
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(path, await make(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of this central, started at the same moment, made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}

export async function loadCentralKey(dataDir: string): Promise<CentralKey> {
  const signing = await keyMaterial(dataDir, 'CENTRAL_SIGNING_KEY', 'central-signing-key.der.b64', async () =>
    generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  );
  const sealingIdentity = await keyMaterial(dataDir, 'CENTRAL_SEALING_KEY', 'central-sealing-key.age.txt', generateX25519Identity);
  return { ...fromPkcs8(signing), sealingIdentity, sealingRecipient: await identityToRecipient(sealingIdentity) };
}
