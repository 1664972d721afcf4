// `store.restore`: on a laptop where Field Office has just been installed (no office set up), the
// supervisor opens a sealed copy from the USB stick with its passphrase. The copy is decrypted
// beside the store, checked (it opens, passes SQLite's quick check, holds an office and was made by
// `store.backup`) and flushed, then waits as `<store>.restored`; right after this call the core
// closes the empty store and opens again (office-core.ts), and the copy takes the empty store's
// place before anything opens it (`placeRestoredStore`) and becomes a new device
// (services/restored-copy.ts). Should the app stop in between, that happens at its next start. A
// wrong passphrase, another file, or a damaged copy is a typed error, and nothing is left behind.
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import type Sqlite from 'better-sqlite3-multiple-ciphers';
import { OfficeError } from '../../../shared/contract/errors';
import type { CoreContext } from '../core-context';
import { migrations } from '../db/migrations/index';
import { checkCopyFile, runStoreTask } from '../db/copy-check';
import { openKeyedDatabase } from '../db/store-cipher';
import { openStoreEitherWay } from '../db/store-encryption';
import { flushFile } from '../db/store-backup';
import { appliedMigrations, hasOffice, officeOfFile } from '../db/store-file-facts';
import { openSealedFile } from '../files/sealed-copy';
import { openChosenFile } from '../files/chosen-paths';
import { explainFileError, removeQuietlyLater } from '../files/user-folders';
import { getOffice } from './auth-service';

/** What a checked copy holds. */
interface CopyContents {
  officeCode: string;
  officeName: string;
  participants: number;
  receipts: number;
  takenAt: string;
}

/** The copy being opened into each store, if any (one at a time), and how far it has got. */
interface Running {
  phase: 'opening' | 'checking';
  done: number;
  total: number;
}
const restoring = new WeakMap<CoreContext, Running>();

/**
 * `store.restoreProgress`: for the setup page's progress bar. Decrypting the copy fills the bar to
 * 90 %; the check that follows (SQLite's quick check, a few seconds for a large office) the rest.
 */
export function restoreProgress(ctx: CoreContext) {
  const now = restoring.get(ctx);
  if (!now) return { running: false, phase: null, percent: null };
  const percent = now.phase === 'checking' ? 90 : now.total > 0 ? Math.floor((now.done * 90) / now.total) : 0;
  return { running: true, phase: now.phase, percent };
}

export async function restoreStore(ctx: CoreContext, input: { file: string; passphrase: string }): Promise<CopyContents> {
  if (await getOffice(ctx)) {
    throw new OfficeError('CONFLICT', {
      vi: 'Máy này đã có văn phòng. Chỉ khôi phục bản sao vào Field Office vừa cài đặt, chưa thiết lập.',
      en: 'This laptop already has an office. A copy can only be restored into a freshly installed, not yet set up Field Office.',
    });
  }
  if (!ctx.storeFile || !ctx.storeKey) throw new OfficeError('INTERNAL', { en: 'This core was started without its store file or key.' });
  if (restoring.has(ctx))
    throw new OfficeError('CONFLICT', { vi: 'Đang khôi phục một bản sao; chờ xong đã.', en: 'A copy is already being restored; wait for it.' });
  const source = await openChosenFile(input.file, 'store-copy');
  const storeKey = ctx.storeKey;
  const opened = `${ctx.storeFile}.restoring`;
  const ready = `${ctx.storeFile}.restored`;
  const state: Running = { phase: 'opening', done: 0, total: 0 };
  restoring.set(ctx, state);
  try {
    await removeQuietlyLater(opened);
    const { copyKey } = await openSealedFile(source, opened, input.passphrase, (done, total) => Object.assign(state, { done, total }));
    state.phase = 'checking';
    const contents = await checkCopy(opened, copyKey);
    // The copy takes this laptop's store key (a copy sealed before stores were encrypted is
    // encrypted now), so it opens in the empty store's place with the key already kept here.
    await runStoreTask('rekey', { file: opened, keyHex: copyKey?.toString('hex') ?? null, newKeyHex: storeKey.toString('hex') });
    await flushFile(opened);
    renameSync(opened, ready);
    ctx.log?.info({ file: basename(input.file), participants: contents.participants, receipts: contents.receipts }, 'store copy restored');
    return contents;
  } catch (error) {
    ctx.log?.warn({ err: error, phase: state.phase }, 'store copy not restored');
    await removeQuietlyLater(opened);
    throw error instanceof OfficeError ? error : explainFileError(error, ctx.storeFile, 'file', 'write');
  } finally {
    restoring.delete(ctx);
    await source.handle.close();
  }
}

