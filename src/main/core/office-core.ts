// Builds the office core from a data folder: opens (and migrates) the store, loads shipped
// reference data, and returns the one `invoke` that IPC and the loopback harness both serve.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { methodPolicy } from '../../shared/contract/methods';
import { type OfficeLog, openOfficeLog } from './log/office-log';
import { type Clock, systemClock } from './clock';
import type { CoreContext } from './core-context';
import { createDispatcher, type Invoke } from './dispatcher';
import { openDatabase, type OfficeDatabase } from './db/open-database';
import { centralAddress } from './db/repositories/sync-state-repository';
import { lockStore } from './db/store-lock';
import { startStoreMaintenance } from './db/store-maintenance';
import { indexesBuiltAside, StoreWriteGate } from './db/store-write-gate';
import { WalCopiedAside } from './db/wal-copied-aside';
import { startFactsKeeper } from './services/visit-facts';
import { priceFirstPages } from './services/visit-list-service';
import { backupWith } from './db/store-backup';
import { encryptPlainStore } from './db/store-encryption';
import { PlainStoreKey, type StoreKeyStore, storeKeyFrom } from './db/store-key';
import { adoptRestoredCopy } from './services/restored-copy';
import { placeRestoredStore, restoreProgress } from './services/restore-service';
import { backupProgress } from './services/backup-service';
import { ensureDeviceKey } from './services/receipt-signing';
import { checkAuditAtStart } from './services/audit-service';
import { handlers } from './handlers';
import { dropStaleDrafts } from './services/draft-service';
import { loadShippedSchedule } from './services/reference-schedule-store';
import { loadShippedAdminUnits } from './services/admin-units-store';
import { SessionRegistry } from './services/session-registry';
import type { CentralTransport } from './sync/central-transport';
import { type DeviceKeyStore, PlainFileKeyStore } from './sync/device-key-store';
import { HttpCentralTransport } from './sync/http-central-transport';
import { SyncEngine } from './sync/sync-engine';
import { type UpdateFeed, updateFeedOf } from './sync/update-feed';

export interface OfficeCoreOptions {
  dataDir: string;
  resourcesDir: string;
  clock?: Clock;
  log?: (error: unknown) => void;
  /** The office's log file; by default <dataDir>/logs/field-office.log (log/office-log.ts). */
  officeLog?: OfficeLog;
  /** Electron passes a safeStorage-encrypted store; the default is a plain file (harness, tests). */
  keyStore?: DeviceKeyStore;
  /** Where the store's encryption key is kept: Electron seals it; the default is a plain file (harness, tests). */
  storeKeys?: StoreKeyStore;
  /** Replaces the HTTP transport (file-sync and fault tests). */
  makeTransport?: (baseUrl: string, deviceId: string | null) => CentralTransport;
  /** Background sync interval; 0 disables the timer (sync then runs only on "push now"). */
  syncIntervalMs?: number;
}

export interface OfficeCore {
  invoke: Invoke;
  /** The office's log file: what went wrong, sync runs, store copies — and the shell's own events (crash reports). */
  log: OfficeLog;
  /** The central service this office is enrolled with (the updater's feed is there), or null. */
  centralUrl(): Promise<string | null>;
  /** Where the app's updates come from: the central's feed of this office's channel, or null before enrollment. */
  updateFeed(): Promise<UpdateFeed | null>;
  context: CoreContext;
  database: OfficeDatabase;
  /** Work under way that an app update must not cut short. */
  activity(): ('sync' | 'backup' | 'restore')[];
  close(): Promise<void>;
}

function activityOf(ctx: CoreContext): ('sync' | 'backup' | 'restore')[] {
  return [
    ...(ctx.sync?.busy ? (['sync'] as const) : []),
    ...(backupProgress(ctx).running ? (['backup'] as const) : []),
    ...(restoreProgress(ctx).running ? (['restore'] as const) : []),
  ];
}

export const DATABASE_FILE = 'field-office.sqlite';
/** The store key's file for the harness and tests (plain, warned); the desktop app seals it. */
export const PLAIN_STORE_KEY_FILE = 'store-key.txt';

/**
 * The core the hosts (Electron main, the harness) serve. When `store.restore` has opened a sealed
 * copy on this fresh install, the store is closed and opened again at once, so the copy takes the
 * empty store's place (`placeRestoredStore`) and becomes a new device before the next call: the
 * supervisor signs in straight away, no restart. Calls wait while that happens; calls already
 * running finish on the old store first.
 */
