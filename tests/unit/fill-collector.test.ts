// The picture fill collects its garbage from inside the core (ADR 0041): the collector is obtained
// at runtime in plain Node (no --expose-gc on the command line — vitest's workers have none, as
// Electron's main process has none), and a page is followed by a full collection only when the
// heap — with the memory outside it that its objects hold — has grown FILL_HEAP_SLACK_MB past what
// the last one left. Live arrays and buffers make the growth deterministic (a collection cannot free
// them).
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectFillGarbage, collectIfGrown, FILL_HEAP_SLACK_MB, fillCollections } from '../../src/main/core/sync/fill-collector';

const heapMb = () => getHeapStatistics().used_heap_size / 1048576;
/** `mb` MB held live: arrays of 131 072 doubles (1 MB each). */
const hold = (mb: number) => Array.from({ length: mb }, (_, i) => new Array<number>(131_072).fill(i + 0.5));

describe('the fill’s garbage collector', () => {
  it('is obtained at runtime without a command-line flag, and collects', () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const before = fillCollections.beforeIndexes;
    let garbage: number[][] | null = hold(40);
    const grown = heapMb();
    expect(garbage).toHaveLength(40);
    garbage = null;
    collectFillGarbage('beforeIndexes');
    expect(garbage).toBeNull();
    expect(fillCollections.beforeIndexes).toBe(before + 1);
    expect(heapMb()).toBeLessThan(grown - 30);
    // The flag is unset again: contexts made later get no `gc`.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it('collects after a page only once the heap has grown the slack past the last collection', () => {
    collectFillGarbage('beforeIndexes');
    const pages = fillCollections.pages;
    collectIfGrown();
    expect(fillCollections.pages).toBe(pages);
    const held = hold(FILL_HEAP_SLACK_MB + 8);
    collectIfGrown();
    expect(fillCollections.pages).toBe(pages + 1);
    // What is live stays, and counts as the new floor: no collection again until it grows once more.
    collectIfGrown();
    expect(fillCollections.pages).toBe(pages + 1);
    expect(held).toHaveLength(FILL_HEAP_SLACK_MB + 8);
  });

  it('counts the memory outside the heap that its objects hold (network buffers), as the heap itself', () => {
    collectFillGarbage('beforeIndexes');
    const pages = fillCollections.pages;
    // Buffers: a few bytes of heap each, their memory outside it (V8's external memory).
    const heapBefore = heapMb();
    const buffers = Array.from({ length: FILL_HEAP_SLACK_MB + 8 }, (_, i) => Buffer.alloc(1_048_576, i));
    expect(heapMb() - heapBefore).toBeLessThan(8);
    collectIfGrown();
    expect(fillCollections.pages).toBe(pages + 1);
    collectIfGrown();
    expect(fillCollections.pages).toBe(pages + 1);
    expect(buffers).toHaveLength(FILL_HEAP_SLACK_MB + 8);
  });
});
