// A test double of the `electron` module, standing in for the platform so that src/main — the
// real shell code, unchanged — runs under vitest where the Electron binary cannot be installed.
// It keeps what Electron would do observable: the handlers the shell registers (IPC, response
// headers, permissions, window-open), the windows it makes and what they were told, the dialogs
// shown, the links sent to the browser, and the app's life (ready, quit, second instance).
// `safeStorage` seals with AES-256-GCM under a key of this double, like an OS keychain that the
// test can switch off. Each test file gets it through `vi.mock('electron', …)`; `resetElectron()`
// gives every test a fresh platform.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';

type Handler = (...args: any[]) => any;

export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventable(): PreventableEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextContentsId = 1;

class WebContentsDouble extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: Handler | null = null;
  loaded: { url?: string; file?: string } = {};
  destroyed = false;
  pdfRequests: unknown[] = [];
  printRequests: unknown[] = [];
  /** What `print` answers: success, or a failure reason ("cancelled", "Printer is out of paper"). */
  printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' };
  pdfBytes = Buffer.from('%PDF-1.7 double\n');

  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.pdfRequests.push(options);
    return this.pdfBytes;
  }
  print(options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    this.printRequests.push(options);
    setImmediate(() => callback(this.printOutcome.success, this.printOutcome.failureReason));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

class BrowserWindowDouble extends EventEmitter {
  static all: BrowserWindowDouble[] = [];
  readonly webContents = new WebContentsDouble();
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, any>) {
    super();
    BrowserWindowDouble.all.push(this);
    platform.app.emit('web-contents-created', preventable(), this.webContents);
  }
  static fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null {
    return BrowserWindowDouble.all.find((w) => w.webContents === contents) ?? null;
  }
  static getAllWindows(): BrowserWindowDouble[] {
    return BrowserWindowDouble.all.filter((w) => !w.destroyed);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.loaded = { url };
  }
  async loadFile(file: string): Promise<void> {
    this.webContents.loaded = { file };
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindowDouble.getAllWindows().length === 0) platform.app.emit('window-all-closed');
  }
}

class AppDouble extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = {};
  singleInstance = true;
  quitCalls = 0;
  exitCode: number | null = null;
  private readyResolve!: () => void;
  private readyPromise = new Promise<void>((r) => (this.readyResolve = r));

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** The platform says the app is ready: what `app.whenReady()` waits for. */
  becomeReady(): void {
    this.readyResolve();
    this.emit('ready');
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`electron double: no path for ${name}`);
    return path;
  }
  getAppPath(): string {
    return resolve(__dirname, '../..');
  }
  getVersion(): string {
    return '0.1.0';
  }
  quit(): void {
    this.quitCalls++;
    this.emit('before-quit', preventable());
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

function makePlatform() {
  let keychainKey = randomBytes(32);
  const ipcMain = {
    handlers: new Map<string, Handler>(),
    handle(channel: string, handler: Handler) {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    },
  };
  const defaultSession = {
    headersListener: null as Handler | null,
    permissionRequestHandler: null as Handler | null,
    permissionCheckHandler: null as Handler | null,
    webRequest: {
      onHeadersReceived(listener: Handler) {
        defaultSession.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: Handler) {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      defaultSession.permissionCheckHandler = handler;
    },
  };
  const safeStorage = {
    available: true,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString(text: string): Buffer {
      if (!this.available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keychainKey, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(blob: Buffer): string {
      if (!this.available) throw new Error('Encryption is not available.');
      if (blob.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const decipher = createDecipheriv('aes-256-gcm', keychainKey, blob.subarray(3, 15));
      decipher.setAuthTag(blob.subarray(15, 31));
      return Buffer.concat([decipher.update(blob.subarray(31)), decipher.final()]).toString('utf8');
    },
  };
  const shell = {
    opened: [] as string[],
    async openExternal(url: string) {
      this.opened.push(url);
    },
  };
  const dialog = {
    openAnswers: [] as { canceled: boolean; filePaths: string[] }[],
    openRequests: [] as unknown[],
    errorBoxes: [] as { title: string; content: string }[],
    async showOpenDialog(...args: unknown[]) {
      this.openRequests.push(args.length > 1 ? args[1] : args[0]);
      return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
    showErrorBox(title: string, content: string) {
      this.errorBoxes.push({ title, content });
    },
  };
  const crashReporter = {
    started: [] as unknown[],
    start(options: unknown) {
      this.started.push(options);
    },
  };
  return {
    crashReporter,
    app: new AppDouble(),
    BrowserWindow: BrowserWindowDouble,
    ipcMain,
    session: { defaultSession },
    safeStorage,
    shell,
    dialog,
    /** A fresh platform for the next test: no windows, no handlers, a new app; the same keychain unless asked (a restart). */
    reset(paths: Record<string, string>, { newKeychain = false }: { newKeychain?: boolean } = {}) {
      platform.app = new AppDouble();
      platform.app.paths = paths;
      BrowserWindowDouble.all = [];
      ipcMain.handlers.clear();
      Object.assign(defaultSession, { headersListener: null, permissionRequestHandler: null, permissionCheckHandler: null });
      if (newKeychain) keychainKey = randomBytes(32);
      safeStorage.available = true;
      shell.opened = [];
      Object.assign(dialog, { openAnswers: [], openRequests: [], errorBoxes: [] });
      crashReporter.started = [];
    },
  };
}

// One platform per test process, whichever copy of this module a test or the shell imported
// (vitest loads the shell's modules afresh for each test; the platform stays the one the test drives).
const shared = globalThis as { __electronDouble?: ReturnType<typeof makePlatform> };
const platform = (shared.__electronDouble ??= makePlatform());

export const { BrowserWindow, ipcMain, session, safeStorage, shell, dialog, crashReporter } = platform;
/** The app of the current test (replaced by `resetElectron`). */
export const app = new Proxy({} as AppDouble, {
  get: (_target, key) => {
    const value = Reflect.get(platform.app, key);
    return typeof value === 'function' ? value.bind(platform.app) : value;
  },
  set: (_target, key, value) => Reflect.set(platform.app, key, value),
});
export const resetElectron = (paths: Record<string, string>, options?: { newKeychain?: boolean }) => platform.reset(paths, options);
export default { app, BrowserWindow, ipcMain, session, safeStorage, shell, dialog, crashReporter };
