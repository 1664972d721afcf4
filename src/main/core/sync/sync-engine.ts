// The sync engine: one run at a time, pushes every unanswered batch (oldest first, resent as
// recorded), then new batches from the outbox, applies each batch's results, then pulls changes.
// Failures back off with jitter and the next run resumes where the last stopped — after a restart
// too, because batches, results and the cursor are all in the store. Runs in the background on a
// timer and never blocks a clerk's call for longer than its own short transactions.
import type { Kysely } from 'kysely';
import type { PushSummary, SyncStatus } from '../../../shared/contract/sync';
import { businessDate } from '../../../shared/domain/business-date';
import type { Clock } from '../clock';
import { type OfficeLog, silentOfficeLog } from '../log/office-log';
import * as outbox from '../db/repositories/outbox-repository';
import { answeredSince, countUnanswered as unansweredBatches } from '../db/repositories/sync-batches-repository';
import { countOpen as openIssues } from '../db/repositories/sync-issues-repository';
import { readSyncState, recordRunFailed, recordRunSucceeded } from '../db/repositories/sync-state-repository';
import type { Database } from '../db/schema';
import { backoffDelay } from './backoff';
import { recordNextBatch, unansweredBatch } from './batch-builder';
import { type CentralTransport, TransportError } from './central-transport';
import type { DeviceKeyStore } from './device-key-store';
import { ownStatusReport, replaceOfficeDevices } from '../db/repositories/office-devices-repository';
import { fillPicture, finishPictureIndexes, type IndexBuilder, PICTURE_PAGE, pictureView, readPictureState, restartPicture } from './picture-fill';
import { applyPulledChanges } from './pull-applier';
import { noWalAside, type WalAside } from '../db/wal-copied-aside';
import { deviceKeys } from '../services/receipt-signing';
import { applyBatchResults, type BatchSummary } from './result-applier';

export const PULL_PAGE = 2000;

