// Starts the real Electron main (src/main/index.ts) on the Electron double, in a temporary user
// profile, and gives the test what a renderer and the platform would do: IPC calls from a frame,
// the app becoming ready, the last window closing. Each call to `startShell` is a fresh platform
// and a fresh load of the shell's modules.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export type Electron = typeof import('./electron-double');

export interface Frame {
  url: string;
  parent: unknown;
}

export interface StartedShell {
  electron: Electron;
  userData: string;
  /** The main window the shell made (after ready). */
  window(): InstanceType<Electron['BrowserWindow']>;
  /** An `office:invoke` from the app's top frame of the main window, or from the frame given. */
  invoke(method: string, input?: unknown, from?: { frame?: Frame; contents?: unknown }): Promise<any>;
  appFrame(): Frame;
  /** Closes the window: the shell closes the core and quits. */
  close(): Promise<void>;
  /** Removes the process hooks the shell added (done by close; for a shell that never opened). */
  unhook(): void;
}

export async function startShell(options: { userData?: string; before?: (electron: Electron) => void } = {}): Promise<StartedShell> {
  vi.resetModules();
  const electron = (await import('./electron-double')) as Electron;
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'field-office-shell-'));
  electron.resetElectron({ userData, appData: userData, temp: tmpdir() });
  options.before?.(electron);
  // The shell hooks the process's uncaught errors (crash reports); they are unhooked at close.
  const hooked = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  const unhook = () => {
    for (const listener of process.listeners('uncaughtException')) if (!hooked.exception.includes(listener)) process.off('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!hooked.rejection.includes(listener)) process.off('unhandledRejection', listener);
  };
  await import('../../src/main/index');
  electron.app.becomeReady();
  await waitFor(() => electron.BrowserWindow.all.length > 0 || electron.app.exitCode !== null || electron.app.quitCalls > 0);
  const appFrame = (): Frame => ({ url: `file://${join(process.cwd(), 'out/renderer/index.html')}`, parent: null });
  const window = () => {
    const win = electron.BrowserWindow.all[0];
    if (!win) throw new Error('the shell made no window');
    return win;
  };
  return {
    electron,
    userData,
    window,
    appFrame,
    invoke: async (method, input = {}, from = {}) => {
      const handler = electron.ipcMain.handlers.get('office:invoke');
      if (!handler) throw new Error('no office:invoke handler');
      const contents = from.contents ?? window().webContents;
      return handler({ sender: contents, senderFrame: from.frame ?? appFrame() }, method, input);
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => {
        const original = electron.app.quit.bind(electron.app);
        electron.app.quit = () => {
          original();
          resolve();
        };
      });
      for (const win of electron.BrowserWindow.getAllWindows()) win.close();
      await closed;
      unhook();
    },
    unhook,
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
