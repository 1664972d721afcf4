// Migration 0028 gives each visit that came through the office picture as made on device '' (the
// central stored it before it kept a visit's device) the device that made it, where the store can
// tell: a "paid" visit, the device of the pulled payment its receipts name; its officer is a staff
// account of this device → this device's own id; else the device other visits or pulled payments
// of the same staff id came from. One nothing tells about keeps ''. Visits stay immutable after it; and the field
// change counter is raised by writes to the tables the visit list reads.
import { afterEach, expect, it } from 'vitest';
import { type MigratingStore, migratingStore } from './fixtures/migration-kit';

let store: MigratingStore | undefined;
afterEach(async () => {
  await store?.close();
});

const at = '2026-03-02T02:00:00.000Z';

it('names the device of each visit pulled as made on no known device, and keeps the others as they were', async () => {
  store = migratingStore();
  await store.migrateTo('0026-field-work');
  const sqlite = store.sqlite;
  sqlite.prepare(`INSERT INTO office (id, code, name, province_code, device_id, created_at) VALUES (1, 'T01', 'Văn phòng', '01', 'laptop-1', ?)`).run(at);
  sqlite
    .prepare(
      `INSERT INTO staff (id, username, full_name, role, password_hash, created_at, updated_at) VALUES ('s-here', 'dithu', 'Vũ Văn Đi', 'field', 'x', ?, ?)`,
    )
    .run(at, at);
  const pulled = sqlite.prepare(
    `INSERT INTO pulled_contributions (id, participant_id, scheme, method, from_month, to_month, months, paid_on, business_date, total, supported_months,
       receipt_id, receipt_series, receipt_number, office_code, source_device_id, collector_staff_id, collector_name)
     VALUES (?, 'p-1', 'VSI', 'monthly', '2026-02', '2026-02', 1, '2026-03-01', '2026-03-01', 330000, 0, ?, 'T01-Q', ?, 'T01', ?, ?, 'Thu ngân')`,
  );
  pulled.run('c-1', 'r-pc2', 1, 'pc-2', 's-pc2');
  pulled.run('c-2', 'r-pc3', 2, 'pc-3', 's-unknown-collector');
  const visit = sqlite.prepare(
    `INSERT INTO visits (id, participant_id, outcome, receipt_ids, visited_on, visited_at, staff_id, staff_name, source_device_id)
     VALUES (?, 'p-1', ?, ?, '2026-03-01', ?, ?, 'Cán bộ', ?)`,
  );
  // Made here, come back through a picture: this laptop's own id.
  visit.run('v-own', 'not-home', '[]', at, 's-here', '');
  // An officer of the office PC, known from a visit the feed named.
  visit.run('v-known', 'not-home', '[]', at, 's-tablet', 'tablet-7');
  visit.run('v-by-visit', 'declined', '[]', at, 's-tablet', '');
  // An officer who also took payments at counter 2.
  visit.run('v-by-payment', 'not-home', '[]', at, 's-pc2', '');
  // A "paid" visit whose receipt was pulled from counter 3.
  visit.run('v-by-receipt', 'paid', '["r-pc3"]', at, 's-nobody', '');
  // The same officer's other visit: the device their receipt's payment was taken on.
  visit.run('v-same-officer', 'not-home', '[]', at, 's-nobody', '');
  // Nothing tells.
  visit.run('v-unknown', 'not-home', '[]', at, 's-stranger', '');
  visit.run('v-null-staff', 'not-home', '[]', at, null, '');
  // Made here (NULL) and pulled with a device: untouched.
  visit.run('v-here', 'not-home', '[]', at, 's-here', null);

  await store.migrateTo('0028-field-changes');
  const devices = Object.fromEntries(
    (sqlite.prepare(`SELECT id, source_device_id AS device FROM visits ORDER BY id`).all() as { id: string; device: string | null }[]).map((r) => [
      r.id,
      r.device,
    ]),
  );
  expect(devices).toEqual({
    'v-own': 'laptop-1',
    'v-known': 'tablet-7',
    'v-by-visit': 'tablet-7',
    'v-by-payment': 'pc-2',
    'v-by-receipt': 'pc-3',
    'v-same-officer': 'pc-3',
    'v-unknown': '',
    'v-null-staff': '',
    'v-here': null,
  });
  // Visits are immutable again after the move.
  expect(() => sqlite.prepare(`UPDATE visits SET outcome = 'paid' WHERE id = 'v-own'`).run()).toThrow(/immutable/);
  // The counter moves with a write to a table the list reads, and not with one it does not read.
  const n = () => sqlite.prepare(`SELECT n FROM field_changes WHERE id = 1`).pluck().get() as number;
  const before = n();
  sqlite.prepare(`UPDATE staff SET full_name = 'Vũ Văn Đi Thu' WHERE id = 's-here'`).run();
  expect(n()).toBe(before);
  // A statement that writes no row fires no trigger.
  sqlite.prepare(`DELETE FROM hamlets WHERE id = 'none'`).run();
  expect(n()).toBe(before);
  sqlite
    .prepare(`INSERT INTO hamlets (id, commune_code, kind, name, name_key, version, updated_at) VALUES ('h-1', '00004', 'thon', 'Đông', 'thon|dong', 1, ?)`)
    .run(at);
  expect(n()).toBe(before + 1);
});