function notACopy(): OfficeError {
  return new OfficeError('VALIDATION', {
    field: 'file',
    vi: 'Tệp giải mã được nhưng không phải bản sao dữ liệu văn phòng do Field Office lập.',
    en: 'The file decrypts, but it is not an office copy made by Field Office.',
  });
}

/**
 * Checks the decrypted copy. What the copy holds is never put in the answer (only counts and the
 * office it names, once it proved to be a copy): SQLite's and the worker's error texts stay here.
 */
async function checkCopy(file: string, key: Buffer | null): Promise<CopyContents> {
  // SQLite's quick check first, off this thread (a few seconds for a large office).
  const { verdict, participants, receipts } = await checkCopyFile(file, { key }).catch(() => {
    throw notACopy();
  });
  if (verdict !== 'ok') throw notACopy();
  let copy: Sqlite.Database;
  try {
    copy = openKeyedDatabase(file, key, { fileMustExist: true });
  } catch {
    throw notACopy();
  }
  try {
    // A copy from a newer Field Office (the broken laptop was updated, the new one not yet) has
    // steps this version cannot read; opened, it would stop the app at start. Said before, instead.
    const known = new Set(Object.keys(migrations));
    const newer = appliedMigrations(copy).filter((name) => !known.has(name));
    if (newer.length > 0) {
      throw new OfficeError('VALIDATION', {
        field: 'file',
        vi: 'Bản sao này do phiên bản Field Office mới hơn lập. Hãy cập nhật ứng dụng trên máy này rồi mở lại bản sao.',
        en: 'This copy was made by a newer version of Field Office. Update the app on this laptop, then open the copy again.',
        // Step names as this app writes them (`0012-central-sealing-key`), nothing else the file holds.
        details: { newer: newer.filter((name) => /^\d{4}-[a-z0-9-]{1,60}$/.test(name)) },
      });
    }
    const office = officeOfFile(copy);
    if (!office?.takenAt) throw notACopy();
    return { officeCode: office.code, officeName: office.name, participants, receipts, takenAt: office.takenAt };
  } catch (error) {
    throw error instanceof OfficeError ? error : notACopy();
  } finally {
    copy.close();
  }
}

/**
 * At start, before the store opens: a restored copy waiting beside an empty store takes its place
 * (the empty store is kept aside, named by the time). If an office was set up on this laptop in
 * the meantime, the copy is left where it is and reported: nothing of either is lost.
 */
export function placeRestoredStore(storeFile: string, key: Buffer, log: (message: string) => void): boolean {
  const ready = `${storeFile}.restored`;
  if (!existsSync(ready)) return false;
  if (existsSync(storeFile) && storeHasOffice(storeFile, key)) {
    log(`[store] ${ready} was not put in place: an office has been set up in ${storeFile} since the copy was opened`);
    return false;
  }
  const aside = `${storeFile}.before-restore-${Date.now()}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(storeFile + suffix)) renameSync(storeFile + suffix, aside + suffix);
  renameSync(ready, storeFile);
  return true;
}

function storeHasOffice(storeFile: string, key: Buffer): boolean {
  const store = openStoreEitherWay(storeFile, key, { fileMustExist: true });
  try {
    return hasOffice(store);
  } finally {
    store.close();
  }
}
