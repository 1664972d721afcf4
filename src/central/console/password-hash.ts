// Console passwords hashed with scrypt (node:crypto): a random 16-byte salt per password and the
// cost parameters stored with the hash, so they can be raised later without breaking old hashes;
// compared in constant time. An unknown account name is checked against a dummy hash made with the
// same parameters, so it costs the same time as a wrong password (nothing to learn from timing).
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** N = 2^15, r = 8, p = 3: one of OWASP's equivalent scrypt minimums (2^17/8/1 needs 128 MiB a check; this 32 MiB, more time instead). */
const COST = { N: 32_768, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password is the one hashed; a malformed stored hash is never a match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost, expected.length);
  return expected.length > 0 && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | null = null;
/** Made when the console's routes are (so the first unknown name does not pay for it, and stand out). */
export function prepareDummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('base64'));
  return dummy;
}

/** Spends the time a real check would, for a name that has no account. Always false. */
export async function verifyAgainstNobody(password: string): Promise<false> {
  await verifyPassword(password, await prepareDummyHash());
  return false;
}
