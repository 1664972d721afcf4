// Electron main: one instance per user session, the store where the install says (ADR 0023), the
// hardened window, `office:invoke` IPC from the app's own frame to the office core's dispatcher (or,
// for the shell's few methods — print, the file chooser, the update — to their handlers here), the
// updater and local crash reports. No business logic lives here; each piece is a module of its
// own, tested with a double of Electron (tests/shell).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, crashReporter, dialog, ipcMain, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { OfficeError } from '../shared/contract/errors';
import { isAppFrame } from './app-frame';
import { type ShellCaller, startAppUpdates } from './app-updates';
import { hardenContents, hardenSession } from './content-hardening';
import { moveArchive, moveStoreFolder } from './core/db/store-move';
import { createOfficeCore, type OfficeCore } from './core/office-core';
import { recordMainProcessCrashes, startCrashReports } from './crash-reports';
import { createMainWindow, focusWindow } from './main-window';
import { folderKeys } from './office-keys';
import { registerOfficeIpc } from './office-ipc';
import { pickPathHandler } from './path-picker';
import { printHandler } from './printing';
import { createShellDispatcher } from './shell-dispatch';
import { ShellLog } from './shell-log';
import { storeLocation } from './store-location';

const here = dirname(fileURLToPath(import.meta.url));
let core: OfficeCore | undefined;
/** The core closed at quit: no call reaches it, but the update's install asks it what work still runs. */
let closedCore: OfficeCore | undefined;
let mainWindow: BrowserWindow | null = null;
// The shell's own events, in the office log once the core has opened it (shell-log.ts).
const shellLog = new ShellLog();

// A second launch (a double click on the icon while the app is open) focuses the open window;
// the second process quits before it opens anything.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusWindow(mainWindow));
  hardenContents(app, shell);
  app.whenReady().then(start, (error: unknown) => failedToStart(error));
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
  const recordCrash = startCrashReports({
    app,
    crashReporter,
    dir: join(location.dataDir, '..', 'crash-reports'),
    logLine: (line) => shellLog.error(line),
  });
  recordMainProcessCrashes(recordCrash, (code) => app.exit(code));
  try {
    const keys = folderKeys(location.dataDir, location.scope);
    // An install for all users takes over the store an earlier per-user install kept (ADR 0023).
    if (location.previousUserDataDir) {
      await moveStoreFolder(location.previousUserDataDir, location.dataDir, folderKeys(location.previousUserDataDir, 'user'), keys, (message) =>
        shellLog.info(message),
      );
      moveArchive(join(app.getPath('userData'), 'receipts'), location.archiveDir);
    }
    core = await createOfficeCore({ dataDir: location.dataDir, resourcesDir, keyStore: keys.deviceKeys, storeKeys: keys.storeKeys });
  } catch (error) {
    failedToStart(error);
    return;
  }
  shellLog.attach(core.log);
  shellLog.info('started', { version: app.getVersion(), platform: process.platform, store: location.scope, packaged: app.isPackaged });
  const updates = startAppUpdates(
    electronUpdater.autoUpdater,
    () => core,
    shellLog,
    () => core ?? closedCore,
  );
  const shellMethods = createShellDispatcher<ShellCaller>({
    'shell.print': (input, caller) => printHandler(() => location.archiveDir)(input, caller.contents),
    'shell.pickPath': (input, caller) => pickPathHandler(input, caller.contents),
    ...updates.handlers,
  });
  registerOfficeIpc(ipcMain, {
    core: () => core?.invoke ?? null,
    shell: (method, input, contents, token) => shellMethods(method, input, { contents, token }),
    isAppFrame: (url) => isAppFrame(url),
  });
  mainWindow = createMainWindow(here);
  mainWindow.on('closed', () => (mainWindow = null));
  // The last window closed: the core closes (a running sync finishes first), then a downloaded
  // update installs, unless a backup or restore was still running (then at the next quit).
  app.on('window-all-closed', async () => {
    const closing = core;
    core = undefined;
    closedCore = closing;
    const update = updates.controller.status();
    shellLog.info('closing', { updateReady: update.state === 'ready' ? update.version : null });
    // The core closes its log with it: the shell's later events go to stderr only.
    shellLog.detach();
    await closing?.close();
    if (!(app.isPackaged && updates.controller.installAtQuit())) app.quit();
  });
  if (app.isPackaged) updates.controller.start();
}

/** The store could not be opened (another window has it, a damaged disk): said, then the app ends. */
function failedToStart(error: unknown): void {
  const message =
    error instanceof OfficeError
      ? `${error.message}\n\n${error.messageEn}`
      : 'Field Office không mở được dữ liệu văn phòng.\nField Office could not open the office data.';
  shellLog.error('the office did not open', error);
  dialog.showErrorBox('Field Office', message);
  app.exit(1);
}
