// The office picture's pages as the central answers them (issue 20 item 6, ADR 0040 and 0043): every
// part read by keyset from the cursor's last key, each row once; no page longer than
// PICTURE_MAX_PAGE_ROWS, households — their members gathered per row — than PICTURE_PART_MAX_PAGE,
// whatever the device asks for, so a page stays within the feed's time budget under load at
// 5 000 000 payments. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesFor, FEED_MAX_PAGE } from '../../../src/central/changes-feed';
import { PICTURE_MAX_PAGE_ROWS, PICTURE_PART_MAX_PAGE, picturePageFor, picturePageLimit } from '../../../src/central/picture-feed';
import { changesResponse } from '../../../src/shared/sync/changes';
import { type PicturePage, picturePage } from '../../../src/shared/sync/picture';
import { seedOfficePicture } from '../../bench/office-picture-seed';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';

const size = { persons: 6_000, households: 2_500, payments: 300, office: 'PICB' };
const device = { id: '01900000-0000-7000-8000-5eed00000001', officeCode: 'PICB', provinceCode: '01' };

describe.each(centralBackends())('the office picture’s pages on %s', (backend) => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral(backend);
    await seedOfficePicture(central.database.db, size);
  }, 120_000);
  afterAll(async () => central?.close());

  it('reads every part to its end by keyset, households in pages no longer than their cap, each row once', async () => {
    const cap = PICTURE_PART_MAX_PAGE.households!;
    expect(cap).toBeLessThan(5000);
    const pages: PicturePage[] = [];
    for (let cursor: string | null = null; ;) {
      const page = picturePage.parse(JSON.parse(await picturePageFor(central.database.db, device, cursor, 5000)));
      pages.push(page);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    const of = (part: string) => pages.filter((p) => p.part === part);
    const households = of('households');
    expect(households.map((p) => p.rows.length)).toEqual([cap, size.households - cap]);
    const ids = households.flatMap((p) => p.rows.map((r) => r[0] as string));
    expect(new Set(ids).size).toBe(size.households);
    expect([...ids].sort()).toEqual(ids);
    // Two members each, in order, with no coverage mark.
    expect(households[0]!.rows[0]![5]).toEqual([
      ['01900000-0000-7000-8000-000000000001', null],
      ['01900000-0000-7000-8000-000000000002', null],
    ]);
    // Other parts come in pages of at most PICTURE_MAX_PAGE_ROWS (5 000 asked).
    expect(of('persons').map((p) => p.rows.length)).toEqual([2500, 2500, 1000]);
    expect(of('contributions').flatMap((p) => p.rows)).toHaveLength(size.payments);
    expect(pages[0]!.totals).toMatchObject({ households: size.households, persons: size.persons, contributions: size.payments });
  });

  it('pages of every part are at most PICTURE_MAX_PAGE_ROWS rows, households their own cap, a smaller ask as asked', async () => {
    expect(PICTURE_MAX_PAGE_ROWS).toBe(2500);
    expect(picturePageLimit('persons', 5000)).toBe(PICTURE_MAX_PAGE_ROWS);
    expect(picturePageLimit('contributions', 5000)).toBe(PICTURE_MAX_PAGE_ROWS);
    expect(picturePageLimit('households', 5000)).toBe(PICTURE_PART_MAX_PAGE.households);
    expect(picturePageLimit('contributions', 10)).toBe(10);
    const persons: number[] = [];
    for (let cursor: string | null = null; ;) {
      const page = picturePage.parse(JSON.parse(await picturePageFor(central.database.db, device, cursor, 1200)));
      if (page.part === 'persons') persons.push(page.rows.length);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(persons).toEqual([1200, 1200, 1200, 1200, 1200, 0]);
  });
});

describe.each(centralBackends())('the change feed’s pages on %s', (backend) => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral(backend);
    await seedOfficePicture(central.database.db, { ...size, payments: 2_500 });
  }, 120_000);
  afterAll(async () => central?.close());

  it('holds at most FEED_MAX_PAGE changes whatever the device asks, and reads on to every change once', async () => {
    expect(FEED_MAX_PAGE).toBe(1000);
    // Another device of the office (the seed's device made the payments: a device never gets its own back).
    const reader = { ...device, id: '01900000-0000-7000-8000-5eed00000002' };
    const lengths: number[] = [];
    const seqs: number[] = [];
    for (let cursor: string | null = null; ;) {
      const page = changesResponse.parse(JSON.parse(await changesFor(central.database.db, reader, cursor, 5000)));
      lengths.push(page.changes.length);
      seqs.push(...page.changes.filter((c) => c.kind === 'contribution').map((c) => c.seq));
      if (!page.hasMore) break;
      cursor = page.nextCursor;
    }
    expect(Math.max(...lengths)).toBe(FEED_MAX_PAGE);
    expect(seqs).toHaveLength(2_500);
    expect(new Set(seqs).size).toBe(2_500);
    expect(changesResponse.parse(JSON.parse(await changesFor(central.database.db, reader, null, 10))).changes).toHaveLength(10);
  });
});
