// While work on a connection of its own holds the store's write lock (the pulled payments' indexes
// built after a new device's fill, ADR 0041: tens of seconds at millions of payments), the core's
// own connection goes on reading — WAL — and its thread keeps answering: searches, quotes, lists.
// A write on it cannot proceed meanwhile. SQLite would make it wait in its busy handler, on the
// core's one thread (frozen for up to busy_timeout, 5 s, then an untyped failure); here the core's
// connection does not wait at all (busy_timeout 0), the housekeeping stands aside, and a call whose
// write was refused — one begun after the lock was taken, so it wrote nothing — waits for the work
// to end (a bounded time, without holding the thread) and runs again. A call begun before the lock
// was taken may have written part of its work before it: it is answered with the typed BUSY error
// rather than run twice.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { OfficeError } from '../../../shared/contract/errors';
import { runStoreTask } from './copy-check';

/** How long a refused write waits for the work holding the lock before BUSY is answered. */
export const WRITE_WAIT_MS = 60_000;

/** The core's usual busy timeout (open-database.ts). */
const USUAL_BUSY_TIMEOUT_MS = 5000;

interface Holding {
  /** Calls begun up to here may have written before the lock was taken; null until it is. */
  lockedAfterCall: number | null;
  ended: Promise<void>;
}

export class StoreWriteGate {
  private calls = 0;
  private holding: Holding | null = null;
  /** Tests shorten it to see BUSY answered. */
  waitMs = WRITE_WAIT_MS;
  /** Tests hold work aside once it has the lock, until they set it to 1 (Atomics.notify). */
  testHold: Int32Array | null = null;
  /** What work aside still does once it has let the lock go (copying its pages into the store file). */
  afterwards: Promise<void> = Promise.resolve();

  constructor(private readonly sqlite: BetterSqlite3.Database | null) {}

  /** True while work elsewhere holds (or is about to hold) the store's write lock. */
  get held(): boolean {
    return this.holding !== null;
  }

  /** True once that work has the lock (calls begun after it wrote nothing if refused). */
  get locked(): boolean {
    return this.holding?.lockedAfterCall != null;
  }

  /**
   * Runs `work` (which takes the write lock on a connection of its own and calls `locked` once it
   * has it) with the core's connection refusing writes at once instead of waiting on its thread.
   */
  async holdWhile<T>(work: (locked: () => void) => Promise<T>): Promise<T> {
    while (this.holding) await this.holding.ended;
    let end!: () => void;
    const holding: Holding = { lockedAfterCall: null, ended: new Promise<void>((resolve) => (end = resolve)) };
    this.holding = holding;
    this.sqlite?.pragma('busy_timeout = 0');
    try {
      return await work(() => (holding.lockedAfterCall ??= this.calls));
    } finally {
      if (this.sqlite?.open) this.sqlite.pragma(`busy_timeout = ${USUAL_BUSY_TIMEOUT_MS}`);
      this.holding = null;
      end();
    }
  }

  /**
   * Runs one call into the core. Refused a write because the lock is held elsewhere, the call runs
   * again once it is let go if it began after the lock was taken (nothing of it was written), up to
   * `waitMs`; otherwise the caller hears BUSY.
   */
  async call<T>(attempt: () => Promise<T>): Promise<T> {
    const call = ++this.calls;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        const holding = this.holding;
        if (!isBusy(error) || holding === null) throw error;
        if (holding.lockedAfterCall === null || call <= holding.lockedAfterCall) throw busy();
        let timer: NodeJS.Timeout | undefined;
        const waited = await Promise.race([
          holding.ended.then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.waitMs))),
        ]);
        clearTimeout(timer);
        if (!waited) throw busy();
      }
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function busy(): OfficeError {
  return new OfficeError('BUSY');
}

/**
 * Builds index statements on the store file in a worker, on a connection of its own keyed as the
 * store is, while `gate` keeps the core's thread answering (ADR 0041). Done once they are
 * committed: the worker then copies their pages from the WAL into the store file on its own
 * (`gate.afterwards`, which the core waits for before it closes), as the core reads and writes.
 */
export function indexesBuiltAside(gate: StoreWriteGate, storeFile: string, key: Buffer | null, log: (error: unknown) => void = console.error) {
  return (_db: unknown, statements: readonly string[]): Promise<void> =>
    gate.holdWhile(
      (locked) =>
        new Promise<void>((built, failed) => {
          let done = false;
          const task = runStoreTask<null>(
            'indexes',
            { file: storeFile, keyHex: key?.toString('hex') ?? null, statements: [...statements], hold: gate.testHold },
            undefined,
            (note) => {
              if (note === 'locked') locked();
              if (note === 'built') {
                done = true;
                built();
              }
            },
          );
          gate.afterwards = Promise.all([gate.afterwards, task.catch((error: unknown) => (done ? log(error) : undefined))]).then(() => undefined);
          task.then(() => built(), failed);
        }),
    );
}
