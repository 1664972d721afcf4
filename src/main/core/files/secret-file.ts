// Small secret files beside the store (the device's signing key, the store's encryption key):
// written whole or not at all — a temporary file, flushed, renamed over the old one, and the
// folder flushed — readable by the owner only. A key half-written by a power cut would lose the
// office its store; so would a key renamed into place but never reaching the disk.
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeSecretFile(file: string, bytes: Buffer | string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes, { mode: 0o600 });
  const handle = openSync(partial, 'r+');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(partial, file);
  flushFolder(dirname(file));
}

/** Makes a rename in `folder` durable (POSIX); Windows has no directory handle to flush, nor needs it. */
export function flushFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const handle = openSync(folder, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}
