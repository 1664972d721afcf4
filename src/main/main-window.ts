// The app's one window: sandboxed renderer with context isolation and the narrow preload, shown
// when its first paint is ready. Navigation, new windows and webviews are refused for every web
// contents (content-hardening.ts); this file only makes and loads the window.
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

export function createMainWindow(bundleDir: string, rendererUrl: string | undefined = process.env.ELECTRON_RENDERER_URL): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Field Office — BHXH',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(bundleDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(bundleDir, '../renderer/index.html'));
  return win;
}

/** A second launch brings the first window forward instead of opening another office. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
