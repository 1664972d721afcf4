// One instance per store: a second launch of the app focuses the first window and quits before it
// opens anything (Electron's single-instance lock), and an app that finds its store held by another
// core (another Windows account on the same counter PC, a harness on the same folder) says so in
// Vietnamese and ends, leaving the store to the core that has it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SealedStoreKey, STORE_KEY_FILE } from '../../src/main/core/db/store-key';
import { createOfficeCore } from '../../src/main/core/office-core';
import { type StartedShell, startShell } from './shell-harness';

vi.mock('electron', () => import('./electron-double'));
vi.mock('electron-updater', () => import('./updater-double'));

const RESOURCES = join(__dirname, '../../resources');
let shell: StartedShell | undefined;
afterEach(async () => {
  if (shell && shell.electron.BrowserWindow.getAllWindows().length > 0) await shell.close();
  shell?.unhook();
  shell = undefined;
});

describe('one instance per store', () => {
  it('a second launch quits at once: no window, no IPC, no store opened', async () => {
    shell = await startShell({ before: (electron) => (electron.app.singleInstance = false) });
    expect(shell.electron.app.quitCalls).toBe(1);
    expect(shell.electron.BrowserWindow.all).toEqual([]);
    expect(shell.electron.ipcMain.handlers.size).toBe(0);
    expect(existsSync(join(shell.userData, 'office'))).toBe(false);
  });

  it('the first instance brings its window forward when a second launch is made', async () => {
    shell = await startShell();
    const win = shell.window();
    win.minimized = true;
    win.focused = false;
    shell.electron.app.emit('second-instance', {}, ['field-office'], process.cwd());
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
    expect(shell.electron.BrowserWindow.all).toHaveLength(1);
  });

  it('an app whose store another core holds says so and ends without a window; once released, the app opens it', async () => {
    const first = await startShell();
    const other = await createOfficeCore({ dataDir: join(first.userData, 'office'), resourcesDir: RESOURCES, syncIntervalMs: 0, log: () => undefined }).catch(
      (e: unknown) => e,
    );
    // The running app holds its own store: a second core on it is refused.
    expect(other).toMatchObject({ code: 'CONFLICT' });
    await first.close();

    // Another core on the same store, with the key the app sealed (the same user's keychain).
    const { safeStorage } = first.electron;
    const storeKeys = new SealedStoreKey(join(first.userData, 'office', STORE_KEY_FILE), {
      seal: (text) => safeStorage.encryptString(text),
      open: (blob) => safeStorage.decryptString(blob),
    });
    const holder = await createOfficeCore({
      dataDir: join(first.userData, 'office'),
      resourcesDir: RESOURCES,
      storeKeys,
      syncIntervalMs: 0,
      log: () => undefined,
    });
    try {
      shell = await startShell({ userData: first.userData });
      expect(shell.electron.app.exitCode).toBe(1);
      expect(shell.electron.BrowserWindow.all).toEqual([]);
      expect(shell.electron.dialog.errorBoxes).toHaveLength(1);
      expect(shell.electron.dialog.errorBoxes[0]!.content).toMatch(/đang được mở ở một cửa sổ Field Office khác[\s\S]*open in another Field Office window/);
    } finally {
      await holder.close();
    }
    shell = await startShell({ userData: first.userData });
    expect(shell.electron.app.exitCode).toBeNull();
    expect(await shell.invoke('session.current')).toMatchObject({ ok: true });
  });
});
