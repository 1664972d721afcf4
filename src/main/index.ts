// Electron main: one instance per user session, the hardened window, `office:invoke` IPC from the
// app's own frame to the office core's dispatcher (or, for the shell's few methods — print, the
// file chooser — to their handlers here), and the updater. No business logic lives here; each
// piece is a module of its own, tested with a double of Electron (tests/shell).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { OfficeError } from '../shared/contract/errors';
import { isAppFrame } from './app-frame';
import { hardenContents, hardenSession } from './content-hardening';
import { moveArchive, moveStoreFolder } from './core/db/store-move';
import { createOfficeCore, type OfficeCore } from './core/office-core';
import { createMainWindow, focusWindow } from './main-window';
import { folderKeys } from './office-keys';
import { registerOfficeIpc } from './office-ipc';
import { pickPathHandler } from './path-picker';
import { printHandler } from './printing';
import { createShellDispatcher } from './shell-dispatch';
import { storeLocation } from './store-location';

const here = dirname(fileURLToPath(import.meta.url));
let core: OfficeCore | undefined;
let mainWindow: BrowserWindow | null = null;

// A second launch (a double click on the icon while the app is open) focuses the open window;
// the second process quits before it opens anything.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  hardenContents(app, shell);
  app.whenReady().then(start, (error: unknown) => failedToStart(error));
  app.on('window-all-closed', async () => {
    const closing = core;
    core = undefined;
    await closing?.close();
    app.quit();
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const location = storeLocation({
    platform: process.platform,
    isPackaged: app.isPackaged,
    execPath: process.execPath,
    env: process.env,
    userData: app.getPath('userData'),
  });
  try {
    const keys = folderKeys(location.dataDir, location.scope);
    // An install for all users takes over the store an earlier per-user install kept (ADR 0022).
    if (location.previousUserDataDir) {
      await moveStoreFolder(location.previousUserDataDir, location.dataDir, folderKeys(location.previousUserDataDir, 'user'), keys, console.log);
      moveArchive(join(app.getPath('userData'), 'receipts'), location.archiveDir);
    }
    core = await createOfficeCore({ dataDir: location.dataDir, resourcesDir, keyStore: keys.deviceKeys, storeKeys: keys.storeKeys });
  } catch (error) {
    failedToStart(error);
    return;
  }
  const shellMethods = createShellDispatcher({
    'shell.print': printHandler(() => location.archiveDir),
    'shell.pickPath': pickPathHandler,
  });
  registerOfficeIpc(ipcMain, { core: () => core?.invoke ?? null, shell: shellMethods, isAppFrame: (url) => isAppFrame(url) });
  mainWindow = createMainWindow(here);
  mainWindow.on('closed', () => (mainWindow = null));
  if (app.isPackaged) void checkForUpdates(core);
}

/** The store could not be opened (another window has it, a damaged disk): said, then the app ends. */
function failedToStart(error: unknown): void {
  const message =
    error instanceof OfficeError
      ? `${error.message}\n\n${error.messageEn}`
      : 'Field Office không mở được dữ liệu văn phòng.\nField Office could not open the office data.';
  console.error('[start]', error);
  dialog.showErrorBox('Field Office', message);
  app.exit(1);
}

/** Offices update from their own central service (its /updates/ feed), once enrolled. */
async function checkForUpdates(officeCore: OfficeCore): Promise<void> {
  try {
    const centralUrl = await officeCore.centralUrl();
    if (!centralUrl) return;
    electronUpdater.autoUpdater.setFeedURL({ provider: 'generic', url: new URL('updates/', centralUrl.replace(/\/?$/, '/')).toString() });
    await electronUpdater.autoUpdater.checkForUpdatesAndNotify();
  } catch (error) {
    console.error('update check failed', error);
  }
}
