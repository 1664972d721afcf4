// The central service's two keys, given to devices at enrollment:
// * an Ed25519 key that signs result files for offices that sync by USB, from CENTRAL_SIGNING_KEY
//   (PKCS#8 DER base64) or a key file made once in the data folder;
// * an age X25519 identity that opens the batch files those offices write: a device seals each
//   file to the central's recipient (`age1…`), so a stick lost on the way from the commune holds
//   nothing readable (ADR 0012). From CENTRAL_SEALING_KEY (`AGE-SECRET-KEY-1…`) or a key file
//   made once in the data folder.
// Every process of one central service must share both (the environment variables, or one folder).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Writes `content` at `path` unless a file is already there, so that no reader ever sees it part
 * written: it is written whole to a file of this process's own, then linked at `path` — a link
 * fails when `path` exists, so of several processes started at once on a fresh data folder exactly
 * one publishes its key, and the others read that one, complete. (Creating `path` with `wx` and
 * writing it afterwards let a second process read it empty and stop.)
 */
export function publishOnce(path: string, content: string): void {
  const own = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(own, content, { mode: 0o600, flag: 'wx', flush: true });
  try {
    linkSync(own, path);
  } catch (error) {
    // Another process of this central, started at the same moment, published first: theirs stands.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(own);
  }
}

/** The value of `variable`, else the content of `file` in the data folder, made once by `make`. */
async function keyMaterial(dataDir: string, variable: string, file: string, make: () => Promise<string>): Promise<string> {
  const fromEnvironment = process.env[variable];
  if (fromEnvironment) return fromEnvironment.trim();
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    publishOnce(path, await make());
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
