// Migration 0014 gives every household HI payment its member's place in the household (which sets
// the share paid): one recorded before the column takes it from its audit entry, which holds the
// recorded payload; a VSI payment has none, and one with no audit entry stays unknown.
import { afterEach, expect, it } from 'vitest';
import { insertEarlyPerson, type MigratingStore, migratingStore } from './fixtures/migration-kit';

let store: MigratingStore | undefined;
afterEach(async () => {
  await store?.close();
});

const at = '2026-03-02T02:00:00.000Z';

it('gives a household HI payment recorded before 0014 its member place from its audit entry, and a VSI one none', async () => {
  store = migratingStore();
  await store.migrateTo('0013-household-coverage');
  const sqlite = store.sqlite;
  sqlite.prepare(`INSERT INTO office (id, code, name, province_code, device_id, created_at) VALUES (1, 'T01', 'Văn phòng', '01', 'dev-1', ?)`).run(at);
  sqlite
    .prepare(
      `INSERT INTO staff (id, username, full_name, role, password_hash, created_at, updated_at) VALUES ('s1', 'sup', 'Giám Sát', 'supervisor', 'x', ?, ?)`,
    )
    .run(at, at);
  insertEarlyPerson(sqlite, 'p1', 'Nguyễn Văn Đức', 'nguyen van duc', '001080000001');
  sqlite
    .prepare(
      `INSERT INTO households (id, head_participant_id, province_code, commune_code, address_line, version, created_at, updated_at) VALUES ('h1', 'p1', '01', '00004', 'Thôn Đông', 1, ?, ?)`,
    )
    .run(at, at);
  const contribution = sqlite.prepare(
    `INSERT INTO contributions (id, participant_id, household_id, scheme, method, from_month, to_month, months, paid_on, total, lines, reference_version, collector_staff_id, receipt_id, created_at)
     VALUES (?, 'p1', ?, ?, 'annual', '2026-04', '2027-03', 12, '2026-03-02', 884520, '[]', '2026-01', 's1', ?, ?)`,
  );
  const audit = sqlite.prepare(
    `INSERT INTO audit_log (at, staff_id, action, entity, entity_id, details, prev_hash, hash) VALUES (?, 's1', 'contribution.record', 'contribution', ?, ?, 'a', 'b')`,
  );
  contribution.run('hhi', 'h1', 'HHI', 'r-hhi', at);
  audit.run(at, 'hhi', '{"householdId":"h1","memberPosition":2,"scheme":"HHI"}');
  contribution.run('vsi', null, 'VSI', 'r-vsi', at);
  audit.run(at, 'vsi', '{"householdId":null,"memberPosition":null,"scheme":"VSI"}');
  contribution.run('no-audit', 'h1', 'HHI', 'r-none', at);
  await store.migrateTo('0014-contribution-member-position');
  expect(sqlite.prepare(`SELECT id, member_position FROM contributions ORDER BY id`).all()).toEqual([
    { id: 'hhi', member_position: 2 },
    { id: 'no-audit', member_position: null },
    { id: 'vsi', member_position: null },
  ]);
});
