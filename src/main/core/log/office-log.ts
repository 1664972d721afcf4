// The office's own log file, so a laptop that misbehaved in a commune can be diagnosed later by
// whoever gets it back: `<data folder>/logs/field-office.log`, JSON lines (pino), rotated at 2 MB
// with the five last files kept (rotating-file-stream), about 10 MB in all. It holds what the core
// could not handle (an INTERNAL answer, with the method and the stack), every sync run (what was
// sent, answered and pulled, or why it failed) and every store copy and restore (done or why not).
// Never personal data: no names, personal IDs, addresses or payloads — records by their ids, files
// by their names. The shell adds its own events (crash reports) through the same logger
// (`OfficeCore.log`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export type OfficeLog = Logger;

export const LOG_FILE = 'field-office.log';

export interface OpenedOfficeLog {
  log: OfficeLog;
  /** Flushes and closes the file (the core's close). */
  close(): Promise<void>;
}

/** Opens `<dataDir>/logs/field-office.log` for appending, rotated as said above. */
export function openOfficeLog(dataDir: string, options: { level?: string } = {}): OpenedOfficeLog {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream: RotatingFileStream = createStream(LOG_FILE, { path: dir, size: '2M', maxFiles: 5 });
  // A full disk or a removed folder must never stop the office: the log gives up, the work goes on.
  (stream as unknown as NodeJS.EventEmitter).on('error', () => undefined);
  const log = pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['payload', 'fullName', 'personalId', 'passphrase', 'password', '*.payload', '*.fullName', '*.personalId'], censor: '[redacted]' },
    },
    stream,
  );
  return {
    log,
    close: () =>
      new Promise<void>((resolve) => {
        stream.end(() => resolve());
      }),
  };
}

/** A logger that writes nothing (tools and tests that keep no log file). */
export function silentOfficeLog(): OfficeLog {
  return pino({ level: 'silent' });
}
