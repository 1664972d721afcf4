// A device's first fill of its office's picture (ADR 0026): the central's rows for its office and
// province, page by page (GET /v1/picture), each page applied with the feed's own applier and the
// cursor stored in the page's transaction — so a kill -9 at any instant resumes at the next page,
// and a page is never half applied. Pages are a few thousand rows, so the store answers searches
// between them (the people of each page are indexed for search in it). When the last page is in,
// the feed continues from the picture's `since` (unless this device already follows the feed), and
// the pulled payments' indexes deferred at a fresh fill's start are built — by the core on a
// connection of its own in a worker (ADR 0041), so its thread answers searches meanwhile. While
// the pages come, another worker copies their WAL into the store file (wal-copied-aside.ts).
import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import type { CentralChange } from '../../../shared/sync/changes';
import { PICTURE_MAX_PAGE_ROWS, type PicturePart, pictureChange, type PicturePage, picturePageLimit, pictureParts } from '../../../shared/sync/picture';
import {
  applyPage,
  buildIndexesHere,
  deferPulledPaymentIndexes,
  missingPulledPaymentIndexes,
  restoreUsualPageCache,
} from '../db/repositories/picture-fill-store';
import { readPicture, restartPicture, savePicturePage } from '../db/repositories/sync-state-repository';
import type { Database } from '../db/schema';
import { type CentralTransport, TransportError } from './central-transport';
import { collectFillGarbage, collectIfGrown } from './fill-collector';
import { noWalAside, type WalAside } from '../db/wal-copied-aside';
import { applyChangesIn } from './pull-applier';

/** Rows per page asked for: as many as the central answers at most (ADR 0043), so pages to do are counted right. */
export const PICTURE_PAGE = PICTURE_MAX_PAGE_ROWS;

/**
 * Where this process's fills spent their time, in ms by phase and part ("wait contributions": the
 * page not yet received and read; "check …": its rows checked as changes; "apply …": written and
 * committed): read by the office-picture benchmark, which runs one fill in a process of its own.
 */
export const pictureFillPhases: Record<string, number> = {};

/** Where a fill stands, as stored with each page. */
export interface PictureProgress {
  since: number;
  totals: Partial<Record<PicturePart, number>>;
  part: PicturePart;
  rowsDone: number;
  pagesDone: number;
  startedAt: string;
  /** Rows per page asked for (pages to do follow from it). */
  pageSize?: number;
}

/** The figures the Sync page shows: pages, rows and the time left at the pace since this run began. */
export interface PictureView {
  state: 'none' | 'filling' | 'done';
  part: PicturePart | null;
  rowsDone: number;
  rowsTotal: number;
  pagesDone: number;
  pagesTotal: number;
  secondsLeft: number | null;
}

export function pictureView(
  state: 'none' | 'filling' | 'done',
  progress: PictureProgress | null,
  pace: { at: number; rows: number } | null,
  now: number,
): PictureView {
  if (!progress) return { state, part: null, rowsDone: 0, rowsTotal: 0, pagesDone: 0, pagesTotal: 0, secondsLeft: null };
  const counts = pictureParts.map((p) => progress.totals[p] ?? 0);
  const rowsTotal = Math.max(
    progress.rowsDone,
    counts.reduce((a, b) => a + b, 0),
  );
  // Each part ends with a page shorter than a full one (possibly empty); a full page is what the
  // central answers at most for that part (a fill stored with a larger ask gets pages of that).
  const asked = progress.pageSize ?? PICTURE_PAGE;
  const pagesTotal = Math.max(
    progress.pagesDone,
    pictureParts.reduce((n, part, i) => n + Math.floor(counts[i]! / picturePageLimit(part, asked)) + 1, 0),
  );
  const done = progress.rowsDone - (pace?.rows ?? progress.rowsDone);
  const elapsed = pace ? (now - pace.at) / 1000 : 0;
  const secondsLeft = state === 'done' ? 0 : done > 0 && elapsed > 0 ? Math.ceil(((rowsTotal - progress.rowsDone) * elapsed) / done) : null;
  return { state, part: progress.part, rowsDone: progress.rowsDone, rowsTotal, pagesDone: progress.pagesDone, pagesTotal, secondsLeft };
}

export async function readPictureState(
  db: Kysely<Database>,
): Promise<{ state: 'none' | 'filling' | 'done'; cursor: string | null; progress: PictureProgress | null }> {
  const row = await readPicture(db);
  return { state: row.pictureState, cursor: row.pictureCursor, progress: row.pictureProgress ? (JSON.parse(row.pictureProgress) as PictureProgress) : null };
}

