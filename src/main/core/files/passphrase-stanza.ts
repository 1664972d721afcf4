// age's passphrase (scrypt) recipient and identity with the scrypt step on Node's thread pool.
// `age-encryption`'s own passphrase support derives the key with a synchronous JavaScript scrypt,
// which held the app's event loop for about two seconds per backup or restore (ADR 0010); this is
// the same stanza — `-> scrypt <salt> <log2 N>`, the file key wrapped with ChaCha20-Poly1305 under
// scrypt(passphrase, "age-encryption.org/v1/scrypt" ‖ salt, N, r = 8, p = 1) — made with
// `crypto.scrypt`, which runs off the main thread. Files stay plain age: `age -d` and the library's
// own `addPassphrase` open them, and this opens theirs (tests/integration/sealed-copy.test.ts).
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { type Identity, type Recipient, Stanza } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** The highest work factor accepted in a file: 2^20 needs 1 GiB, more is a way to exhaust memory. */
const MAX_LOG_N = 20;

function deriveKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.concat([Buffer.from(LABEL), salt]), 32, { N, r: 8, p: 1, maxmem: 128 * N * 8 + (1 << 20) }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const NONCE = Buffer.alloc(12);

export class PassphraseRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const cipher = createCipheriv('chacha20-poly1305', await deriveKey(this.passphrase, salt, this.logN), NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    return [new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(this.logN)], body)];
  }
}

export class PassphraseIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    const stanza = stanzas.find((s) => s.args[0] === 'scrypt');
    if (!stanza) return null;
    // As age requires: a passphrase file has that one recipient and nothing else.
    if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
    const [, saltText = '', logNText = ''] = stanza.args;
    const salt = Buffer.from(saltText, 'base64');
    if (stanza.args.length !== 3 || salt.length !== 16 || !/^[1-9][0-9]*$/.test(logNText) || stanza.body.length !== 32) {
      throw new Error('invalid scrypt stanza');
    }
    const logN = Number(logNText);
    if (logN > MAX_LOG_N) throw new Error('scrypt work factor is too high');
    const decipher = createDecipheriv('chacha20-poly1305', await deriveKey(this.passphrase, salt, logN), NONCE, { authTagLength: 16 });
    decipher.setAuthTag(stanza.body.subarray(16));
    try {
      return Buffer.concat([decipher.update(stanza.body.subarray(0, 16)), decipher.final()]);
    } catch {
      // Not this passphrase: age then reports that no identity matched.
      return null;
    }
  }
}
