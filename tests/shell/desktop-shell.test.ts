// The Electron shell (src/main), run unchanged on a double of the `electron` module: IPC answered
// only for the app's own frame, the session token kept from the renderer, the CSP header on every
// response, permissions denied, navigation, new windows and webviews refused, the shell's methods
// checked against their contract, and the office core behind it real (a SQLite store in the
// temporary profile).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/content-security-policy';
import { preventable } from './electron-double';
import { type StartedShell, startShell, waitFor } from './shell-harness';
import { samplePerson } from '../support/sample-person';

vi.mock('electron', () => import('./electron-double'));
vi.mock('electron-updater', () => import('./updater-double'));

const PASSWORD = 'mat-khau-du-dai-12';
const setupInput = {
  officeCode: 'SHELL01',
  officeName: 'BHXH cơ sở Ba Đình',
  provinceCode: '01',
  supervisor: { username: 'giamsat', fullName: 'Trần Thị Giám Sát', password: PASSWORD },
};

let shell: StartedShell | undefined;
afterEach(async () => {
  await shell?.close();
  shell = undefined;
});

describe('the desktop shell on the Electron double', () => {
  it('answers IPC only for the app’s own top frame: a web page, a data: URL or a frame inside the app gets FORBIDDEN and the core never runs', async () => {
    shell = await startShell();
    const foreign = [
      { url: 'https://example.com/', parent: null },
      { url: 'data:text/html,<script>office.invoke()</script>', parent: null },
      { url: 'file:///tmp/evil/index.html', parent: null },
      { ...shell.appFrame(), parent: { url: shell.appFrame().url } },
    ];
    for (const frame of foreign) {
      const answer = await shell.invoke('office.setup', setupInput, { frame });
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Nothing was set up by those calls: the office is still waiting for its first-run setup.
    expect(await shell.invoke('session.current')).toMatchObject({ ok: true, value: { state: 'not-set-up' } });
  });

  it('keeps the session token in the main process: the renderer gets an empty token, its calls are signed in, another window is not', async () => {
    shell = await startShell();
    const setup = await shell.invoke('office.setup', setupInput);
    expect(setup.ok).toBe(true);
    expect(setup.value.token).toBe('');
    expect(JSON.stringify(setup)).not.toMatch(/[0-9a-f]{32}/);
    expect(await shell.invoke('staff.list')).toMatchObject({ ok: true });
    const other = new shell.electron.BrowserWindow({});
    expect(await shell.invoke('staff.list', {}, { contents: other.webContents })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const login = await shell.invoke('auth.login', { username: 'giamsat', password: PASSWORD }, { contents: other.webContents });
    expect(login).toMatchObject({ ok: true, value: { token: '' } });
    expect(await shell.invoke('staff.list', {}, { contents: other.webContents })).toMatchObject({ ok: true });
    // Signing out forgets the token; a closed window's token goes with it.
    expect(await shell.invoke('auth.logout')).toMatchObject({ ok: true });
    expect(await shell.invoke('staff.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    other.webContents.destroy();
    const reused = Object.assign(Object.create(Object.getPrototypeOf(other.webContents)), other.webContents, { destroyed: false });
    expect(await shell.invoke('staff.list', {}, { contents: reused })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('sets the Content-Security-Policy on every response, replacing any the response brought', async () => {
    shell = await startShell();
    const listener = shell.electron.session.defaultSession.headersListener!;
    const answer = (headers: Record<string, string[]> | undefined) =>
      new Promise<Record<string, string[]>>((resolve) =>
        listener({ url: 'file:///app/index.html', responseHeaders: headers }, (r: { responseHeaders: Record<string, string[]> }) => resolve(r.responseHeaders)),
      );
    const cases: (Record<string, string[]> | undefined)[] = [
      undefined,
      { 'content-type': ['text/html'] },
      { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"] },
    ];
    for (const headers of cases) {
      const out = await answer(headers);
      const csp = Object.entries(out).filter(([name]) => name.toLowerCase() === 'content-security-policy');
      expect(csp).toEqual([['Content-Security-Policy', [contentSecurityPolicy]]]);
    }
    expect(await answer({ 'content-type': ['text/html'] })).toMatchObject({ 'content-type': ['text/html'] });
  });

  it('denies every permission a page asks for', async () => {
    shell = await startShell();
    const { permissionRequestHandler, permissionCheckHandler } = shell.electron.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const granted = await new Promise<boolean>((resolve) => permissionRequestHandler!(shell!.window().webContents, permission, resolve, {}));
      expect(granted).toBe(false);
      expect(permissionCheckHandler!(shell.window().webContents, permission, 'file://', {})).toBe(false);
    }
  });

  it('blocks navigation and new windows; only an https link goes to the system browser', async () => {
    shell = await startShell();
    const contents = shell.window().webContents;
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8787/']) {
      const event = preventable();
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    }
    const open = (url: string) => contents.windowOpenHandler!({ url, frameName: '', features: '', disposition: 'new-window' });
    expect(open('https://baohiemxahoi.gov.vn/')).toEqual({ action: 'deny' });
    for (const url of ['http://example.com/', 'file:///C:/Windows/System32/cmd.exe', 'javascript:alert(1)', 'smb://server/share', 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.electron.shell.opened).toEqual(['https://baohiemxahoi.gov.vn/']);
  });

  it('refuses webviews in any web contents and makes the window sandboxed, isolated, without Node', async () => {
    shell = await startShell();
    const event = preventable();
    shell.window().webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
    expect(shell.window().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(shell.window().webContents.loaded.file).toMatch(/renderer[/\\]index\.html$/);
  });

  it('checks the shell’s methods against their contract before anything runs', async () => {
    shell = await startShell();
    const contents = shell.window().webContents;
    for (const archiveName of ['../../Windows/evil', '.hidden', 'a/b', 'x'.repeat(121)]) {
      expect(await shell.invoke('shell.print', { archiveName })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'archiveName' } });
    }
    expect(await shell.invoke('shell.print', { silent: true, command: 'rm -rf /' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await shell.invoke('shell.pickPath', { kind: 'anywhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'kind' } });
    expect(contents.pdfRequests).toEqual([]);
    expect(contents.printRequests).toEqual([]);
    expect(shell.electron.dialog.openRequests).toEqual([]);
    shell.electron.dialog.openAnswers.push({ canceled: false, filePaths: ['/media/usb'] });
    expect(await shell.invoke('shell.pickPath', { kind: 'backup-folder' })).toEqual({ ok: true, value: { path: '/media/usb' } });
    expect(await shell.invoke('shell.pickPath', { kind: 'backup-file' })).toEqual({ ok: true, value: { path: null } });
  });

  it('prints a receipt and archives its PDF under the receipt’s label; a reprint is archived beside it as a copy, never over it', async () => {
    shell = await startShell();
    await shell.invoke('office.setup', setupInput);
    const receipt = await recordReceipt(shell);
    const contents = shell.window().webContents;
    const archive = join(shell.userData, 'receipts');

    const first = await shell.invoke('receipts.markPrinted', { id: receipt.id });
    expect(first.value).toEqual({ printCount: 1, copy: false });
    const base = receipt.label.replace(/[^\w.-]+/g, '_');
    contents.pdfBytes = Buffer.from('%PDF original');
    expect(await shell.invoke('shell.print', { archiveName: base })).toEqual({ ok: true, value: { printed: true, pdfPath: join(archive, `${base}.pdf`) } });

    const second = await shell.invoke('receipts.markPrinted', { id: receipt.id });
    expect(second.value).toEqual({ printCount: 2, copy: true });
    contents.pdfBytes = Buffer.from('%PDF copy');
    const copy = await shell.invoke('shell.print', { archiveName: `${base}_BAN-SAO-2`, silent: true });
    expect(copy.value.pdfPath).toBe(join(archive, `${base}_BAN-SAO-2.pdf`));
    // The same name again (a renderer that asked twice) never replaces the archived original.
    contents.pdfBytes = Buffer.from('%PDF again');
    const again = await shell.invoke('shell.print', { archiveName: base });
    expect(again.value.pdfPath).toBe(join(archive, `${base}-2.pdf`));
    expect(readFileSync(join(archive, `${base}.pdf`), 'utf8')).toBe('%PDF original');
    expect(readFileSync(join(archive, `${base}_BAN-SAO-2.pdf`), 'utf8')).toBe('%PDF copy');
    expect(contents.pdfRequests).toEqual([
      { pageSize: 'A5', printBackground: true },
      { pageSize: 'A5', printBackground: true },
      { pageSize: 'A5', printBackground: true },
    ]);
    expect(contents.printRequests[1]).toMatchObject({ silent: true });
  });

  it('says a printer’s failure as PRINT_FAILED, and a cancelled dialog as not printed', async () => {
    shell = await startShell();
    const contents = shell.window().webContents;
    contents.printOutcome = { success: false, failureReason: 'cancelled' };
    expect(await shell.invoke('shell.print', {})).toEqual({ ok: true, value: { printed: false } });
    contents.printOutcome = { success: false, failureReason: 'Printer is out of paper' };
    expect(await shell.invoke('shell.print', { archiveName: 'chot-so-SHELL01-2026-12-06', pageSize: 'A4' })).toMatchObject({
      ok: false,
      error: { code: 'PRINT_FAILED', details: { reason: 'Printer is out of paper' } },
    });
    expect(existsSync(join(shell.userData, 'receipts', 'chot-so-SHELL01-2026-12-06.pdf'))).toBe(true);
  });
});

/** One registered person and one contribution through the shell's IPC: the receipt to print. */
async function recordReceipt(s: StartedShell): Promise<{ id: string; label: string }> {
  const person = await s.invoke('participants.register', samplePerson);
  if (!person.ok) throw new Error(JSON.stringify(person.error));
  const fromMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
  const quote = await s.invoke('contributions.quote', { participantId: person.value.id, scheme: 'VSI', fromMonth, months: 1, incomeBasis: 1_500_000 });
  if (!quote.ok) throw new Error(JSON.stringify(quote.error));
  const recorded = await s.invoke('contributions.record', {
    participantId: person.value.id,
    scheme: 'VSI',
    fromMonth,
    months: 1,
    incomeBasis: 1_500_000,
    expectedTotal: quote.value.total,
  });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded.error));
  return recorded.value.receipt;
}

describe('the keys the shell keeps', () => {
  it('seals the store key and the device key with safeStorage, and opens the encrypted store again after a restart', async () => {
    shell = await startShell();
    await shell.invoke('office.setup', setupInput);
    await shell.invoke('participants.register', samplePerson);
    const office = join(shell.userData, 'office');
    const sealedKey = readFileSync(join(office, 'store-key.bin'));
    expect(sealedKey.subarray(0, 3).toString()).toBe('v10');
    expect(sealedKey.toString('latin1')).not.toMatch(/[0-9a-f]{64}/);
    expect(existsSync(join(office, 'store-key.txt'))).toBe(false);
    expect(readFileSync(join(office, 'field-office.sqlite')).includes(Buffer.from('001185012345'))).toBe(false);
    const userData = shell.userData;
    await shell.close();
    shell = await startShell({ userData });
    expect(await shell.invoke('auth.login', { username: 'giamsat', password: PASSWORD })).toMatchObject({ ok: true });
    expect(await shell.invoke('participants.search', { query: 'nguyen thi lan' })).toMatchObject({
      ok: true,
      value: { items: [expect.objectContaining({ fullName: 'Nguyễn Thị Lan' })] },
    });
  });
});

describe('where the shell keeps the store', () => {
  it('opens the store in the folder FIELD_OFFICE_DATA_DIR names, and archives printed PDFs beside it', async () => {
    const named = mkdtempSync(join(tmpdir(), 'field-office-named-'));
    process.env.FIELD_OFFICE_DATA_DIR = named;
    try {
      shell = await startShell();
      await shell.invoke('office.setup', setupInput);
      expect(existsSync(join(named, 'office', 'field-office.sqlite'))).toBe(true);
      expect(existsSync(join(shell.userData, 'office'))).toBe(false);
      const printed = await shell.invoke('shell.print', { archiveName: 'QN-0001' });
      expect(printed.value.pdfPath).toBe(join(named, 'receipts', 'QN-0001.pdf'));
    } finally {
      delete process.env.FIELD_OFFICE_DATA_DIR;
    }
  });
});

describe('updates and crashes in the running shell', () => {
  it('offers a downloaded update to the supervisor only, and holds "restart now" while a form is open', async () => {
    shell = await startShell();
    const { autoUpdater } = (await import('./updater-double')) as typeof import('./updater-double');
    autoUpdater.installs = [];
    await shell.invoke('office.setup', setupInput);
    await shell.invoke('staff.create', { username: 'quay1', fullName: 'Lê Văn Quầy', role: 'counter', password: PASSWORD });
    expect(await shell.invoke('shell.updateStatus')).toMatchObject({ ok: true, value: { state: 'idle', version: null } });
    autoUpdater.emit('update-available', { version: '0.2.0', releaseNotes: 'In biên lai nhanh hơn.' });
    autoUpdater.emit('update-downloaded', { version: '0.2.0', releaseNotes: 'In biên lai nhanh hơn.' });
    expect(await shell.invoke('shell.updateStatus')).toMatchObject({
      ok: true,
      value: { state: 'ready', version: '0.2.0', releaseNotes: 'In biên lai nhanh hơn.', blockedBy: [] },
    });

    // A clerk's window may not restart the app.
    const clerk = new shell.electron.BrowserWindow({});
    await shell.invoke('auth.login', { username: 'quay1', password: PASSWORD }, { contents: clerk.webContents });
    expect(await shell.invoke('shell.updateRestart', {}, { contents: clerk.webContents })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The clerk is half-way through a form: the supervisor's restart waits, and says why.
    expect(await shell.invoke('shell.activity', { formOpen: true }, { contents: clerk.webContents })).toEqual({ ok: true, value: { ok: true } });
    expect(await shell.invoke('shell.updateRestart')).toEqual({ ok: true, value: { restarting: false, blockedBy: ['form'] } });
    expect(autoUpdater.installs).toEqual([]);
    await shell.invoke('shell.activity', { formOpen: false }, { contents: clerk.webContents });
    expect(await shell.invoke('shell.updateRestart')).toEqual({ ok: true, value: { restarting: true, blockedBy: [] } });
    expect(autoUpdater.installs).toEqual([[false, true]]);
  });

  // The installed app at quit: the core is closed first, then a downloaded release installs —
  // unless work the close did not wait for still runs. A backup sealing its copy onto the stick
  // outlives the store's close; the shell must ask the core it just closed, not the none it holds.
  async function quitWithUpdateReady(): Promise<{ installs: unknown[]; quits: number }> {
    shell = await startShell();
    const { autoUpdater } = (await import('./updater-double')) as typeof import('./updater-double');
    autoUpdater.installs = [];
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    const { app, BrowserWindow } = shell.electron;
    app.isPackaged = true;
    for (const win of BrowserWindow.getAllWindows()) win.close();
    await waitFor(() => app.quitCalls > 0 || autoUpdater.installs.length > 0);
    shell.unhook();
    shell = undefined;
    return { installs: autoUpdater.installs, quits: app.quitCalls };
  }

  it('installs a downloaded update at quit, silently, once the core has closed and no work runs', async () => {
    expect(await quitWithUpdateReady()).toEqual({ installs: [[true, false]], quits: 0 });
  });

  it('does not install at quit while a backup the quit did not wait for still runs: it only quits', async () => {
    // The copy is still being sealed onto the stick when the window closes (the store is closed
    // already); the backup service says so until the sealed copy has its final name.
    vi.doMock('../../src/main/core/services/backup-service', async (importOriginal) => ({
      ...(await importOriginal<typeof import('../../src/main/core/services/backup-service')>()),
      backupProgress: () => ({ running: true, phase: 'sealing', percent: 80 }),
    }));
    try {
      expect(await quitWithUpdateReady()).toEqual({ installs: [], quits: 1 });
    } finally {
      vi.doUnmock('../../src/main/core/services/backup-service');
    }
  });

  it('records a renderer crash beside the office data and loads the window again; nothing is uploaded', async () => {
    shell = await startShell();
    expect(shell.electron.crashReporter.started).toEqual([{ uploadToServer: false, compress: true }]);
    const win = shell.window();
    let reloaded = 0;
    (win.webContents as unknown as { reload: () => void }).reload = () => void reloaded++;
    shell.electron.app.emit('render-process-gone', {}, win.webContents, { reason: 'crashed', exitCode: 139 });
    const reports = readdirSync(join(shell.userData, 'crash-reports'));
    expect(reports).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(shell.userData, 'crash-reports', reports[0]!), 'utf8'))).toMatchObject({
      process: 'renderer',
      reason: 'crashed',
      exitCode: 139,
    });
    expect(reloaded).toBe(1);
  });
});
