// Files and folders a supervisor types or chooses (a USB stick, a copy to restore, a result file to
// import), checked before use. Such a path is hostile until checked: `/dev/zero` read whole killed
// the process, a named pipe held the core until something wrote to it, `/etc` is writable for an
// app run as root, and an error that quotes what it read hands a file's first line to whoever
// asked. So:
//
// * a file is opened first (non-blocking, so a pipe cannot hold the open) and judged by what the
//   open handle is, not by a check of the name beforehand that the file could change after: only a
//   regular file, outside /dev, /proc and /sys (on Windows: no device path or name), no larger than its kind allows, is read — and then
//   only through that handle, on the thread pool, never past the limit, so the core keeps
//   answering other callers meanwhile;
// * a folder is resolved through its links to the real folder, which must be a writable folder
//   outside /dev, /proc, /sys and /etc (on Windows: the Windows and program folders); writes go there;
// * every refusal says what is wrong with the path the caller wrote (not a file, too large, a
//   system folder) and never quotes what the file holds.
//
// Store copies (restore, backup) and sync files use this module; anything new that reads or writes
// a path a person gave should too.
import { constants } from 'node:fs';
import { access, type FileHandle, open, realpath, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { OfficeError } from '../../../shared/contract/errors';
import { systemPathProblem } from './system-paths';
import { explainFileError } from './user-folders';

const MiB = 1024 * 1024;

/** What each kind of chosen file may weigh, and what it is called in a message. */
export const chosenFileKinds = {
  /** A sealed store copy: ~0.5 GB for a million people; far more would not be one. */
  'store-copy': { maxBytes: 64 * 1024 * MiB, vi: 'bản sao', en: 'copy' },
  /** A result file from the central: ~150 bytes per operation, so 64 MiB is ~400 000 operations. */
  'sync-results': { maxBytes: 64 * MiB, vi: 'tệp kết quả', en: 'result file' },
} as const;
export type ChosenFileKind = keyof typeof chosenFileKinds;

/** A chosen file, open for reading, that passed the checks: read it only through `handle`. */
export interface ChosenFile {
  path: string;
  handle: FileHandle;
  size: number;
}

function refused(field: string, vi: string, en: string, path: string): OfficeError {
  return new OfficeError('FILE_ERROR', { field, vi, en, details: { path } });
}

function requireAbsolute(path: string, field: string, what: 'file' | 'folder'): void {
  if (isAbsolute(path)) return;
  const [vi, en] =
    what === 'folder'
      ? ['Nhập đường dẫn đầy đủ của thư mục, ví dụ E:\\ hoặc /media/usb.', 'Give the folder’s full path, e.g. E:\\ or /media/usb.']
      : ['Nhập đường dẫn đầy đủ của tệp, ví dụ E:\\tep.age hoặc /media/usb/tep.age.', 'Give the file’s full path, e.g. E:\\file.age or /media/usb/file.age.'];
  throw new OfficeError('VALIDATION', { field, vi, en });
}

/**
 * Opens a file a person chose, for reading: a regular file of at most its kind's size, outside
 * the system's device and kernel folders. The caller closes `handle`. Typed errors otherwise.
 */
export async function openChosenFile(path: string, kind: ChosenFileKind, field = 'file'): Promise<ChosenFile> {
  requireAbsolute(path, field, 'file');
  const real = await realpath(path).catch((error: unknown) => {
    throw explainFileError(error, path, field, 'read');
  });
  if (systemPathProblem(real, 'read') !== null) throw notAFile(path, field);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer.
    handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENXIO' || code === 'ENODEV') throw notAFile(path, field);
    throw explainFileError(error, path, field, 'read');
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw refused(field, `${path} là một thư mục; hãy chọn tệp.`, `${path} is a folder; choose a file.`, path);
    if (!info.isFile()) throw notAFile(path, field);
    const limit = chosenFileKinds[kind];
    if (info.size > limit.maxBytes) throw tooLarge(path, field, kind);
    return { path, handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error instanceof OfficeError ? error : explainFileError(error, path, field, 'read');
  }
}

function notAFile(path: string, field: string): OfficeError {
  return refused(
    field,
    `${path} không phải là một tệp thông thường (thiết bị, ống dẫn hay tệp hệ thống); hãy chọn tệp trên USB hoặc ổ đĩa.`,
    `${path} is not a regular file (a device, a pipe or a system file); choose a file on the USB stick or a disk.`,
    path,
  );
}

function tooLarge(path: string, field: string, kind: ChosenFileKind): OfficeError {
  const { maxBytes, vi, en } = chosenFileKinds[kind];
  const limit = maxBytes >= 1024 * MiB ? `${maxBytes / (1024 * MiB)} GB` : `${maxBytes / MiB} MB`;
  return refused(
    field,
    `${path} quá lớn để là một ${vi} của Field Office (tối đa ${limit}); hãy kiểm tra đã chọn đúng tệp.`,
    `${path} is too large to be a Field Office ${en} (at most ${limit}); check the right file was chosen.`,
    path,
  );
}

/**
 * Reads a chosen file whole, through its checked handle, on the thread pool, and never past its
 * kind's limit (a file that grows while it is read is refused too, not followed).
 */
export async function readChosenFile(path: string, kind: ChosenFileKind, field = 'file'): Promise<Buffer> {
  const file = await openChosenFile(path, kind, field);
  const limit = chosenFileKinds[kind].maxBytes;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(4 * MiB, limit + 1 - total));
      const { bytesRead } = await file.handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(path, field, kind);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof OfficeError ? error : explainFileError(error, path, field, 'read');
  } finally {
    await file.handle.close();
  }
}

/**
 * Checks a folder a person chose to write into and returns its real path (links resolved), which
 * is where the files go: an existing, writable folder outside the system's (system-paths.ts).
 */
export async function checkChosenFolder(directory: string, field = 'directory'): Promise<string> {
  requireAbsolute(directory, field, 'folder');
  let real: string;
  try {
    real = await realpath(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new OfficeError('VALIDATION', {
        field,
        vi: `Không tìm thấy thư mục ${directory}. Kiểm tra USB đã cắm và đường dẫn gõ đúng.`,
        en: `Folder ${directory} not found. Check the USB stick is plugged in and the path is right.`,
      });
    }
    throw explainFileError(error, directory, field, 'write');
  }
  const info = await stat(real).catch((error: unknown) => {
    throw explainFileError(error, directory, field, 'write');
  });
  if (!info.isDirectory()) {
    throw info.isFile()
      ? new OfficeError('VALIDATION', { field, vi: `${directory} là một tệp, không phải thư mục.`, en: `${directory} is a file, not a folder.` })
      : refused(field, `${directory} không phải là một thư mục.`, `${directory} is not a folder.`, directory);
  }
  if (systemPathProblem(real, 'write') !== null) {
    throw refused(
      field,
      `${directory} là thư mục của hệ thống; không ghi dữ liệu vào đó. Hãy chọn USB hoặc một thư mục của bạn.`,
      `${directory} is a system folder; nothing is written there. Choose a USB stick or a folder of your own.`,
      directory,
    );
  }
  await access(real, constants.W_OK).catch((error: unknown) => {
    throw explainFileError(error, directory, field, 'write');
  });
  return real;
}
