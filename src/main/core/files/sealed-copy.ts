// A store copy leaves the laptop encrypted with the supervisor's passphrase, in the age format
// (age-encryption.org/v1: scrypt for the passphrase, ChaCha20-Poly1305 in 64 KiB chunks), so a
// lost USB stick does not hand over every citizen's record; `age -d` opens it too, if ever needed
// outside the app. Both directions stream: a store of half a gigabyte is never held in memory,
// and the event loop turns between chunks; the scrypt step (~2 s) runs on Node's thread pool
// (files/passphrase-stanza.ts), so it does not hold the event loop either (ADR 0010).
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';
import { OfficeError } from '../../../shared/contract/errors';
import { type ChosenFile, openChosenFile } from './chosen-paths';
import { stripCopyHeader } from './copy-header';
import { PassphraseIdentity, PassphraseRecipient } from './passphrase-stanza';

/** age's own default: about a second of work per guess on a laptop, for whoever holds the stick. */
export const SCRYPT_WORK_FACTOR = 18;

const CHUNK = 1 << 20;

/** Counts bytes as they pass, for a progress bar. */
function counting(onBytes: (bytes: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      onBytes(seen);
      done(null, chunk);
    },
  });
}

/**
 * Encrypts `source` into `destination` (which must not exist) with the passphrase; `header`, when
 * given, goes first in the sealed payload (a store copy's key: files/copy-header.ts).
 */
export async function sealFile(
  source: string,
  destination: string,
  passphrase: string,
  onProgress?: (done: number, total: number) => void,
  header?: Buffer,
): Promise<void> {
  const total = statSync(source).size;
  const encrypter = new Encrypter();
  encrypter.addRecipient(new PassphraseRecipient(passphrase, SCRYPT_WORK_FACTOR));
  const body = createReadStream(source, { highWaterMark: CHUNK }).pipe(counting((n) => onProgress?.(n, total)));
  const plain = Readable.toWeb(header ? Readable.from(withHeader(header, body)) : body);
  const sealed = (await encrypter.encrypt(plain as unknown as ReadableStream<Uint8Array>)) as unknown as WebReadableStream<Uint8Array>;
  await pipeline(Readable.fromWeb(sealed), createWriteStream(destination, { flags: 'wx' }));
}

async function* withHeader(header: Buffer, body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield header;
  yield* body;
}

/**
 * Decrypts a sealed copy into `destination` (which must not exist), reading it only through the
 * checked handle (files/chosen-paths.ts). A wrong passphrase, a file that is not a sealed copy, and
 * a damaged or cut-off one are each a typed error naming the field, and none quotes the file:
 * age's own error text carries what it read (a text file's first line), so it is never passed on.
 * `onProgress` hears the bytes decrypted so far against the sealed file's size (which is a little
 * larger: the header and 16 bytes per 64 KiB chunk).
 */
export async function openSealedFile(
  source: ChosenFile | string,
  destination: string,
  passphrase: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ copyKey: Buffer | null }> {
  if (typeof source === 'string') {
    const chosen = await openChosenFile(source, 'store-copy');
    try {
      return await openSealedFile(chosen, destination, passphrase, onProgress);
    } finally {
      await chosen.handle.close();
    }
  }
  const total = source.size;
  let copyKey: Buffer | null = null;
  const decrypter = new Decrypter();
  decrypter.addIdentity(new PassphraseIdentity(passphrase));
  let plain: WebReadableStream<Uint8Array>;
  try {
    // Never past the size the checks saw: a file that grows meanwhile is read as it was.
    if (total === 0) throw new Error('empty file');
    const sealed = Readable.toWeb(source.handle.createReadStream({ start: 0, end: total - 1, highWaterMark: CHUNK, autoClose: false }));
    plain = (await decrypter.decrypt(sealed as unknown as ReadableStream<Uint8Array>)) as unknown as WebReadableStream<Uint8Array>;
  } catch (error) {
    throw explainOpenError(error);
  }
  try {
    await pipeline(
      Readable.fromWeb(plain),
      counting((n) => onProgress?.(Math.min(n, total), total)),
      stripCopyHeader((key) => (copyKey = key)),
      createWriteStream(destination, { flags: 'wx' }),
    );
  } catch {
    throw new OfficeError('VALIDATION', {
      field: 'file',
      vi: 'Bản sao bị hỏng hoặc chưa chép hết (tệp bị cắt ngắn hoặc bị sửa). Hãy dùng một bản sao khác.',
      en: 'The copy is damaged or cut short (truncated or altered). Use another copy.',
    });
  }
  return { copyKey };
}

function explainOpenError(error: unknown): OfficeError {
  const reason = error instanceof Error ? error.message : String(error);
  if (/no identity matched|incorrect passphrase|invalid header HMAC/i.test(reason)) {
    return new OfficeError('VALIDATION', {
      field: 'passphrase',
      vi: 'Mật khẩu bản sao không đúng.',
      en: 'The passphrase for this copy is wrong.',
    });
  }
  return new OfficeError('VALIDATION', {
    field: 'file',
    vi: 'Tệp này không phải bản sao của Field Office (không mở được phần đầu tệp).',
    en: 'This file is not a Field Office copy (its header cannot be read).',
  });
}
