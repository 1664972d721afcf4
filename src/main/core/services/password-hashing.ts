// Memory-hard password hashing with node:crypto scrypt (N=2^15, r=8, p=1: ~32 MiB, tens of ms),
// stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without a migration.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password nobody kept, with today's parameters: what an unknown name is checked against. */
const DUMMY_HASH = 'scrypt$32768$8$1$1z4PaHmfyH92H0/NkISfXg==$cvVjyIx4qzzZRS21ujJMNNPzaDv8FcCUBOHmZx2QaKc=';

/**
 * Hashes a password against a throwaway hash and answers false, in the time a real check takes:
 * a sign-in with a name that does not exist must not answer sooner than one that does.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH);
  return false;
}
