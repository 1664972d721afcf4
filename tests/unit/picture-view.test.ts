// The Sync page's count of a fill's pages (issue 20 item 4): pages to do are counted by what the
// central answers at most for each part (ADR 0043: 2 500 rows, households 2 000), so the count does
// not grow while the picture fills — the device asked for 5 000 and counted half the pages it got.
import { describe, expect, it } from 'vitest';
import { PICTURE_PAGE, type PictureProgress, pictureView } from '../../src/main/core/sync/picture-fill';
import { PICTURE_MAX_PAGE_ROWS, pictureParts } from '../../src/shared/sync/picture';

const progress = (pageSize: number | undefined): PictureProgress => ({
  since: 10,
  totals: { persons: 6000, households: 4500, contributions: 12_000 },
  part: 'persons',
  rowsDone: 0,
  pagesDone: 0,
  startedAt: '2026-12-07T09:00:00.000Z',
  ...(pageSize === undefined ? {} : { pageSize }),
});

describe('the picture’s page count', () => {
  it('asks for pages of the central’s largest size', () => {
    expect(PICTURE_PAGE).toBe(PICTURE_MAX_PAGE_ROWS);
    expect(PICTURE_PAGE).toBe(2500);
  });

  it.each([
    ['as this device asks (2 500)', PICTURE_PAGE],
    ['stored by a fill that asked for 5 000 (the central answered 2 500)', 5000],
    ['stored without a page size', undefined],
  ])('counts the pages the central sends, %s', (_, pageSize) => {
    // persons 2 500 + 2 500 + 1 000; households 2 000 + 2 000 + 500; payments 4 × 2 500 + 2 000;
    // every other part one (empty) page.
    const emptyParts = pictureParts.length - 3;
    const view = pictureView('filling', progress(pageSize), null, 0);
    expect(view.pagesTotal).toBe(3 + 3 + 5 + emptyParts);
    expect(view.rowsTotal).toBe(22_500);
  });

  it('counts pages of a smaller ask by that ask', () => {
    const view = pictureView('filling', progress(1000), null, 0);
    expect(view.pagesTotal).toBe(7 + 5 + 13 + pictureParts.length - 3);
  });
});
