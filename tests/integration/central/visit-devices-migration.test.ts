// Central migration 0014 names the device of each visit stored before the central kept it: the
// pull feed's change for the visit names its device, and the migration copies it into the stored
// visit, so a new device's picture no longer names it ''. A visit that already names its device,
// or one with no change to tell, is left as it is; other kinds of record are not touched. Run on
// the real schema (the migration's `up` again over rows written as an older central wrote them).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../../src/central/db/migrations/0014-visit-devices';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';

describe.each(centralBackends())('central migration 0014 (visits’ devices) on %s', (backend) => {
  let central: Central;

  beforeAll(async () => {
    central = await startCentral(backend);
  }, 120_000);

  afterAll(async () => {
    await central?.close();
  });

  it('copies each old visit’s device from its change on the feed, and leaves the rest', async () => {
    const db = central.database.db;
    const visit = (id: string, data: Record<string, unknown>) =>
      sql`INSERT INTO field_records (kind, id, office_code, version, data) VALUES ('visit', ${id}, 'HN0101', 1, ${JSON.stringify({ id, outcome: 'not-home', ...data })}::jsonb)`.execute(
        db,
      );
    await visit('v-old', {});
    await visit('v-new', { deviceId: 'dev-kept' });
    await visit('v-untold', {});
    await sql`INSERT INTO field_records (kind, id, office_code, version, data) VALUES ('hamlet', 'v-old', 'HN0101', 1, '{"name":"Đông"}'::jsonb)`.execute(db);
    const change = (seq: number, kind: string, payload: Record<string, unknown>) =>
      sql`INSERT INTO changes (seq, kind, province_code, origin_device_id, payload) VALUES (${seq}, ${kind}, '01', 'dev-origin', ${JSON.stringify(payload)}::jsonb)`.execute(
        db,
      );
    await change(7_300_000_000_001, 'visit', { id: 'v-old', deviceId: 'dev-laptop' });
    await change(7_300_000_000_002, 'visit', { id: 'v-new', deviceId: 'dev-other' });
    await change(7_300_000_000_003, 'hamlet', { id: 'v-untold', deviceId: 'dev-wrong' });

    await up(db as unknown as Parameters<typeof up>[0]);

    const { rows } = await sql<{ kind: string; id: string; device: string | null }>`
      SELECT kind, id, data->>'deviceId' AS device FROM field_records WHERE id IN ('v-old', 'v-new', 'v-untold') ORDER BY kind, id`.execute(db);
    expect(rows).toEqual([
      { kind: 'hamlet', id: 'v-old', device: null },
      { kind: 'visit', id: 'v-new', device: 'dev-kept' },
      { kind: 'visit', id: 'v-old', device: 'dev-laptop' },
      { kind: 'visit', id: 'v-untold', device: null },
    ]);
  });
});
