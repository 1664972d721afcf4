// The office picture's pages as the central answers them (issue 20 item 6, ADR 0040): every part
// read by keyset from the cursor's last key, each row once; households — their members gathered
// per row — in pages of at most PICTURE_PART_MAX_PAGE rows whatever the device asks for, so a page
// stays within the feed's time budget at 200 000 households. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PICTURE_MAX_PAGE_PGLITE, PICTURE_PART_MAX_PAGE, picturePageFor, picturePageLimit } from '../../../src/central/picture-feed';
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
    // Parts without a cap come in the pages asked for.
    expect(of('persons').map((p) => p.rows.length)).toEqual([5000, 1000]);
    expect(of('contributions').flatMap((p) => p.rows)).toHaveLength(size.payments);
    expect(pages[0]!.totals).toMatchObject({ households: size.households, persons: size.persons, contributions: size.payments });
  });

  it('on PGlite, pages of every part are at most PICTURE_MAX_PAGE_PGLITE rows; households keep their own cap', async () => {
    expect(picturePageLimit('pglite', 'persons', 5000)).toBe(PICTURE_MAX_PAGE_PGLITE);
    expect(picturePageLimit('pglite', 'households', 5000)).toBe(PICTURE_PART_MAX_PAGE.households);
    expect(picturePageLimit('postgres', 'contributions', 5000)).toBe(5000);
    expect(picturePageLimit('pglite', 'contributions', 10)).toBe(10);
    const persons: number[] = [];
    for (let cursor: string | null = null; ;) {
      const page = picturePage.parse(JSON.parse(await picturePageFor(central.database.db, device, cursor, 5000, 'pglite')));
      if (page.part === 'persons') persons.push(page.rows.length);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(persons).toEqual([2500, 2500, 1000]);
  });
});
