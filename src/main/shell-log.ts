// The shell's own events — a crash report, an update downloaded or installed or failed, a store
// moved, a start that failed — go to the office's log file (`logs/field-office.log`) through the
// core's logger (`OfficeCore.log`), beside the core's own, so whoever gets a laptop back reads one
// file. The core opens that file only once it holds the store's lock (another Windows account's app
// on a counter PC must not write into a log this one rotates), so what happens before the core is
// open is held here and written, with the time it happened, as soon as the core's log is attached.
// Errors also go to stderr, for whoever started the app from a terminal, and so does every event
// while no log is attached (before the core opened it, after it closed). No personal data: messages name processes, versions and files, never people.
import type { OfficeLog } from './core/log/office-log';

/** What the shell's modules log with. */
export interface ShellLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'error';

interface Held {
  level: Level;
  message: string;
  fields: Record<string, unknown>;
  happenedAt: string;
}

/** Events kept while no log is attached; a start that loops on an error must not grow without end. */
export const HELD_AT_MOST = 200;

export class ShellLog implements ShellLogger {
  private office: OfficeLog | null = null;
  private held: Held[] = [];
  private dropped = 0;

  constructor(private readonly options: { stderr?: (line: string) => void; now?: () => Date } = {}) {}

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.write('info', message, fields);
  }

  error(message: string, error?: unknown, fields: Record<string, unknown> = {}): void {
    this.write('error', message, error === undefined ? fields : { ...fields, err: error });
  }

  /** The core's log is open: what was held is written, then every event as it comes. */
  attach(log: OfficeLog): void {
    const office = log.child({ source: 'shell' });
    for (const event of this.held) office[event.level]({ ...event.fields, happenedAt: event.happenedAt }, event.message);
    if (this.dropped > 0) office.error({ dropped: this.dropped }, 'shell events before the log opened were not kept');
    this.held = [];
    this.dropped = 0;
    this.office = office;
  }

  /** The core is closing its log: stderr only from now on. */
  detach(): void {
    this.office = null;
  }

  private write(level: Level, message: string, fields: Record<string, unknown>): void {
    const happenedAt = (this.options.now?.() ?? new Date()).toISOString();
    const err = fields.err;
    const detail = err === undefined ? '' : ` ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    if (level === 'error' || !this.office) (this.options.stderr ?? console.error)(`${happenedAt} [${level}] ${message}${detail}`);
    if (this.office) this.office[level](fields, message);
    else if (this.held.length < HELD_AT_MOST) this.held.push({ level, message, fields, happenedAt });
    else this.dropped++;
  }
}