export async function createOfficeCore(options: OfficeCoreOptions): Promise<OfficeCore> {
  mkdirSync(options.dataDir, { recursive: true });
  // Held until close, across the reopen after a restore: no second core opens this store meanwhile.
  const lock = lockStore(options.dataDir);
  // One log file for the core's whole life, across the reopen after a restore.
  const opened = options.officeLog ? null : openOfficeLog(options.dataDir);
  const officeLog = options.officeLog ?? opened!.log;
  const withLog = { ...options, officeLog };
  let current: OfficeCore;
  try {
    current = await openOfficeCore(withLog);
  } catch (error) {
    officeLog.error({ err: error }, 'the store did not open');
    await opened?.close();
    lock.release();
    throw error;
  }
  let running = 0;
  let drained: (() => void) | null = null;
  let reopening: Promise<void> | null = null;
  const reopen = async () => {
    if (running > 0) await new Promise<void>((resolve) => (drained = resolve));
    drained = null;
    await current.close();
    current = await openOfficeCore(withLog);
  };
  return {
    invoke: async (method, input, token) => {
      while (reopening) await reopening;
      running++;
      let result: Awaited<ReturnType<Invoke>>;
      try {
        result = await current.invoke(method, input, token);
      } finally {
        running--;
        if (running === 0) drained?.();
      }
      if (result.ok && methodPolicy(method).reopensStore && !reopening) {
        reopening = reopen().finally(() => (reopening = null));
        await reopening;
      }
      return result;
    },
    log: officeLog,
    centralUrl: () => current.centralUrl(),
    updateFeed: () => current.updateFeed(),
    get context() {
      return current.context;
    },
    get database() {
      return current.database;
    },
    activity: () => (reopening ? ['restore'] : activityOf(current.context)),
    close: async () => {
      while (reopening) await reopening;
      try {
        await current.close();
      } finally {
        await opened?.close();
        lock.release();
      }
    },
  };
}

async function openOfficeCore(options: OfficeCoreOptions & { officeLog: OfficeLog }): Promise<OfficeCore> {
  mkdirSync(options.dataDir, { recursive: true });
  const officeLog = options.officeLog;
  // What the core did not expect goes to the log file, and to the host's own report (the console by default).
  const report = (error: unknown, method?: string) => {
    officeLog.error({ err: error, ...(method ? { method } : {}) }, 'unexpected error');
    (options.log ?? console.error)(error);
  };
  const storeFile = join(options.dataDir, DATABASE_FILE);
  // The key is made and kept before any page is written with it.
  const storeKey = storeKeyFrom(options.storeKeys ?? new PlainStoreKey(join(options.dataDir, PLAIN_STORE_KEY_FILE)), storeFile);
  // A sealed copy opened on this fresh install (store.restore) takes the empty store's place now.
  placeRestoredStore(storeFile, storeKey, report);
  // A store kept plain by an earlier version is encrypted, once (db/store-encryption.ts).
  await encryptPlainStore(storeFile, storeKey);
  const database = await openDatabase(storeFile, { key: storeKey });
  const clock = options.clock ?? systemClock;
  await loadShippedAdminUnits(database.db, options.resourcesDir, clock.now().toISOString());
  await loadShippedSchedule(database.db, join(options.resourcesDir, 'reference', 'contribution-rates.json'), clock.now().toISOString());
  await dropStaleDrafts(database.db, clock.now());
  const keyStore = options.keyStore ?? new PlainFileKeyStore(join(options.dataDir, 'device-key.json'));
  await adoptRestoredCopy(database.db, keyStore, clock.now().toISOString());
  ensureDeviceKey(keyStore, options.log ?? console.error);
  await checkAuditAtStart(database.db, clock.now().toISOString());
  const makeTransport =
    options.makeTransport ??
    ((baseUrl: string, deviceId: string | null) => new HttpCentralTransport({ baseUrl, deviceId, keys: keyStore.load(), clock: () => clock.now() }));
  let transportConfig: { centralUrl: string | null; centralDeviceId: string | null } = { centralUrl: null, centralDeviceId: null };
  const sync = new SyncEngine(database.db, clock, keyStore, () =>
    transportConfig.centralUrl ? makeTransport(transportConfig.centralUrl, transportConfig.centralDeviceId) : null,
  );
  sync.log = officeLog;
  // Work that holds the store's write lock on a connection of its own: the core's thread answers meanwhile.
  const storeWrites = new StoreWriteGate(database.sqlite);
  sync.buildIndexes = indexesBuiltAside(storeWrites, storeFile, storeKey, report);
  sync.walAside = new WalCopiedAside(storeFile, storeKey, report);
  sync.beforeRun = async () => {
    transportConfig = await centralAddress(database.db);
  };
  const context: CoreContext = {
    db: database.db,
    clock,
    sessions: new SessionRegistry(),
    resourcesDir: options.resourcesDir,
    sync,
    makeTransport,
    backupTo: backupWith(storeFile, storeKey),
    storeFile,
    storeKey,
    log: officeLog,
    storeWrites,
  };
  if ((options.syncIntervalMs ?? 30_000) > 0) sync.start(options.syncIntervalMs ?? 30_000);
  const maintenance = startStoreMaintenance(database.sqlite, { log: report, paused: () => storeWrites.held });
  const factsKeeper = startFactsKeeper(database.db, report, { priceAhead: (stopped) => priceFirstPages(context, stopped), paused: () => storeWrites.held });
  const dispatch = createDispatcher(context, handlers, report);
  return {
    invoke: async (method, input, token) => {
      const result = await dispatch(method, input, token);
      maintenance.afterCall();
      factsKeeper.afterCall();
      return result;
    },
    log: officeLog,
    centralUrl: async () => (await centralAddress(database.db)).centralUrl,
    updateFeed: () => updateFeedOf(database.db),
    context,
    database,
    activity: () => activityOf(context),
    close: async () => {
      maintenance.stop();
      sync.stop();
      await sync.idle();
      await factsKeeper.stop();
      await storeWrites.afterwards;
      await database.close();
    },
  };
}
