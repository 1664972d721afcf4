// The desktop shell's own methods: the few things only Electron's main process can do for the
// renderer — the print dialog (with its PDF archive), the system's folder or file chooser, and the
// app's update (its state, a supervisor's "restart now", and whether a form is open).
// They travel on the same single `invoke` as the core's contract, from the app's own frame only,
// and are validated the same way; the browser harness has none of them (the renderer prints
// through the browser there, and file-sync paths are typed).
import { z } from 'zod';

export const shellContract = {
  'shell.print': {
    input: z.strictObject({
      /** Straight to the default printer, without the dialog (a counter's receipt printer). */
      silent: z.boolean().optional(),
      /** The archived PDF's file name without `.pdf`; no archive without it. */
      archiveName: z
        .string()
        .regex(/^[\w.-]{1,120}$/, 'Tên tệp lưu trữ chỉ gồm chữ không dấu, số, dấu chấm, gạch.')
        .refine((name) => !name.startsWith('.'), 'Tên tệp lưu trữ không được bắt đầu bằng dấu chấm.')
        .optional(),
      /** Receipts are A5 (the default); the day-end report is A4. */
      pageSize: z.enum(['A4', 'A5']).optional(),
    }),
    output: z.object({
      /** False when the clerk cancelled the print dialog (not an error). */
      printed: z.boolean(),
      pdfPath: z.string().optional(),
    }),
  },
  'shell.pickPath': {
    input: z.strictObject({ kind: z.enum(['export-folder', 'backup-folder', 'result-file', 'backup-file']) }),
    /** null when the dialog was cancelled. */
    output: z.object({ path: z.string().nullable() }),
  },
  /** The app's update (src/main/update-controller.ts): downloaded or not, its notes, what holds a restart. */
  'shell.updateStatus': {
    input: z.strictObject({}),
    output: z.object({
      state: z.enum(['idle', 'checking', 'downloading', 'ready', 'error']),
      channel: z.string().nullable(),
      version: z.string().nullable(),
      releaseNotes: z.string().nullable(),
      percent: z.number().nullable(),
      blockedBy: z.array(z.enum(['sync', 'backup', 'restore', 'form'])),
      lastCheckedAt: z.string().nullable(),
    }),
  },
  /** A supervisor's "restart now" to install a downloaded update; refused while work is under way. */
  'shell.updateRestart': {
    input: z.strictObject({}),
    output: z.object({ restarting: z.boolean(), blockedBy: z.array(z.enum(['sync', 'backup', 'restore', 'form'])) }),
  },
  /** The renderer says whether a form is open (no restart for an update meanwhile). */
  'shell.activity': {
    input: z.strictObject({ formOpen: z.boolean() }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export type ShellContract = typeof shellContract;
export type ShellMethodName = keyof ShellContract;
export type ShellInput<M extends ShellMethodName> = z.input<ShellContract[M]['input']>;
export type ShellOutput<M extends ShellMethodName> = z.output<ShellContract[M]['output']>;

export function isShellMethodName(name: unknown): name is ShellMethodName {
  return typeof name === 'string' && Object.hasOwn(shellContract, name);
}
