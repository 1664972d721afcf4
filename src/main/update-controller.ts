// When the app updates (issue 27 item 4): it asks its own central at start and every 6 hours (the
// feed of the channel the central set for this office), downloads in the background, and installs
// only at quit or when a supervisor chooses "restart now" — never while a sync, a backup or a
// restore runs, nor (for "restart now") with a form open. The decisions are here, over the part of
// electron-updater's AppUpdater the app uses, so they are tested with a double of it
// (tests/shell/update-controller.test.ts); the feed itself is tested with electron-updater's own
// parsing against the central (tests/integration/central/update-feed.test.ts).
import type { ShellLogger } from './shell-log';

export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

export type BusyReason = 'sync' | 'backup' | 'restore' | 'form';

/** The part of electron-updater's `autoUpdater` the app uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  // EventEmitter's own listener type, which electron-updater's typed events and the test double both fit.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, listener: (...args: any[]) => void): unknown;
}

export interface UpdateFeed {
  url: string;
  channel: string;
}

export interface UpdateStatus {
  state: 'idle' | 'checking' | 'downloading' | 'ready' | 'error';
  channel: string | null;
  version: string | null;
  releaseNotes: string | null;
  percent: number | null;
  /** What holds a restart now: empty when the supervisor may restart. */
  blockedBy: BusyReason[];
  lastCheckedAt: string | null;
}

export interface UpdateControllerOptions {
  updater: UpdaterLike;
  /** The office's feed (its central and channel), or null while it is not enrolled. */
  feed: () => Promise<UpdateFeed | null>;
  /** What the office is doing now that an install would cut short. */
  busy: () => BusyReason[];
  now?: () => Date;
  every?: (run: () => void, ms: number) => { unref?: () => void };
  /** The office log (through the shell's log): a release downloaded, an install, a failure. */
  log?: ShellLogger;
}

function notesText(notes: unknown): string | null {
  if (typeof notes === 'string') return notes;
  // electron-updater gives an array of { version, note } when it collects several releases' notes.
  if (Array.isArray(notes)) return notes.map((n: { version?: string; note?: string }) => `${n.version ?? ''}\n${n.note ?? ''}`.trim()).join('\n\n') || null;
  return null;
}

export class UpdateController {
  private state: UpdateStatus['state'] = 'idle';
  private channel: string | null = null;
  private version: string | null = null;
  private releaseNotes: string | null = null;
  private percent: number | null = null;
  private lastCheckedAt: string | null = null;
  private checking: Promise<void> | null = null;

  constructor(private readonly options: UpdateControllerOptions) {
    const { updater } = options;
    updater.autoDownload = true;
    // The install waits for the app's own decision at quit (installAtQuit), never electron-updater's.
    updater.autoInstallOnAppQuit = false;
    // A withdrawn release stays where it was installed (its store may carry its migrations); the
    // channel's next release moves it on.
    updater.allowDowngrade = false;
    updater.on('update-available', (info: { version: string; releaseNotes?: unknown }) => {
      this.state = 'downloading';
      this.version = info.version;
      this.releaseNotes = notesText(info.releaseNotes);
      this.percent = 0;
    });
    updater.on('update-not-available', () => {
      if (this.state !== 'ready') this.state = 'idle';
    });
    updater.on('download-progress', (progress: { percent: number }) => {
      this.percent = Math.floor(progress.percent);
    });
    updater.on('update-downloaded', (info: { version: string; releaseNotes?: unknown }) => {
      this.state = 'ready';
      this.version = info.version;
      this.releaseNotes = notesText(info.releaseNotes) ?? this.releaseNotes;
      this.percent = 100;
      options.log?.info('update downloaded', { version: info.version, channel: this.channel });
    });
    updater.on('error', (error: unknown) => {
      if (this.state !== 'ready') this.state = 'error';
      options.log?.error('update failed', error);
    });
  }

  /** Checks now, and every 6 hours after. */
  start(): void {
    void this.check();
    this.options.every?.(() => void this.check(), CHECK_EVERY_MS)?.unref?.();
  }

  /** Asks the office's feed for a newer release; one check at a time, none once one is ready. */
  check(): Promise<void> {
    if (this.checking || this.state === 'ready') return this.checking ?? Promise.resolve();
    this.checking = (async () => {
      try {
        const feed = await this.options.feed();
        if (!feed) return;
        this.channel = feed.channel;
        this.options.updater.setFeedURL({ provider: 'generic', url: feed.url });
        this.state = 'checking';
        this.lastCheckedAt = (this.options.now?.() ?? new Date()).toISOString();
        await this.options.updater.checkForUpdates();
        if (this.state === 'checking') this.state = 'idle';
      } catch (error) {
        if (this.state !== 'ready') this.state = 'error';
        this.options.log?.error('update check failed', error);
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  status(): UpdateStatus {
    return {
      state: this.state,
      channel: this.channel,
      version: this.version,
      releaseNotes: this.releaseNotes,
      percent: this.percent,
      blockedBy: this.state === 'ready' ? this.options.busy() : [],
      lastCheckedAt: this.lastCheckedAt,
    };
  }

  /** The supervisor's "restart now": only with a release downloaded and nothing under way. */
  restartNow(): { restarting: boolean; blockedBy: BusyReason[] } {
    if (this.state !== 'ready') return { restarting: false, blockedBy: [] };
    const blockedBy = this.options.busy();
    if (blockedBy.length > 0) return { restarting: false, blockedBy };
    this.options.log?.info('update installing: a supervisor chose restart now', { version: this.version });
    this.options.updater.quitAndInstall(false, true);
    return { restarting: true, blockedBy: [] };
  }

  /**
   * At quit, after the office core has closed: installs a downloaded release silently unless work
   * is still under way (a backup or restore the quit did not wait for), in which case the next quit
   * installs it. A form open at quit does not hold it: its draft is in the store.
   */
  installAtQuit(): boolean {
    if (this.state !== 'ready') return false;
    if (this.options.busy().some((reason) => reason !== 'form')) return false;
    this.options.log?.info('update installing at quit', { version: this.version });
    this.options.updater.quitAndInstall(true, false);
    return true;
  }
}
