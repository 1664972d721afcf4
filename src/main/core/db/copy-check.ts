// Work on a whole store file off the main thread: SQLite's quick check of a copy with the people
// and receipts it holds, the consistent snapshot of the live store that a backup copies
// (`VACUUM INTO` on a read connection of its own), the change of a copy's key, and the pulled
// payments' indexes built after a new device's fill (ADR 0041: a connection of its own, while the
// core's connection goes on reading), and the WAL copied into the store file while a picture fills
// (wal-copied-aside.ts). At a million people each reads or writes half a gigabyte for
// seconds, which on the main thread froze every call — and the progress bar of the backup or
// restore that asked for it — meanwhile.
// better-sqlite3 runs in worker threads; each task is plain JavaScript given as text, so there is
// no file of its own to bundle for Electron, the harness and the tests alike, and it loads the same
// driver the core does. Should the worker be unable to load it, or to run at all (a packaging
// surprise), the task runs on this thread: slower to wait for, never skipped.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { APPLY_KEY_SOURCE, STORE_CIPHER } from './store-cipher';

/** What the check found: `verdict` is "ok" or SQLite's list of problems; counts only when ok. */
export interface CopyCheck {
  verdict: string;
  participants: number;
  receipts: number;
}

/**
 * The tasks, as the text of functions of (Database, input); the worker runs them, and so does this
 * thread when the worker cannot. Text rather than functions of this module, whose compiled form
 * (tsx, the Electron bundle) may call helpers the worker does not have.
 */
const TASKS = `{
  check(Database, { file, keyHex, takenAt }) {
    const copy = new Database(file, { fileMustExist: true });
    try {
      applyKey(copy, keyHex);
      if (takenAt) {
        copy.pragma('journal_mode = DELETE');
        copy.prepare('UPDATE office SET copy_taken_at = ?').run(takenAt);
      }
      const verdict = String(copy.pragma('quick_check', { simple: true }));
      if (verdict !== 'ok') return { verdict, participants: 0, receipts: 0 };
      const count = (table) => copy.prepare('SELECT count(*) FROM ' + table).pluck().get();
      return { verdict, participants: count('participants'), receipts: count('receipts') };
    } finally {
      copy.close();
    }
  },
  snapshot(Database, { store, keyHex, destination }) {
    const source = new Database(store, { readonly: true, fileMustExist: true });
    try {
      applyKey(source, keyHex);
      source.prepare('VACUUM INTO ?').run(destination);
    } finally {
      source.close();
    }
    return null;
  },
  rekey(Database, { file, keyHex, newKeyHex }) {
    const copy = new Database(file, { fileMustExist: true });
    try {
      applyKey(copy, keyHex);
      copy.pragma('journal_mode = DELETE');
      // A plain copy (made before the store was encrypted) takes the store's cipher as it is keyed.
      if (!keyHex) {
        copy.pragma("cipher = '${STORE_CIPHER}'");
        copy.pragma('kdf_iter = 1');
      }
      copy.pragma("hexrekey = '" + newKeyHex + "'");
    } finally {
      copy.close();
    }
    return null;
  },
  indexes(Database, { file, keyHex, statements, hold }, tell) {
    const store = new Database(file, { fileMustExist: true });
    try {
      applyKey(store, keyHex);
      // The core's connection may be between two statements of a write: waited for here, off its thread.
      store.pragma('busy_timeout = 600000');
      // The sort's memory: an eighth of the fill's cache, in the same process as the core's heap (RSS;
      // 8 MB built a tenth of the payments as fast as 16 MB: ADR 0041).
      store.pragma('cache_size = -8192');
      store.pragma('synchronous = NORMAL');
      store.pragma('wal_autocheckpoint = 0');
      store.exec('BEGIN IMMEDIATE');
      tell('locked');
      // Tests hold the build here, with the store's write lock taken, to see the core answer meanwhile.
      if (hold) Atomics.wait(hold, 0, 0);
      for (const statement of statements) store.exec(statement);
      store.exec('COMMIT');
      // Built and committed (the write lock let go): the core may use them and write again.
      tell('built');
      // Tests hold it here too (a second slot), to see the core go on before the pages are copied.
      if (hold && hold.length > 1) Atomics.wait(hold, 1, 0);
      // The index pages are copied into the database file here, not on the core's thread.
      store.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      if (store.inTransaction) store.exec('ROLLBACK');
      store.close();
    }
    return null;
  },
  copyWal(Database, { file, keyHex, stop, pauseMs, inWorker }) {
    // Only in a worker: on the core's thread it would hold the core until told to stop.
    if (!inWorker) return { copies: 0, complete: 0 };
    const store = new Database(file, { fileMustExist: true });
    let copies = 0;
    let complete = 0;
    try {
      applyKey(store, keyHex);
      store.pragma('busy_timeout = 0');
      store.pragma('synchronous = NORMAL');
      store.pragma('wal_autocheckpoint = 0');
      let last = null;
      // One copy at least, and a last one once told to stop: what the fill's last pages wrote.
      for (;;) {
        const step = store.pragma('wal_checkpoint(PASSIVE)')[0];
        copies++;
        const all = !step.busy && step.checkpointed === step.log;
        if (all) complete++;
        if (Atomics.load(stop, 0) !== 0) break;
        const stuck = last !== null && step.log === last.log && step.checkpointed === last.checkpointed;
        last = step;
        // All copied, another connection copying, or a reader holding the rest: rest until more
        // is written. Frames written meanwhile are copied at once, so that a copy ends between two
        // of the core's commits and the next commit starts the WAL over from its beginning.
        if (all || step.busy || stuck) Atomics.wait(stop, 0, 0, pauseMs);
      }
    } finally {
      store.close();
    }
    return { copies, complete };
  },
}`;

