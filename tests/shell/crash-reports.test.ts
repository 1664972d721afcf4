// Crashes leave a report on the machine and a line in the office log, and nothing is sent anywhere
// (src/main/crash-reports.ts): Electron's crash reporter keeps its dumps locally, a renderer that
// died is recorded and loaded again, a helper process's end is recorded, a clean exit is not, and
// the main process's own uncaught error is recorded before it ends.
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordMainProcessCrashes, startCrashReports } from '../../src/main/crash-reports';

function platform() {
  const app = Object.assign(new EventEmitter(), { getVersion: () => '0.2.0' });
  const started: unknown[] = [];
  const crashReporter = { start: (options: unknown) => void started.push(options) };
  const dir = join(mkdtempSync(join(tmpdir(), 'field-office-crash-')), 'crash-reports');
  const lines: string[] = [];
  const record = startCrashReports({ app: app as never, crashReporter, dir, logLine: (l) => lines.push(l), now: () => new Date('2026-12-06T03:04:05.678Z') });
  const reports = () => readdirSync(dir).map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  return { app, started, dir, lines, record, reports };
}

describe('crash reports', () => {
  it('keeps the crash reporter’s dumps on the machine: nothing is uploaded', () => {
    expect(platform().started).toEqual([{ uploadToServer: false, compress: true }]);
  });

  it('records a renderer that died, with a line in the office log, and loads it again', () => {
    const { app, lines, reports, dir } = platform();
    let reloaded = 0;
    const contents = { isDestroyed: () => false, reload: () => void reloaded++ };
    app.emit('render-process-gone', {}, contents, { reason: 'crashed', exitCode: 139 });
    expect(reports()).toEqual([
      { at: '2026-12-06T03:04:05.678Z', version: '0.2.0', platform: process.platform, process: 'renderer', reason: 'crashed', exitCode: 139 },
    ]);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^crash: renderer crashed \\(exit 139\\) — report ${dir}`))]);
    expect(reloaded).toBe(1);
    app.emit('render-process-gone', {}, contents, { reason: 'clean-exit', exitCode: 0 });
    expect(reports()).toHaveLength(1);
  });

  it('records a helper process that ended badly (the GPU process), and not one that exited cleanly', () => {
    const { app, reports } = platform();
    app.emit('child-process-gone', {}, { type: 'GPU', reason: 'oom', exitCode: -1 });
    app.emit('child-process-gone', {}, { type: 'Utility', name: 'Network Service', reason: 'clean-exit', exitCode: 0 });
    expect(reports()).toMatchObject([{ process: 'GPU', reason: 'oom', exitCode: -1 }]);
  });

  it('records the main process’s uncaught error with its message, then ends it; an unawaited failure is recorded and the app goes on', () => {
    const { record, reports, lines } = platform();
    const exits: number[] = [];
    const before = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
    recordMainProcessCrashes(record, (code) => void exits.push(code));
    const onException = process.listeners('uncaughtException').find((l) => !before.exception.includes(l))!;
    const onRejection = process.listeners('unhandledRejection').find((l) => !before.rejection.includes(l))!;
    try {
      (onRejection as (e: unknown) => void)(new Error('central unreachable'));
      expect(exits).toEqual([]);
      (onException as (e: unknown) => void)(new TypeError('boom'));
      expect(exits).toEqual([1]);
    } finally {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection as never);
    }
    expect(reports().map((r) => [r.process, r.reason, r.message])).toEqual(
      expect.arrayContaining([
        ['main', 'unhandled-rejection', 'central unreachable'],
        ['main', 'uncaught-exception', 'boom'],
      ]),
    );
    expect(reports().find((r) => r.reason === 'uncaught-exception').stack).toMatch(/TypeError: boom/);
    expect(lines).toHaveLength(2);
  });
});
