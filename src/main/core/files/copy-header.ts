// What a sealed store copy holds once its passphrase has opened it (ADR 0022): since the store is
// encrypted at rest, the copy is an encrypted SQLite file too, under a key made for that copy
// alone, and that key travels at the front of the sealed payload — 8 bytes `FOCOPY02`, the 32-byte
// key, then the database file. So no plain byte of the store is ever written to a disk, the copy
// opens on any laptop with its passphrase alone, and the store key of the laptop that took it is
// not in it. Copies sealed before (the payload a plain SQLite file, `SQLite format 3\0…`) still
// open: they carry no header and no key.
import { Transform } from 'node:stream';

const MAGIC = Buffer.from('FOCOPY02', 'latin1');
export const COPY_HEADER_BYTES = MAGIC.length + 32;

export function copyHeader(copyKey: Buffer): Buffer {
  if (copyKey.length !== 32) throw new Error('A copy key is 32 bytes.');
  return Buffer.concat([MAGIC, copyKey]);
}

/**
 * Passes the payload through without its header, and says once what it found at the front: the
 * copy's key, or null for a copy sealed before copies were encrypted.
 */
export function stripCopyHeader(onKey: (copyKey: Buffer | null) => void): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head === null) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < COPY_HEADER_BYTES) return done();
      const whole = head;
      head = null;
      if (whole.subarray(0, MAGIC.length).equals(MAGIC)) {
        onKey(Buffer.from(whole.subarray(MAGIC.length, COPY_HEADER_BYTES)));
        return done(null, whole.subarray(COPY_HEADER_BYTES));
      }
      onKey(null);
      done(null, whole);
    },
    flush(done) {
      // A payload shorter than a header: whatever it is, it is passed on for the check to refuse.
      if (head !== null && head.length > 0) {
        onKey(null);
        this.push(head);
      }
      done();
    },
  });
}
