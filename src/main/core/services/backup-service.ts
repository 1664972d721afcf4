// `store.backup`: the supervisor copies the whole office store to a folder (a USB stick). The copy
// is made page by page between other calls, next to the store on the laptop's own disk, checked,
// then sealed with the supervisor's passphrase onto the stick (files/sealed-copy.ts), flushed and
// only then given its final name, so a copy with that name is always whole and never readable
// without the passphrase; no unencrypted byte of it reaches the stick. The act is audited (who took
// citizens' data, and where).
import { existsSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OfficeError } from '../../../shared/contract/errors';
import { businessDate, VIETNAM_OFFSET_MS } from '../../../shared/domain/business-date';
import type { Caller, CoreContext } from '../core-context';
import { appendAudit } from '../db/mutation-log';
import * as copies from '../db/repositories/store-copies-repository';
import { type BackupTo, flushFile, sealBackupFile } from '../db/store-backup';
import { copyHeader } from '../files/copy-header';
import { sealFile } from '../files/sealed-copy';
import { checkChosenFolder } from '../files/chosen-paths';
import { explainFileError, removeQuietlyLater } from '../files/user-folders';
import { getOffice } from './auth-service';

/** `YYYYMMDD-HHmmss` at UTC+7: copies sort by when they were taken, as the office reads the clock. */
function fileStamp(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

/** The copy being made of each store, if any: one at a time (a second would pick the same name). */
interface Running {
  phase: 'copying' | 'checking' | 'sealing';
  copiedPages: number;
  totalPages: number;
  sealedBytes: number;
  totalBytes: number;
}
const running = new WeakMap<CoreContext, Running>();

/** `store.backupProgress`: how far the running copy has got, for the day-end page's progress bar. */
export function backupProgress(ctx: CoreContext) {
  const now = running.get(ctx);
  if (!now) return { running: false, phase: null, percent: null };
  // Copying is the first half of the bar, sealing onto the stick the second.
  const share = (done: number, total: number) => (total > 0 ? Math.floor((done * 50) / total) : 0);
  const percent =
    now.phase === 'sealing' ? 50 + share(now.sealedBytes, now.totalBytes) : now.phase === 'checking' ? 50 : share(now.copiedPages, now.totalPages);
  return { running: true, phase: now.phase, percent };
}

/**
 * `store.backupStatus`: the last copy (from the audit log, where each copy is recorded against the
 * office), how many receipts were issued after it, and how many operations recorded after it the
 * central has not answered yet (work in no copy and not at the central either).
 */
export async function backupStatus(ctx: CoreContext) {
  const office = await getOffice(ctx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  const entry = await copies.lastCopyRecord(ctx.db, office.code);
  const [receiptsSince, unsentSince] = await Promise.all([
    copies.receiptsIssuedSince(ctx.db, entry ? { at: entry.at, day: businessDate(new Date(entry.at)) } : null),
    copies.unansweredSince(ctx.db, entry?.at ?? null),
  ]);
  const counts = { receiptsSince, unsentSince };
  if (!entry) return { last: null, ...counts };
  const details = JSON.parse(entry.details) as { file: string; participants: number; receipts: number };
  return { last: { at: entry.at, file: details.file, participants: details.participants, receipts: details.receipts }, ...counts };
}

export async function backupStore(ctx: CoreContext, caller: Caller, input: { directory: string; passphrase: string }) {
  // The copy goes into the folder's real path (its links resolved), checked as a place to write.
  const directory = await checkChosenFolder(input.directory);
  const passphrase = input.passphrase;
  const backupTo = ctx.backupTo;
  if (!backupTo) throw new OfficeError('INTERNAL', { en: 'This core was started without a backup target.' });
  if (running.has(ctx)) {
    throw new OfficeError('CONFLICT', {
      vi: 'Đang sao lưu; chờ bản sao này xong rồi hãy sao lưu lại.',
      en: 'A backup is already running; wait for it to finish.',
    });
  }
  const state: Running = { phase: 'copying', copiedPages: 0, totalPages: 0, sealedBytes: 0, totalBytes: 0 };
  running.set(ctx, state);
  const started = performance.now();
  try {
    const copy = await copyStore(ctx, caller, directory, passphrase, backupTo, state);
    ctx.log?.info({ file: basename(copy.file), bytes: copy.bytes, seconds: Math.round(performance.now() - started) / 1000 }, 'store copy made');
    return copy;
  } catch (error) {
    ctx.log?.warn({ err: error, phase: state.phase }, 'store copy failed');
    throw error;
  } finally {
    running.delete(ctx);
  }
}

async function copyStore(ctx: CoreContext, caller: Caller, directory: string, passphrase: string, backupTo: BackupTo, state: Running) {
  const office = await getOffice(ctx);
  if (!office) throw new OfficeError('NOT_SET_UP');
  if (!ctx.storeFile) throw new OfficeError('INTERNAL', { en: 'This core was started without its store file.' });
  const now = ctx.clock.now();
  const takenAt = now.toISOString();
  // Two copies in the same second get -2, -3…: an earlier copy is never overwritten.
  const base = `field-office-${office.code}-${fileStamp(now)}`;
  let name = `${base}.sqlite.age`;
  for (let n = 2; existsSync(join(directory, name)); n++) name = `${base}-${n}.sqlite.age`;
  const file = join(directory, name);
  const partial = `${file}.partial`;
  // The copy (encrypted under a key of its own) is made on the laptop's disk, beside the store it
  // was taken from, and goes once sealed onto the stick.
  const copy = join(dirname(ctx.storeFile), `${name}.copy`);
  let held: { participants: number; receipts: number };
  let copyKey: Buffer;
  try {
    try {
      ({ copyKey } = await backupTo(copy, (copiedPages, totalPages) => Object.assign(state, { copiedPages, totalPages })));
      state.phase = 'checking';
      held = await sealBackupFile(copy, takenAt, copyKey);
    } catch (error) {
      throw error instanceof OfficeError ? error : explainFileError(error, dirname(ctx.storeFile), 'directory', 'write');
    }
    state.phase = 'sealing';
    try {
      await sealFile(copy, partial, passphrase, (sealedBytes, totalBytes) => Object.assign(state, { sealedBytes, totalBytes }), copyHeader(copyKey));
      await flushFile(partial);
      renameSync(partial, file);
    } catch (error) {
      await removeQuietlyLater(partial);
      throw explainFileError(error, directory, 'directory', 'write');
    }
  } finally {
    await Promise.all([copy, `${copy}-wal`, `${copy}-shm`, `${copy}-journal`].map(removeQuietlyLater));
  }
  const bytes = statSync(file).size;
  await appendAudit(ctx.db, {
    at: takenAt,
    staffId: caller.staffId,
    action: 'store.backup',
    entity: 'office',
    entityId: office.code,
    details: { file: name, bytes, ...held },
  });
  return { file, bytes, ...held, takenAt };
}