const PRELUDE = `const applyKey = ${APPLY_KEY_SOURCE};\nconst tasks = ${TASKS};`;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
${PRELUDE}
let Database = null;
try {
  Database = require(workerData.driver);
} catch (error) {
  parentPort.postMessage({ unavailable: String(error && error.message) });
}
if (Database) {
  try {
    const tell = (note) => parentPort.postMessage({ note });
    parentPort.postMessage({ result: tasks[workerData.task](Database, { ...workerData.input, inWorker: true }, tell) });
  } catch (error) {
    parentPort.postMessage({ failed: { message: String(error && error.message), code: error && error.code } });
  }
}
`;

type TaskName = 'check' | 'snapshot' | 'rekey' | 'indexes' | 'copyWal';
const tasksHere = new Function(`${PRELUDE}\nreturn tasks;`)() as Record<
  TaskName,
  (Database: typeof Sqlite, input: unknown, tell: (note: string) => void) => unknown
>;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/**
 * Runs a task in a worker thread (or here, when no worker can run it); rejects with SQLite's error.
 * `onNote` hears what the task tells on its way (the index build: "locked").
 */
export async function runStoreTask<T>(
  task: TaskName,
  input: Record<string, unknown>,
  driver: string = driverPath(),
  onNote: (note: string) => void = () => undefined,
): Promise<T> {
  const answer = await new Promise<{ result?: T; failed?: { message: string; code?: string }; unavailable?: string }>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { task, input, driver } });
    } catch (error) {
      resolve({ unavailable: error instanceof Error ? error.message : String(error) });
      return;
    }
    worker.on('message', (message: { note?: string; result?: T; failed?: { message: string; code?: string }; unavailable?: string }) => {
      if (message.note === undefined) resolve(message);
      else onNote(message.note);
    });
    // A worker that could not run at all (it failed or ended before answering): run here.
    worker.once('error', (error) => resolve({ unavailable: error instanceof Error ? error.message : String(error) }));
    worker.once('exit', (code) => resolve({ unavailable: `exit ${code}` }));
  });
  if (answer.failed) throw Object.assign(new Error(answer.failed.message), { code: answer.failed.code });
  if ('result' in answer) return answer.result as T;
  return tasksHere[task](Sqlite, input, onNote) as T;
}

/**
 * Checks the copy at `file` off the main thread. A file that cannot be opened or read as a
 * database (or with `key`, when it is encrypted) rejects with SQLite's error, as the check on this
 * thread would. With `markTakenAt` (a copy just made), the copy is first made one self-contained
 * file (rollback journal: no `-wal` or `-shm` beside it) and marked as a copy taken then — a commit
 * that flushes the whole file, so it too is kept off the main thread. `driver` is for tests.
 */
export async function checkCopyFile(
  file: string,
  { markTakenAt = null, key = null, driver }: { markTakenAt?: string | null; key?: Buffer | null; driver?: string } = {},
): Promise<CopyCheck> {
  return runStoreTask<CopyCheck>('check', { file, keyHex: key?.toString('hex') ?? null, takenAt: markTakenAt }, driver);
}
