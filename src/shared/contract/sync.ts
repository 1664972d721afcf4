// Sync in the contract: the status shown everywhere, enrolling this device with the central
// service, pushing now, the sync-issues inbox and file sync for offices with no link.
import { z } from 'zod';
import { uuid } from './primitives';
import { says } from './input-messages';
import { pathText, text } from './text';

/** What the central answered for a set of batches: one count per result kind. */
const answered = z.object({
  batches: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  held: z.number().int(),
});

export const pushSummary = answered.extend({
  pulled: z.number().int(),
  /** Why the run failed, in Vietnamese and in English; null when it did not. */
  error: z.string().nullable(),
  errorEn: z.string().nullable(),
});
export type PushSummary = z.infer<typeof pushSummary>;

export const syncStatus = z.object({
  enrolled: z.boolean(),
  centralUrl: z.string().nullable(),
  centralDeviceId: z.string().nullable(),
  keyProtection: z.enum(['os-keychain', 'plain-file']),
  pendingOps: z.number().int(),
  unansweredBatches: z.number().int(),
  openIssues: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** lastError in English, when this process saw it happen (null after a restart until the next run). */
  lastErrorEn: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  online: z.boolean(),
  progress: z.object({ phase: z.enum(['push', 'picture', 'pull']), done: z.number().int(), total: z.number().int() }).nullable(),
  /**
   * The office's picture on this device (ADR 0026): its first fill, page by page, with the rows and
   * pages done and to do and the time left at the pace of this run (null until a page is in).
   */
  picture: z.object({
    state: z.enum(['none', 'filling', 'done']),
    part: z.string().nullable(),
    rowsDone: z.number().int(),
    rowsTotal: z.number().int(),
    pagesDone: z.number().int(),
    pagesTotal: z.number().int(),
    secondsLeft: z.number().int().nullable(),
  }),
  /** What the central has answered for this business day (UTC+7), by any run: background or "push now". */
  today: answered.extend({ lastAt: z.string().nullable() }),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const enrollDeviceInput = z.object({
  /** How the office's other devices name this one ("Quầy 2", "Máy cán bộ thu Lan"); the office code and host name if not given. */
  deviceName: text({ min: 0, max: 60 }).optional(),
  centralUrl: text({ max: 2048, tooShort: says('Nhập địa chỉ máy chủ trung tâm.', 'Enter the central server address.') }).regex(
    /^https?:\/\/[^\s/]+(:\d+)?(\/.*)?$/,
    says('Địa chỉ máy chủ trung tâm phải bắt đầu bằng http:// hoặc https://', 'The central server address must start with http:// or https://'),
  ),
  code: text({ min: 6, max: 64, tooShort: says('Nhập mã đăng ký thiết bị do trung tâm cấp.', 'Enter the device enrolment code the central service issued.') }),
});

export const syncIssue = z.object({
  id: uuid,
  opId: z.string().nullable(),
  kind: z.string(),
  entityId: z.string(),
  /** A payment's receipt, to open from the inbox (null for other kinds). */
  receiptId: z.string().nullable(),
  class: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown(),
  state: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SyncIssue = z.infer<typeof syncIssue>;

export const issueResolutions = [
  'edited-and-resent',
  'accept-central',
  'resend-household',
  'merge-into-canonical',
  'different-person-resend',
  'same-person-merge',
  'acknowledged',
] as const;
export type IssueResolution = (typeof issueResolutions)[number];

export const resolveIssueInput = z.object({
  id: uuid,
  resolution: z.enum(issueResolutions),
  note: text({
    min: 5,
    max: 1000,
    multiline: true,
    tooShort: says('Ghi lại quyết định xử lý (ít nhất 5 ký tự).', 'Write down the decision (at least 5 characters).'),
  }),
});

export const listIssuesInput = z.object({ state: z.enum(['open', 'resolved', 'all']).default('open') });

export const exportFileInput = z.object({
  directory: pathText(says('Nhập hoặc chọn thư mục để lưu tệp đồng bộ.', 'Type or choose the folder for the sync file.')),
});
export const exportFileOutput = z.object({ file: z.string(), manifest: z.string(), batches: z.number().int(), ops: z.number().int() });
export const importResultInput = z.object({
  file: pathText(says('Nhập hoặc chọn tệp kết quả (.results.json).', 'Type or choose the results file (.results.json).')),
});
export const importResultOutput = z.object({
  batches: z.number().int(),
  skipped: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  held: z.number().int(),
});
