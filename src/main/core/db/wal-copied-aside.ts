// While a new device's picture fills, the pages its commits write to the WAL are copied into the
// store file by a worker thread on a connection of its own (copy-check.ts, task `copyWal`), rather
// than all by the housekeeping on the core's thread (store-maintenance.ts): at a million people
// and five million payments those copies held the core's thread ~33 s of a 233 s fill (each page
// read back from the WAL, written again, the file synced; ADR 0041). The worker copies whatever
// the WAL holds, again at once while the core keeps committing, and rests a moment once all is
// copied. Starting the WAL over from its beginning stays with the housekeeping, every few
// seconds as before: a commit restarts the WAL only if it begins after a complete copy, which the
// core's next page, already received, seldom leaves time for — and the housekeeping's own
// checkpoint, just before its restart, now has only the last moment's pages left to copy.
import { runStoreTask } from './copy-check';

/** How long the worker rests once the WAL is all copied, in ms. */
const PAUSE_MS = 200;

export interface WalAside {
  /** Copies made and those that found the whole WAL copied, over this process (tests, the benchmark). */
  readonly copies: { runs: number; copies: number; complete: number };
  /** Starts copying the WAL aside (no-op if already). */
  start(): void;
  /** Stops and waits for the worker to end. */
  end(): Promise<void>;
}

export const noWalAside: WalAside = { copies: { runs: 0, copies: 0, complete: 0 }, start: () => undefined, end: async () => undefined };

export class WalCopiedAside implements WalAside {
  private stop: Int32Array | null = null;
  private running: Promise<void> | null = null;
  readonly copies = { runs: 0, copies: 0, complete: 0 };

  constructor(
    private readonly storeFile: string,
    private readonly key: Buffer | null,
    private readonly log: (error: unknown) => void = console.error,
    private readonly driver?: string,
  ) {}

  /** True while the worker copies the WAL. */
  get active(): boolean {
    return this.running !== null;
  }

  start(): void {
    if (this.running) return;
    const stop = new Int32Array(new SharedArrayBuffer(4));
    this.stop = stop;
    this.copies.runs++;
    this.running = runStoreTask<{ copies: number; complete: number }>(
      'copyWal',
      { file: this.storeFile, keyHex: this.key?.toString('hex') ?? null, stop, pauseMs: PAUSE_MS },
      this.driver,
    )
      .then(
        (done) => {
          this.copies.copies += done.copies;
          this.copies.complete += done.complete;
        },
        // The housekeeping copies the WAL as before.
        (error: unknown) => this.log(error),
      )
      .finally(() => {
        if (this.stop === stop) this.stop = null;
        this.running = null;
      });
  }

  async end(): Promise<void> {
    const { stop, running } = this;
    if (!stop || !running) return;
    Atomics.store(stop, 0, 1);
    Atomics.notify(stop, 0);
    await running;
  }
}