export class SyncEngine {
  private running: Promise<PushSummary> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private progress: SyncStatus['progress'] = null;
  private online = false;
  /**
   * The last failure in English beside the Vietnamese the store keeps (sync_state.last_error): the
   * status offers it while it is still the stored one; after a restart, until the next run, only
   * the Vietnamese is known.
   */
  private lastFailure: { vi: string; en: string } | null = null;
  /** The office's log file: each run, what it sent and pulled or why it failed. */
  log: OfficeLog = silentOfficeLog();
  /** Where this run's picture fill began (for its pace). */
  private picturePace: { at: number; rows: number } | null = null;
  /** Rows per page of the picture's first fill (tests make it small to see many pages). */
  picturePageSize = PICTURE_PAGE;
  /** Builds the pulled payments' indexes after the fill (the core: aside, in a worker; ADR 0041). */
  buildIndexes: IndexBuilder | undefined = undefined;
  /** Copies the WAL into the store file off the core's thread while the picture fills (the core: a worker). */
  walAside: WalAside = noWalAside;
  /** Refreshes what the transport factory needs (central URL, device id) before each run. */
  beforeRun: () => Promise<void> = async () => undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    readonly keyStore: DeviceKeyStore,
    private readonly transport: () => CentralTransport | null,
    private readonly random: () => number = Math.random,
  ) {}

  async status(): Promise<SyncStatus> {
    const state = await readSyncState(this.db);
    return {
      enrolled: state.centralDeviceId !== null,
      centralUrl: state.centralUrl,
      centralDeviceId: state.centralDeviceId,
      keyProtection: this.keyStore.protection,
      pendingOps: await outbox.countUnanswered(this.db),
      unansweredBatches: await unansweredBatches(this.db),
      openIssues: await openIssues(this.db),
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
      lastErrorEn: state.lastError !== null && this.lastFailure?.vi === state.lastError ? this.lastFailure.en : null,
      nextAttemptAt: state.nextAttemptAt,
      online: this.online,
      progress: this.progress,
      picture: await this.picture(),
      today: await this.answeredToday(),
    };
  }

  private async picture(): Promise<SyncStatus['picture']> {
    const { state, progress } = await readPictureState(this.db);
    return pictureView(state, progress, this.picturePace, this.clock.now().getTime());
  }

  /** The batches the central answered since midnight at UTC+7, summed from their stored summaries. */
  private async answeredToday(): Promise<SyncStatus['today']> {
    const since = new Date(Date.parse(`${businessDate(this.clock.now())}T00:00:00+07:00`)).toISOString();
    const rows = await answeredSince(this.db, since);
    const today: SyncStatus['today'] = { batches: rows.length, applied: 0, duplicates: 0, rejected: 0, held: 0, lastAt: rows.at(-1)?.appliedAt ?? null };
    for (const row of rows) {
      const summary = JSON.parse(row.summary ?? '{}') as Partial<BatchSummary>;
      today.applied += summary.applied ?? 0;
      today.duplicates += summary.duplicates ?? 0;
      today.rejected += summary.rejected ?? 0;
      today.held += summary.held ?? 0;
    }
    return today;
  }

  /** Runs now (or joins the run in progress and then runs again, so nothing recorded is missed). */
  async runNow(): Promise<PushSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.run()
      .then((summary) => {
        if (summary.error) this.log.warn({ ...summary }, 'sync run failed');
        else if (summary.batches > 0 || summary.pulled > 0) this.log.info({ ...summary }, 'sync run');
        return summary;
      })
      .finally(() => {
        this.running = null;
        this.progress = null;
      });
    return this.running;
  }

  /** The central just answered outside a run (enrollment): the header may say "online" at once. */
  noteReachable(): void {
    this.online = true;
  }

  /** Runs now in the background when background sync is on (after enrollment: the picture fills at once). */
  kick(): void {
    if (this.timer) void this.runNow().catch(() => undefined);
  }

  /** Background sync: checks every `intervalMs` whether a run is due (backoff respected). */
  start(intervalMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A push or pull is under way (an update does not install meanwhile). */
  get busy(): boolean {
    return this.running !== null;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    const state = await readSyncState(this.db);
    if (!state.centralDeviceId) return;
    if (state.nextAttemptAt && state.nextAttemptAt > this.clock.now().toISOString()) return;
    await this.runNow().catch(() => undefined);
  }

  private async run(): Promise<PushSummary> {
    const summary: PushSummary = { batches: 0, applied: 0, duplicates: 0, rejected: 0, held: 0, pulled: 0, error: null, errorEn: null };
    await this.beforeRun();
    const transport = this.transport();
    const state = await readSyncState(this.db);
    if (!transport || !state.centralDeviceId) {
      summary.error = 'Thiết bị chưa đăng ký với máy chủ trung tâm.';
      summary.errorEn = 'This device is not enrolled with the central service.';
      return summary;
    }
    try {
      const total = await outbox.countUnanswered(this.db);
      let done = 0;
      this.progress = { phase: 'push', done, total };
      for (;;) {
        const batch =
          (await unansweredBatch(this.db)) ??
          (await recordNextBatch(this.db, state.centralDeviceId, this.clock.now().toISOString(), deviceKeys(this.keyStore)));
        if (!batch) break;
        const { results, auditAck } = await transport.pushBatch(batch.body);
        this.online = true;
        const applied = await applyBatchResults(this.db, batch.batchNo, results, this.clock.now().toISOString(), 'http', auditAck);
        // A batch of audit entries only (the answers' own entries, anchored) is bookkeeping, not work sent.
        if (batch.opCount > 0) summary.batches++;
        if (applied) {
          summary.applied += applied.applied;
          summary.duplicates += applied.duplicates;
          summary.rejected += applied.rejected;
          summary.held += applied.held;
        }
        done += batch.opCount;
        this.progress = { phase: 'push', done, total: Math.max(total, done) };
      }
      await this.reportStatus(transport);
      summary.pulled += await this.fill(transport);
      // A reset feed (a central restored from a backup) may have lost what this device holds: the picture is filled again.
      if (await this.pull(transport, summary)) {
        await restartPicture(this.db);
        summary.pulled += await this.fill(transport);
        await this.pull(transport, summary);
      }
      await recordRunSucceeded(this.db, this.clock.now().toISOString());
    } catch (error) {
      this.online = !(error instanceof TransportError && error.kind === 'retry' && error.status === undefined);
      const failures = state.failures + 1;
      const delay = error instanceof TransportError && error.kind === 'permanent' ? 10 * 60_000 : backoffDelay(failures, this.random);
      const message = error instanceof Error ? error.message : String(error);
      this.lastFailure = { vi: message, en: error instanceof TransportError ? error.messageEn : message };
      summary.error = message;
      summary.errorEn = this.lastFailure.en;
      await recordRunFailed(this.db, { lastError: message, failures, nextAttemptAt: new Date(this.clock.now().getTime() + delay).toISOString() });
    }
    return summary;
  }

  /**
   * Tells the central what this device has not pushed and keeps its answer: the office's devices
   * (names, pending work, last seen). A central that does not know the report is no reason to stop.
   */
  private async reportStatus(transport: CentralTransport): Promise<void> {
    try {
      const office = await transport.reportStatus(await ownStatusReport(this.db));
      await this.db.transaction().execute((trx) => replaceOfficeDevices(trx, office.devices, this.clock.now().toISOString()));
    } catch (error) {
      if (!(error instanceof TransportError && error.kind === 'permanent')) throw error;
    }
  }

  /** Fills the office's picture if it is not yet; returns the rows applied. */
  private async fill(transport: CentralTransport): Promise<number> {
    const { state, progress } = await readPictureState(this.db);
    if (state === 'done') {
      // Rows all in, and the indexes' build stopped before its end (a kill -9): built now.
      await finishPictureIndexes(this.db, this.buildIndexes);
      return 0;
    }
    this.picturePace = { at: this.clock.now().getTime(), rows: progress?.rowsDone ?? 0 };
    try {
      return await fillPicture(
        this.db,
        transport,
        () => this.clock.now().toISOString(),
        (p) => {
          const view = pictureView('filling', p, this.picturePace, this.clock.now().getTime());
          this.progress = { phase: 'picture', done: view.rowsDone, total: view.rowsTotal };
        },
        this.picturePageSize,
        this.buildIndexes,
        this.walAside,
      );
    } finally {
      this.picturePace = null;
    }
  }

  /** Pulls the feed to its end; true when the central reset the cursor (the device starts over). */
  private async pull(transport: CentralTransport, summary: PushSummary): Promise<boolean> {
    const cursor = (await readSyncState(this.db)).pullCursor;
    // The next page is asked for before this one is applied, so the central prepares it meanwhile.
    let next = transport.pullChanges(cursor, PULL_PAGE);
    for (let page = 0; page < 10_000; page++) {
      const result = await next;
      if (result.reset) {
        await applyPulledChanges(this.db, [], null, this.clock.now().toISOString());
        return true;
      }
      if (result.hasMore) {
        next = transport.pullChanges(result.nextCursor, PULL_PAGE);
        next.catch(() => undefined);
      }
      summary.pulled += await applyPulledChanges(this.db, result.changes, result.nextCursor, this.clock.now().toISOString());
      this.progress = { phase: 'pull', done: summary.pulled, total: summary.pulled + (result.hasMore ? PULL_PAGE : 0) };
      if (!result.hasMore) break;
    }
    return false;
  }
}
