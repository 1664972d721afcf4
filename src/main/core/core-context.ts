// What every service receives: the store, the clock, the sessions and where reference files are.
// The caller is who is asking (resolved from the session token by the dispatcher).
import type { WalAside } from './db/wal-copied-aside';
import type { Kysely } from 'kysely';
import type { BackupTo } from './db/store-backup';
import type { Role } from '../../shared/contract/primitives';
import type { Clock } from './clock';
import type { OfficeLog } from './log/office-log';
import type { Database } from './db/schema';
import type { SessionRegistry } from './services/session-registry';
import type { PushSummary, SyncStatus } from '../../shared/contract/sync';
import type { CentralTransport } from './sync/central-transport';
import type { DeviceKeyStore } from './sync/device-key-store';
import type { StoreWriteGate } from './db/store-write-gate';

/**
 * What the sync services ask of the background sync (sync/sync-engine.ts implements it). Declared
 * here, not imported from the engine, so that nothing a service needs depends on the engine's own
 * imports (the pull and result appliers, which call services).
 */
export interface SyncControl {
  readonly keyStore: DeviceKeyStore;
  status(): Promise<SyncStatus>;
  runNow(): Promise<PushSummary>;
  /** The central just answered outside a run (enrollment). */
  noteReachable(): void;
  /** A push or pull is under way (an app update does not install meanwhile). */
  readonly busy: boolean;
  /** Runs now in the background when background sync is on (after enrollment: the picture fills at once). */
  kick(): void;
  /** Rows per page of the office picture's first fill (tests make it small to see many pages). */
  picturePageSize: number;
  /** Copies the WAL into the store file off the core's thread while the picture fills. */
  readonly walAside: WalAside;
}

export interface CoreContext {
  db: Kysely<Database>;
  clock: Clock;
  sessions: SessionRegistry;
  resourcesDir: string;
  /** Absent only in tools that never sync (benchmarks). */
  sync?: SyncControl;
  makeTransport?: (baseUrl: string, deviceId: string | null) => CentralTransport;
  /** Copies the whole store to a file (a snapshot in a worker, ADR 0022); absent in tools that never back up. */
  backupTo?: BackupTo;
  /** The store's file: a backup copy put here (app closed) restores the office. */
  storeFile?: string;
  /** The store's encryption key (db/store-key.ts): a restored copy is re-keyed to it. */
  storeKey?: Buffer;
  /** The office's log file (log/office-log.ts); absent in tools that keep none. */
  log?: OfficeLog;
  /** Calls go through it: a write refused while work aside holds the store's lock waits for it (ADR 0041). */
  storeWrites?: StoreWriteGate;
}

export interface Caller {
  token: string | undefined;
  staffId: string | null;
  role: Role | null;
}

export function nowIso(ctx: CoreContext): string {
  return ctx.clock.now().toISOString();
}
