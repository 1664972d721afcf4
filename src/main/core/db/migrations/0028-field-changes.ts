// The field officer's list kept between calls (issue 21, ADR 0034), and visits' devices made right:
// * `field_changes`: one counter, raised by a trigger on every write to a table the visit list or
//   the counter's quote reads (people, households and members, enrollments, this device's and
//   pulled payments, receipts and voids, visits, hamlets, areas, rates, communes). The list keeps
//   a commune's computed picture while the counter stands still (services/area-picture-cache.ts);
//   a write made anywhere — a service, a sync pull, a repair by hand — raises it, so nothing is
//   ever served from before it.
// * Visits the central stored before it kept a visit's device came to this device through the
//   office picture as made on device '' (ADR 0029). Each is given the device that made it where
//   this store can tell: a "paid" visit, the device that took the payment its receipts name; its
//   officer's staff account is this device's (staff ids are made on a device) → this device's own
//   id; else the device other visits or payments of the same staff id came from. Where nothing
//   tells, '' stays (the central names them from 0014 on, ADR 0034).
import { type Kysely, sql } from 'kysely';

/** Tables whose writes change what the visit list shows (area-picture.ts, buildQuote). */
export const FIELD_WATCHED_TABLES = [
  'participants',
  'households',
  'household_members',
  'enrollments',
  'contributions',
  'pulled_contributions',
  'receipts',
  'receipt_voids',
  'visits',
  'hamlets',
  'field_assignments',
  'reference_schedules',
  'commune_statuses',
  'admin_communes',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE field_changes (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)`.execute(db);
  await sql`INSERT INTO field_changes (id, n) VALUES (1, 0)`.execute(db);
  for (const table of FIELD_WATCHED_TABLES) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
      await sql
        .raw(`CREATE TRIGGER ${table}_field_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN UPDATE field_changes SET n = n + 1 WHERE id = 1; END`)
        .execute(db);
    }
  }
  await sql`DROP TRIGGER visits_no_update`.execute(db);
  // Strongest first: a "paid" visit is written with its payment, on the device that took it.
  await sql`
    UPDATE visits SET source_device_id = (SELECT c.source_device_id FROM pulled_contributions c, json_each(visits.receipt_ids) r WHERE c.receipt_id = r.value LIMIT 1)
    WHERE source_device_id = '' AND EXISTS (SELECT 1 FROM pulled_contributions c, json_each(visits.receipt_ids) r WHERE c.receipt_id = r.value)`.execute(db);
  // A staff id is made on one device: this device's own accounts, then what other visits and payments tell.
  await sql`
    UPDATE visits SET source_device_id = (SELECT o.device_id FROM office o LIMIT 1)
    WHERE source_device_id = '' AND staff_id IN (SELECT id FROM staff)`.execute(db);
  await sql`
    UPDATE visits SET source_device_id = coalesce(
      (SELECT v.source_device_id FROM visits v
        WHERE v.staff_id = visits.staff_id AND v.source_device_id IS NOT NULL AND v.source_device_id <> '' ORDER BY v.id LIMIT 1),
      (SELECT c.source_device_id FROM pulled_contributions c WHERE c.collector_staff_id = visits.staff_id ORDER BY c.id LIMIT 1),
      '')
    WHERE source_device_id = '' AND staff_id IS NOT NULL`.execute(db);
  await sql`CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits BEGIN SELECT RAISE(ABORT, 'visits are immutable'); END`.execute(db);
}
