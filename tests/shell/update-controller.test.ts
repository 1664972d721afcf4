// The update decisions (src/main/update-controller.ts) over a double of electron-updater's
// autoUpdater that behaves as it does: events for a release found, its download's progress and its
// end, and quitAndInstall recorded. Checks at start and every 6 hours from the office's own feed;
// nothing while not enrolled; the install never during a sync, a backup, a restore — nor, for the
// supervisor's "restart now", with a form open; at quit it installs silently unless work runs.
import { describe, expect, it } from 'vitest';
import { type BusyReason, CHECK_EVERY_MS, UpdateController } from '../../src/main/update-controller';
import { UpdaterDouble } from './updater-double';

const FEED = { url: 'https://central.example.vn/updates/pilot/', channel: 'pilot' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function controller(options: { busy?: BusyReason[]; feed?: typeof FEED | null } = {}) {
  const updater = new UpdaterDouble();
  const timers: { run: () => void; ms: number }[] = [];
  let busy = options.busy ?? [];
  const control = new UpdateController({
    updater,
    feed: async () => (options.feed === undefined ? FEED : options.feed),
    busy: () => busy,
    every: (run, ms) => {
      timers.push({ run, ms });
      return {};
    },
    now: () => new Date('2026-12-06T02:00:00Z'),
  });
  return { updater, control, timers, setBusy: (reasons: BusyReason[]) => (busy = reasons) };
}

describe('update decisions', () => {
  it('lets electron-updater download but never install on its own, and never go back to an older release', () => {
    const { updater } = controller();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false });
  });

  it('checks the office’s own channel at start and every 6 hours; nothing while the office is not enrolled', async () => {
    const { updater, control, timers } = controller();
    control.start();
    await tick();
    expect(updater.feeds).toEqual([FEED.url]);
    expect(timers.map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);
    expect(CHECK_EVERY_MS).toBe(6 * 3600 * 1000);
    timers[0]!.run();
    await tick();
    expect(updater.checks).toBe(2);
    expect(control.status()).toMatchObject({ state: 'idle', channel: 'pilot', lastCheckedAt: '2026-12-06T02:00:00.000Z' });

    const unenrolled = controller({ feed: null });
    unenrolled.control.start();
    await tick();
    expect(unenrolled.updater.checks).toBe(0);
  });

  it('downloads a release in the background and shows its notes; then stops checking', async () => {
    const { updater, control } = controller();
    updater.next = { version: '0.2.0', releaseNotes: 'Sửa lỗi in biên lai khổ A5.' };
    await control.check();
    expect(control.status()).toMatchObject({ state: 'downloading', version: '0.2.0', releaseNotes: 'Sửa lỗi in biên lai khổ A5.' });
    await tick();
    expect(control.status()).toMatchObject({ state: 'ready', version: '0.2.0', percent: 100, blockedBy: [] });
    await control.check();
    expect(updater.checks).toBe(1);
    expect(updater.installs).toEqual([]);
  });

  it('restarts now for the supervisor only when nothing is under way, and says what holds it', async () => {
    const { updater, control, setBusy } = controller();
    expect(control.restartNow()).toEqual({ restarting: false, blockedBy: [] });
    updater.next = { version: '0.2.0' };
    await control.check();
    await tick();
    for (const reasons of [['sync'], ['backup'], ['restore'], ['form'], ['sync', 'form']] as BusyReason[][]) {
      setBusy(reasons);
      expect(control.status().blockedBy).toEqual(reasons);
      expect(control.restartNow()).toEqual({ restarting: false, blockedBy: reasons });
    }
    expect(updater.installs).toEqual([]);
    setBusy([]);
    expect(control.restartNow()).toEqual({ restarting: true, blockedBy: [] });
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('installs at quit, silently and without restarting, unless a backup, restore or sync still runs', async () => {
    const { updater, control, setBusy } = controller();
    expect(control.installAtQuit()).toBe(false);
    updater.next = { version: '0.2.0' };
    await control.check();
    await tick();
    setBusy(['backup']);
    expect(control.installAtQuit()).toBe(false);
    setBusy(['form']);
    expect(control.installAtQuit()).toBe(true);
    expect(updater.installs).toEqual([[true, false]]);
  });

  it('says a failed check and tries again at the next one', async () => {
    const { updater, control } = controller();
    updater.next = new Error('net::ERR_INTERNET_DISCONNECTED');
    await control.check();
    expect(control.status().state).toBe('error');
    updater.next = null;
    await control.check();
    expect(control.status().state).toBe('idle');
    expect(updater.checks).toBe(2);
  });
});
