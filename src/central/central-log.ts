// The central's structured log (pino, JSON lines on stdout for the platform's log collector): one
// line per request with its id, route, status, duration, the signing device and the batch number,
// and errors with their stack. Never a personal datum: no names, personal IDs, payloads or bodies —
// a batch is named by its device and number, an operation by its id.
import { pino, type Logger } from 'pino';

export type CentralLog = Logger;

/** `LOG_LEVEL` (default info); `silent` turns it off (the tests' central). */
export function createCentralLog(options: { level?: string; destination?: NodeJS.WritableStream } = {}): CentralLog {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  return pino(
    {
      level,
      base: { service: 'field-office-central', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Should a caller ever pass one of these, it is not written.
      redact: { paths: ['payload', 'body', 'fullName', 'personalId', '*.payload', '*.fullName', '*.personalId'], censor: '[redacted]' },
    },
    options.destination as pino.DestinationStream | undefined,
  );
}
