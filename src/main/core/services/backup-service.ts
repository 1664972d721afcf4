// `store.backup`: the supervisor copies the whole office store to a folder (a USB stick). The copy
// is made while the office keeps working, checked, flushed and only then given its final name, so
// a copy with that name is always whole; the act is audited (who took citizens' data, and where).
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeError } from '../../../shared/contract/errors';
import { VIETNAM_OFFSET_MS } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import { type BackupTo, flushFile, sealBackupFile } from '../db/store-backup';
import { explainFileError, removeQuietly, requireFolder } from '../files/user-folders';
import { getOffice } from './auth-service';

/** `YYYYMMDD-HHmmss` at UTC+7: copies sort by when they were taken, as the office reads the clock. */
function fileStamp(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** The copy being made of each store, if any: one at a time (a second would pick the same name). */
interface Running {
  phase: 'copying' | 'checking';
  copiedPages: number;
  totalPages: number;
}
const running = new WeakMap<CoreContext, Running>();

/** `store.backupProgress`: how far the running copy has got, for the day-end page's progress bar. */
export function backupProgress(ctx: CoreContext) {
  const now = running.get(ctx);
  if (!now) return { running: false, phase: null, percent: null };
  const percent = now.phase === 'checking' ? 100 : now.totalPages > 0 ? Math.floor((now.copiedPages * 100) / now.totalPages) : 0;
  return { running: true, phase: now.phase, percent };
}

export async function backupStore(ctx: CoreContext, caller: Caller, directory: string) {
  requireFolder(directory);
  const backupTo = ctx.backupTo;
  if (!backupTo) throw new OfficeError('INTERNAL', { en: 'This core was started without a backup target.' });
  if (running.has(ctx)) {
    throw new OfficeError('CONFLICT', { vi: 'Đang sao lưu; chờ bản sao này xong rồi hãy sao lưu lại.', en: 'A backup is already running; wait for it to finish.' });
  }
  const state: Running = { phase: 'copying', copiedPages: 0, totalPages: 0 };
  running.set(ctx, state);
  try {
    return await copyStore(ctx, caller, directory, backupTo, state);
  } finally {
    running.delete(ctx);
  }
}

async function copyStore(ctx: CoreContext, caller: Caller, directory: string, backupTo: BackupTo, state: Running) {
  const office = await getOffice(ctx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  const now = ctx.clock.now();
  const takenAt = now.toISOString();
  // Two copies in the same second get -2, -3…: an earlier copy is never overwritten.
  const base = `field-office-${office.code}-${fileStamp(now)}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(join(directory, name)); n++) name = `${base}-${n}.sqlite`;
  const file = join(directory, name);
  const partial = `${file}.partial`;
  let held: { participants: number; receipts: number };
  try {
    await backupTo(partial, (copiedPages, totalPages) => Object.assign(state, { copiedPages, totalPages }));
    state.phase = 'checking';
    held = sealBackupFile(partial, takenAt);
    flushFile(partial);
    renameSync(partial, file);
  } catch (error) {
    for (const path of [partial, `${partial}-wal`, `${partial}-shm`]) removeQuietly(path);
    throw error instanceof OfficeError ? error : explainFileError(error, directory, 'directory', 'write');
  }
  const bytes = statSync(file).size;
  await appendAudit(ctx.db, { at: takenAt, staffId: caller.staffId, action: 'store.backup', entity: 'office', entityId: office.code, details: { file: name, bytes, ...held } });
  return { file, bytes, ...held, takenAt };
}
