// The shell's own events land in the office log (src/main/shell-log.ts): the real shell on the
// Electron double writes its start, a renderer's crash report, an update downloaded and one that
// failed, and its close into <data>/logs/field-office.log beside the core's lines; events from
// before the core opened the file are held and written with the time they happened; after the
// core closed, stderr only (errors always go there too).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOG_FILE, openOfficeLog } from '../../src/main/core/log/office-log';
import { HELD_AT_MOST, ShellLog } from '../../src/main/shell-log';
import { type StartedShell, startShell } from './shell-harness';

vi.mock('electron', () => import('./electron-double'));
vi.mock('electron-updater', () => import('./updater-double'));

function logLines(dataDir: string): Record<string, any>[] {
  const file = join(dataDir, 'logs', LOG_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

let shell: StartedShell | undefined;
afterEach(async () => {
  await shell?.close();
  shell = undefined;
});

describe('the shell’s log', () => {
  it('writes the running shell’s start, a crash report, updates and its close into the office log', async () => {
    shell = await startShell();
    const { autoUpdater } = (await import('./updater-double')) as typeof import('./updater-double');
    const win = shell.window();
    (win.webContents as unknown as { reload: () => void }).reload = () => undefined;
    shell.electron.app.emit('render-process-gone', {}, win.webContents, { reason: 'crashed', exitCode: 139 });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    autoUpdater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    const dataDir = join(shell.userData, 'office');
    await shell.close();
    shell = undefined;

    const lines = logLines(dataDir).filter((line) => line.source === 'shell');
    expect(lines.map((line) => line.msg)).toEqual([
      'started',
      expect.stringMatching(/^crash: renderer crashed \(exit 139\) — report .*crash-reports/),
      'update downloaded',
      'update failed',
      'closing',
    ]);
    expect(lines[0]).toMatchObject({ level: 30, version: expect.any(String), store: 'user' });
    expect(lines[1]).toMatchObject({ level: 50 });
    expect(lines[2]).toMatchObject({ level: 30, version: '0.2.0' });
    expect(lines[3]).toMatchObject({ level: 50, err: { message: 'net::ERR_INTERNET_DISCONNECTED', stack: expect.stringMatching(/Error/) } });
    expect(lines[4]).toMatchObject({ updateReady: '0.2.0' });
  });

  it('holds what happened before the core opened its log and writes it, with the time it happened, when attached', async () => {
    const stderr: string[] = [];
    let now = new Date('2026-12-06T01:00:00.000Z');
    const log = new ShellLog({ stderr: (line) => void stderr.push(line), now: () => now });
    log.info('[store] moved the office store from A to B');
    log.error('the office did not open', new Error('disk'));
    const dataDir = mkdtempSync(join(tmpdir(), 'field-office-shell-log-'));
    const opened = openOfficeLog(dataDir);
    now = new Date('2026-12-06T01:00:05.000Z');
    log.attach(opened.log);
    log.info('started', { version: '0.2.0' });
    log.detach();
    log.info('after the core closed');
    await opened.close();

    expect(logLines(dataDir)).toEqual([
      expect.objectContaining({ source: 'shell', level: 30, msg: '[store] moved the office store from A to B', happenedAt: '2026-12-06T01:00:00.000Z' }),
      expect.objectContaining({ source: 'shell', level: 50, msg: 'the office did not open', err: expect.objectContaining({ message: 'disk' }) }),
      expect.objectContaining({ source: 'shell', level: 30, msg: 'started', version: '0.2.0' }),
    ]);
    expect(logLines(dataDir)[2]).not.toHaveProperty('happenedAt');
    // Errors always, and every event while no log is attached; an attached log's info is the file's alone.
    expect(stderr).toHaveLength(3);
    expect(stderr[1]).toMatch(/^2026-12-06T01:00:00.000Z \[error\] the office did not open Error: disk/);
    expect(stderr[2]).toMatch(/\[info\] after the core closed$/);
  });

  it('holds at most a bounded number of events before the log opens, and says how many it did not keep', async () => {
    const log = new ShellLog({ stderr: () => undefined });
    for (let i = 0; i < HELD_AT_MOST + 7; i++) log.error(`crash ${i}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'field-office-shell-log-'));
    const opened = openOfficeLog(dataDir);
    log.attach(opened.log);
    await opened.close();
    const lines = logLines(dataDir);
    expect(lines).toHaveLength(HELD_AT_MOST + 1);
    expect(lines.at(-1)).toMatchObject({ msg: 'shell events before the log opened were not kept', dropped: 7 });
  });
});
