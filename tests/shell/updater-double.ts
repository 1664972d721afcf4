// A test double of electron-updater's `autoUpdater` (the module is mocked with it in tests/shell):
// it emits what electron-updater emits — a release found, its download's progress, its end — for
// the release the test puts in `next`, and records the feeds it was given and quitAndInstall.
import { EventEmitter } from 'node:events';
import type { UpdaterLike } from '../../src/main/update-controller';

export class UpdaterDouble extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  feeds: string[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next check finds: a release (then downloaded), nothing, or an error. */
  next: { version: string; releaseNotes?: string } | null | Error = null;

  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(options.url);
  }

  async checkForUpdates() {
    this.checks++;
    const found = this.next;
    if (found instanceof Error) {
      this.emit('error', found);
      throw found;
    }
    if (!found) {
      this.emit('update-not-available', {});
      return null;
    }
    this.emit('update-available', found);
    // electron-updater downloads in the background after the check resolves.
    setImmediate(() => {
      this.emit('download-progress', { percent: 42.7 });
      setImmediate(() => this.emit('update-downloaded', found));
    });
    return { updateInfo: found };
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

// One per test process, as the real autoUpdater is one per app.
const shared = globalThis as { __updaterDouble?: UpdaterDouble };
export const autoUpdater = (shared.__updaterDouble ??= new UpdaterDouble());
export default { autoUpdater };
