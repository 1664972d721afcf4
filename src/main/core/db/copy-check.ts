// SQLite's quick check of a store copy, and the people and receipts it holds, in a worker thread:
// at a million people the check reads half a gigabyte for about 3 s, which on the main thread
// froze every call — and the progress bar of the backup or restore that asked for it — meanwhile.
// better-sqlite3 runs in worker threads; the worker is plain CommonJS given as text, so there is no
// file of its own to bundle for Electron, the harness and the tests alike, and it loads the same
// better-sqlite3 the core does. Should the worker be unable to load it, or to run at all (a
// packaging surprise), the check runs on this thread as before: slower to wait for, never skipped.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';

/** What the check found: `verdict` is "ok" or SQLite's list of problems; counts only when ok. */
export interface CopyCheck {
  verdict: string;
  participants: number;
  receipts: number;
}

/**
 * The check, as the text of a function of (Database, file, takenAt): the worker runs it, and so
 * does this thread when the worker cannot. Text rather than a function of this module, whose
 * compiled form (tsx, the Electron bundle) may call helpers the worker does not have.
 */
const CHECK = `function check(Database, file, takenAt) {
  const copy = new Database(file, { fileMustExist: true });
  try {
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
}`;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database = null;
try {
  Database = require(workerData.driver);
} catch (error) {
  parentPort.postMessage({ unavailable: String(error && error.message) });
}
if (Database) {
  try {
    parentPort.postMessage({ result: (${CHECK})(Database, workerData.file, workerData.takenAt) });
  } catch (error) {
    parentPort.postMessage({ failed: { message: String(error && error.message), code: error && error.code } });
  }
}
`;

const checkHere = new Function(`return ${CHECK}`)() as (Database: typeof Sqlite, file: string, takenAt: string | null) => CopyCheck;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Checks the copy at `file` off the main thread. A file that cannot be opened or read as a
 * database rejects with SQLite's error, as the check on this thread would. With `markTakenAt` (a
 * copy just made), the copy is first made one self-contained file (rollback journal: no `-wal` or
 * `-shm` beside it) and marked as a copy taken then — a commit that flushes the whole file, so it
 * too is kept off the main thread. `driver` is for tests.
 */
export async function checkCopyFile(
  file: string,
  { markTakenAt = null, driver = driverPath() }: { markTakenAt?: string | null; driver?: string } = {},
): Promise<CopyCheck> {
  const answer = await new Promise<{ result?: CopyCheck; failed?: { message: string; code?: string }; unavailable?: string }>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, takenAt: markTakenAt } });
    } catch (error) {
      resolve({ unavailable: error instanceof Error ? error.message : String(error) });
      return;
    }
    worker.once('message', resolve);
    // A worker that could not run at all (it failed or ended before answering): checked here.
    worker.once('error', (error) => resolve({ unavailable: error instanceof Error ? error.message : String(error) }));
    worker.once('exit', (code) => resolve({ unavailable: `exit ${code}` }));
  });
  if (answer.failed) throw Object.assign(new Error(answer.failed.message), { code: answer.failed.code });
  return answer.result ?? checkHere(Sqlite, file, markTakenAt);
}
