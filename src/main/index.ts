// Electron main: one instance per user session, the hardened window, `office:invoke` IPC from the
// app's own frame to the office core's dispatcher (or, for the shell's few methods — print, the
// file chooser — to their handlers here), and the updater. No business logic lives here; each
// piece is a module of its own, tested with a double of Electron (tests/shell).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { OfficeError } from '../shared/contract/errors';
import { isAppFrame } from './app-frame';
import { hardenContents, hardenSession } from './content-hardening';
import { createOfficeCore, type OfficeCore } from './core/office-core';
import { EncryptedFileKeyStore, PlainFileKeyStore } from './core/sync/device-key-store';
import { createMainWindow, focusWindow } from './main-window';
import { registerOfficeIpc } from './office-ipc';
import { pickPathHandler } from './path-picker';
import { printHandler } from './printing';
import { createShellDispatcher } from './shell-dispatch';

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
  const dataDir = join(app.getPath('userData'), 'office');
  // The device's private key is encrypted with the OS keychain where one exists.
  const keyStore = safeStorage.isEncryptionAvailable()
    ? new EncryptedFileKeyStore(join(dataDir, 'device-key.bin'), {
        encrypt: (text) => safeStorage.encryptString(text),
        decrypt: (blob) => safeStorage.decryptString(blob),
      })
    : new PlainFileKeyStore(join(dataDir, 'device-key.json'));
  try {
    core = await createOfficeCore({ dataDir, resourcesDir, keyStore });
  } catch (error) {
    failedToStart(error);
    return;
  }
  const shellMethods = createShellDispatcher({
    'shell.print': printHandler(() => join(app.getPath('userData'), 'receipts')),
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
