// Writing into folders a supervisor names (a USB stick for file sync; checked first by
// chosen-paths.ts): written whole or not at all, and every failure explained in Vietnamese with the
// path — not an "internal error" for a stick that was not plugged in, is full or is write-protected.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OfficeError } from '../../../shared/contract/errors';

/**
 * Writes each file whole or none of them: each goes to a temporary name, flushed to the device,
 * then renamed; on any failure the files of this call are removed again.
 */
export function writeFilesWhole(files: readonly { path: string; data: Buffer | string }[], field = 'directory'): void {
  const done: string[] = [];
  try {
    for (const { path, data } of files) {
      const partial = `${path}.partial`;
      // A leftover partial (or a link planted under its name) goes first; then the file is created
      // new ('wx'), so the write never follows a link out of the folder.
      rmSync(partial, { force: true });
      done.push(partial);
      writeFileSync(partial, data, { flush: true, flag: 'wx' });
      renameSync(partial, path);
      done[done.length - 1] = path;
    }
  } catch (error) {
    for (const path of done) removeQuietly(path);
    throw explainFileError(error, dirname(files[0]!.path), field, 'write');
  }
}

/** Removes a file this call wrote, if it can: the write's own error is the one to report. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Not ours to remove (a folder in the way), or the drive has gone: nothing more to do.
  }
}

/** The same, on the thread pool: unlinking a copy of half a gigabyte holds the caller ~0.25 s. */
export async function removeQuietlyLater(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

/** A file-system failure as the typed FILE_ERROR a supervisor can act on (full, locked, gone). */
export function explainFileError(error: unknown, where: string, field: string, doing: 'read' | 'write'): OfficeError {
  const code = (error as NodeJS.ErrnoException).code;
  const say = (vi: string, en: string) => new OfficeError('FILE_ERROR', { field, vi, en, details: { path: where, ...(code ? { code } : {}) } });
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return say(`Ổ đĩa chứa ${where} đã đầy. Xóa bớt tệp hoặc dùng USB khác.`, `The drive holding ${where} is full.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return say(`Không có quyền dùng ${where} (USB bị khóa ghi hoặc thư mục chỉ đọc).`, `No permission for ${where} (write-protected or read-only).`);
    case 'ENOENT':
    case 'ENOTDIR':
      return say(`Không tìm thấy ${where}. Kiểm tra USB còn cắm và đường dẫn đúng.`, `${where} not found. Check the USB stick and the path.`);
    case 'EISDIR':
      if (doing === 'write') break;
      return say(`${where} là một thư mục; hãy chọn tệp.`, `${where} is a folder; choose a file.`);
  }
  return doing === 'write'
    ? say(`Không ghi được vào ${where}. Thử lại hoặc dùng USB khác.`, `Could not write to ${where}. Try again or use another drive.`)
    : say(`Không đọc được ${where}. Thử lại hoặc dùng USB khác.`, `Could not read ${where}. Try again or use another drive.`);
}