function changesOf(page: PicturePage): CentralChange[] {
  const changes: CentralChange[] = [];
  for (const row of page.rows) {
    const checked = pictureChange(page.part, row);
    if ('problem' in checked) {
      throw new TransportError(
        {
          vi: `Máy chủ trung tâm gửi ảnh dữ liệu văn phòng không đúng giao thức (${checked.problem}); hãy cập nhật ứng dụng.`,
          en: `The central service sent the office's picture in a form this app does not know (${checked.problem}); update the app.`,
        },
        'permanent',
      );
    }
    changes.push(checked.change);
  }
  return changes;
}

/** Builds index statements on the store (the core: in a worker, on a connection of its own). */
export type IndexBuilder = (db: Kysely<Database>, statements: readonly string[]) => Promise<void>;

/**
 * The pulled payments' indexes a filled picture still lacks, built: after its last page, and at any
 * later run if a kill -9 or a failure stopped the build (the picture's rows are all in by then).
 */
export async function finishPictureIndexes(db: Kysely<Database>, build: IndexBuilder = buildIndexesHere): Promise<void> {
  const missing = await missingPulledPaymentIndexes(db);
  if (missing.length === 0) return;
  // The fill's garbage collected first: the build's SQLite memory comes on top of the heap (ADR 0041).
  collectFillGarbage('beforeIndexes');
  // Named before the build, so the benchmark's memory sampler sees it as the phase under way.
  pictureFillPhases['indexes'] ??= 0;
  const t0 = performance.now();
  await build(db, missing);
  pictureFillPhases['indexes'] = (pictureFillPhases['indexes'] ?? 0) + performance.now() - t0;
}

/**
 * Fills the picture from where it stopped; returns the rows applied by this call. `onPage` hears
 * of each page once it is stored. The next page is asked for while this one is applied.
 */
export async function fillPicture(
  db: Kysely<Database>,
  transport: CentralTransport,
  now: () => string,
  onPage: (progress: PictureProgress) => void,
  pageSize = PICTURE_PAGE,
  buildIndexes: IndexBuilder = buildIndexesHere,
  walAside: WalAside = noWalAside,
): Promise<number> {
  const stored = await readPictureState(db);
  if (stored.state === 'done') return 0;
  let progress = stored.progress;
  await deferPulledPaymentIndexes(db);
  let next = transport.pullPicture(stored.cursor, pageSize);
  let applied = 0;
  // The pages' WAL copied into the store file by a worker while they come (wal-copied-aside.ts).
  walAside.start();
  try {
    await fillPages();
  } finally {
    await walAside.end();
    // The store's usual page cache again (each page of the fill asks for a larger one).
    await restoreUsualPageCache(db);
  }
  await finishPictureIndexes(db, buildIndexes);
  return applied;
  async function fillPages(): Promise<void> {
    const add = (phase: 'wait' | 'check' | 'apply', part: PicturePart, t0: number) => {
      const key = `${phase} ${part}`;
      pictureFillPhases[key] = (pictureFillPhases[key] ?? 0) + performance.now() - t0;
    };
    for (;;) {
      let t0 = performance.now();
      // Not `const`: its tuples are garbage once checked as changes.
      let page: PicturePage | null = await next;
      add('wait', page.part, t0);
      if (page.nextCursor) {
        next = transport.pullPicture(page.nextCursor, pageSize);
        next.catch(() => undefined);
      }
      const at = now();
      progress ??= { since: page.since, totals: page.totals ?? {}, part: page.part, rowsDone: 0, pagesDone: 0, startedAt: at, pageSize };
      t0 = performance.now();
      const changes = changesOf(page);
      const { part, nextCursor } = page;
      const rows = page.rows.length;
      // Let go of while the page is applied and the next one read (V8 may keep a local of a suspended async function).
      // eslint-disable-next-line no-useless-assignment
      page = null;
      add('check', part, t0);
      t0 = performance.now();
      const current: PictureProgress = { ...progress, part, rowsDone: progress.rowsDone + rows, pagesDone: progress.pagesDone + 1 };
      await applyPage(db, async (trx) => {
        await applyChangesIn(trx, changes, at);
        await savePicturePage(trx, { cursor: nextCursor, progress: JSON.stringify(current), since: current.since });
      });
      add('apply', part, t0);
      progress = current;
      applied += rows;
      onPage(current);
      if (nextCursor === null) return;
      collectIfGrown();
    }
  }
}

/** Starts the picture over (the central's feed was reset: it may have lost what the device had). */
export { restartPicture };
