// The picture fill's garbage collected from inside the core (ADR 0041, issue 20 item 4: the core's
// RSS ≤ 300 MB while a new device fills). Every page of a fill is JSON text, its tuples, their
// changes and their statements — all garbage once the page is committed. V8 lets its heap grow
// ahead of that garbage (to 190–240 MB at 5 000 000 payments, most of it dead) and the RSS with it,
// and the pulled payments' index build (a worker with SQLite memory of its own) comes on top of
// that heap at the fill's end: the process's peak. A heap cap would need a V8 flag on Electron's
// command line (`v8.setFlagsFromString` after start leaves the limit as it was), so the core asks
// for full collections itself: after a page when the heap has grown FILL_HEAP_SLACK_MB past what
// the last collection left, and one just before the index build. The collector is obtained at runtime: `--expose-gc` set by
// `v8.setFlagsFromString` makes `gc` a global of the next context made, which `vm` makes; the flag
// is unset again at once. That is Node's API, also in Electron's main process (a Node
// environment). A full collection of the fill's live heap (~30 MB) takes 25–40 ms; V8 then has
// less dead heap to collect itself (at a tenth of the goal's scale: V8's collections 1.7–2.5 s in
// all with them, 2.1 s without; the heap 103–116 MB at its largest instead of 175 MB). Without a
// collector (a runtime that refuses the flag) the fill runs as before.
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How far the heap may grow past what the last collection left (MB) before the next page is
 * followed by a full collection: V8's own collections keep the heap lower most of the time, so
 * the core collects only when they have not (the live heap of a fill is some 30 MB).
 */
export const FILL_HEAP_SLACK_MB = 64;

/** Collections made by this process's fills, by reason, and their time in ms: read by tests and the benchmark. */
export const fillCollections = { pages: 0, beforeIndexes: 0, ms: 0, liveMb: 0 };

/**
 * The heap in use and the memory outside it that its objects hold (the pages' network buffers,
 * ArrayBuffers freed only when their owners are collected: up to 44 MB of a full-scale fill's RSS
 * when only the heap was counted, ADR 0045), in MB.
 */
const heapMb = () => {
  const heap = getHeapStatistics();
  return (heap.used_heap_size + heap.external_memory) / 1048576;
};
/** The heap the last collection left (MB); 0 before the first. */
let leftMb = 0;

let collector: (() => void) | null | undefined;

function obtainCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  const given = (globalThis as { gc?: unknown }).gc;
  if (typeof given === 'function') return (collector = given as () => void);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
  return collector;
}

/** A full collection of the fill's garbage: after pages (collectIfGrown) or before the index build. */
export function collectFillGarbage(reason: 'pages' | 'beforeIndexes'): void {
  const gc = obtainCollector();
  if (!gc) return;
  const t0 = performance.now();
  gc();
  fillCollections.ms += performance.now() - t0;
  fillCollections[reason]++;
  leftMb = heapMb();
  fillCollections.liveMb = Math.max(fillCollections.liveMb, Math.round(leftMb));
}

/** After a page is applied: a full collection if the heap has grown FILL_HEAP_SLACK_MB past the last one's. */
export function collectIfGrown(): void {
  if (heapMb() >= leftMb + FILL_HEAP_SLACK_MB) collectFillGarbage('pages');
}
