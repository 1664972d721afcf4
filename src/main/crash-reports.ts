// Crashes leave a report on this machine (issue 27 item 6): Electron's crash reporter keeps its
// minidumps locally (`uploadToServer: false` — nothing is sent anywhere; a supervisor may hand the
// folder to IT), and every crash of the main process, a renderer or a helper process writes a small
// JSON report beside the office's data (`crash-reports/`) and a line in the office log. A renderer
// that died is loaded again, so the clerk is back at work at once (a half-typed form is in its
// draft). The reports hold no personal data: the process, the reason, the exit code, the app's
// version and, for the main process, the error's message and stack.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, CrashReporter, RenderProcessGoneDetails, WebContents } from 'electron';

export interface CrashReport {
  at: string;
  process: string;
  reason: string;
  exitCode: number | null;
  version: string;
  platform: string;
  message?: string;
  stack?: string;
}

export interface CrashReportsOptions {
  app: Pick<App, 'on' | 'getVersion'>;
  crashReporter: Pick<CrashReporter, 'start'>;
  /** Where reports go: `<data root>/crash-reports`. */
  dir: string;
  /** One line in the office log. */
  logLine: (line: string) => void;
  now?: () => Date;
}

/** Starts local crash reporting; returns the function that records a report (also used for the main process). */
export function startCrashReports(options: CrashReportsOptions): (report: Omit<CrashReport, 'at' | 'version' | 'platform'>) => string {
  options.crashReporter.start({ uploadToServer: false, compress: true });
  const record = (report: Omit<CrashReport, 'at' | 'version' | 'platform'>): string => {
    const at = (options.now?.() ?? new Date()).toISOString();
    const full: CrashReport = { at, version: options.app.getVersion(), platform: process.platform, ...report };
    mkdirSync(options.dir, { recursive: true });
    const base = join(options.dir, `${at.replace(/[:.]/g, '-')}-${`${report.process}-${report.reason}`.replace(/[^\w-]/g, '_')}`);
    let file = `${base}.json`;
    for (let n = 2; existsSync(file); n++) file = `${base}-${n}.json`;
    writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`, { flag: 'wx' });
    options.logLine(`crash: ${report.process} ${report.reason}${report.exitCode === null ? '' : ` (exit ${report.exitCode})`} — report ${file}`);
    return file;
  };
  options.app.on('render-process-gone', (_event: unknown, contents: WebContents, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit') return;
    record({ process: 'renderer', reason: details.reason, exitCode: details.exitCode ?? null });
    if (!contents.isDestroyed()) contents.reload();
  });
  options.app.on('child-process-gone', (_event: unknown, details: { type: string; reason: string; exitCode: number; name?: string }) => {
    if (details.reason === 'clean-exit') return;
    record({ process: details.name ? `${details.type} (${details.name})` : details.type, reason: details.reason, exitCode: details.exitCode ?? null });
  });
  return record;
}

/**
 * The main process's own errors. An uncaught exception leaves the process in a state nobody knows:
 * recorded, then it ends (every commit is already in the store). A promise nobody awaited failing
 * is recorded and the app goes on, as it did before.
 */
export function recordMainProcessCrashes(record: (report: Omit<CrashReport, 'at' | 'version' | 'platform'>) => string, exit: (code: number) => void): void {
  const describe = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    return { message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  };
  process.on('uncaughtException', (error) => {
    try {
      record({ process: 'main', reason: 'uncaught-exception', exitCode: 1, ...describe(error) });
    } finally {
      exit(1);
    }
  });
  process.on('unhandledRejection', (error) => {
    record({ process: 'main', reason: 'unhandled-rejection', exitCode: null, ...describe(error) });
  });
}
