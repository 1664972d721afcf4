// Electron main: makes the hardened window, routes `office:invoke` IPC from the app's own frame to
// the office core's dispatcher (or, for the shell's few methods — print, the file chooser — to
// their handlers here), and runs the updater. No business logic lives here.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { isShellMethodName } from '../shared/contract/shell';
import { createOfficeCore, type OfficeCore } from './core/office-core';
import { EncryptedFileKeyStore, PlainFileKeyStore } from './core/sync/device-key-store';
import { pickPathHandler } from './path-picker';
import { printHandler } from './printing';
import { createShellDispatcher } from './shell-dispatch';

const here = dirname(fileURLToPath(import.meta.url));
let core: OfficeCore | undefined;
/** Session tokens live here, per window, never in the renderer. */
const tokens = new Map<number, string>();
const sessionMethods = new Set(['auth.login', 'office.setup', 'auth.unlock']);

function isAppFrame(url: string | undefined): boolean {
  if (!url) return false;
  if (process.env.ELECTRON_RENDERER_URL) return url.startsWith(process.env.ELECTRON_RENDERER_URL);
  return (url.startsWith('file://') && url.includes('/out/renderer/')) || (url.startsWith('file://') && url.includes('app.asar'));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: 'Field Office — BHXH',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // No navigation away from the app and no new windows; external links open in the browser.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(here, '../renderer/index.html'));
  const id = win.webContents.id;
  win.on('closed', () => tokens.delete(id));
  return win;
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const dataDir = join(app.getPath('userData'), 'office');
  // The device's private key is encrypted with the OS keychain where one exists.
  const keyStore = safeStorage.isEncryptionAvailable()
    ? new EncryptedFileKeyStore(join(dataDir, 'device-key.bin'), {
        encrypt: (text) => safeStorage.encryptString(text),
        decrypt: (blob) => safeStorage.decryptString(blob),
      })
    : new PlainFileKeyStore(join(dataDir, 'device-key.json'));
  core = await createOfficeCore({ dataDir, resourcesDir, keyStore });

  const shellMethods = createShellDispatcher({
    'shell.print': printHandler(() => join(app.getPath('userData'), 'receipts')),
    'shell.pickPath': pickPathHandler,
  });
  ipcMain.handle('office:invoke', async (event, method: unknown, input: unknown) => {
    if (!core || !isAppFrame(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ ứng dụng.', messageEn: 'Request not from the app frame.' } };
    }
    if (isShellMethodName(method)) return shellMethods(method, input, event.sender);
    const id = event.sender.id;
    const result = await core.invoke(String(method), input, tokens.get(id));
    if (result.ok && sessionMethods.has(String(method))) {
      const value = result.value as { token: string };
      tokens.set(id, value.token);
      return { ok: true, value: { ...value, token: '' } };
    }
    if (method === 'auth.logout') tokens.delete(id);
    return result;
  });

  createWindow();
  if (app.isPackaged) void checkForUpdates(core);
});

app.on('window-all-closed', async () => {
  await core?.close();
  app.quit();
});

/** Offices update from their own central service (its /updates/ feed), once enrolled. */
async function checkForUpdates(officeCore: OfficeCore): Promise<void> {
  try {
    const state = await officeCore.context.db.selectFrom('syncState').select('centralUrl').where('id', '=', 1).executeTakeFirst();
    if (!state?.centralUrl) return;
    electronUpdater.autoUpdater.setFeedURL({ provider: 'generic', url: new URL('updates/', state.centralUrl.replace(/\/?$/, '/')).toString() });
    await electronUpdater.autoUpdater.checkForUpdatesAndNotify();
  } catch (error) {
    console.error('update check failed', error);
  }
}
