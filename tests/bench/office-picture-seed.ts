// The office-picture benchmark's central, seeded straight into its database in set-based SQL
// (generate_series, a few statements): a province of `persons` people, an office of `households`
// households (two people each) and `payments` payments with their changes in the feed, 1 % voided.
// Shared by the benchmark and by whoever looks at the feed's plans on a seeded database.
import { type Kysely, sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { CentralDb } from '../../src/central/db/schema';

export interface PictureSeed {
  persons: number;
  households: number;
  payments: number;
  office: string;
}

const SEED_DEVICE = '01900000-0000-7000-8000-5eed00000001';
/** A public key of the form a device's has (32 bytes in base64): the picture's device-keys part checks it. */
const SEED_KEY = sql.lit(`${'A'.repeat(43)}=`);
const CHUNK = 250_000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** A UUID-shaped id (36 characters, as the devices' UUIDv7) for row `i` of a kind. */
const idOf = (prefix: string, i: ReturnType<typeof sql>) => sql`format('01900000-0000-7000-${sql.raw(prefix)}-%s', lpad(to_hex(${i}), 12, '0'))`;

export async function seedOfficePicture(db: Kysely<CentralDb>, size: PictureSeed): Promise<void> {
  const { persons: PERSONS, households: HOUSEHOLDS, payments: PAYMENTS, office: OFFICE } = size;
  /** The office's own people: two per household (the rest of the province belongs to other offices). */
  const OFFICE_PERSONS = Math.min(PERSONS, 2 * HOUSEHOLDS);
  // Constants of this run, written into the statements as literals (so PostgreSQL knows their types).
  const [O, D, N] = [sql.lit(OFFICE), sql.lit(SEED_DEVICE), sql.lit(OFFICE_PERSONS)];
  await sql`INSERT INTO offices (code, name, province_code) VALUES (${O}, 'BHXH huyện Ba Vì', '01'), ('PICX', 'BHXH huyện Mê Linh', '01')`.execute(db);
  await sql`INSERT INTO devices (id, office_code, public_key, key_id, name, enrolled_at) VALUES (${D}, ${O}, ${SEED_KEY}, 'seed-key-id', 'Quầy 1', now())`.execute(
    db,
  );
  const i = sql`i`;
  let t0 = performance.now();
  for (let from = 1; from <= PERSONS; from += CHUNK) {
    const to = Math.min(PERSONS, from + CHUNK - 1);
    await sql`
      INSERT INTO persons (id, official_number, personal_id, full_name, name_folded, date_of_birth, province_code, office_code, data, version, origin_device_id)
      SELECT ${idOf('8000', i)}, '01' || lpad(i::text, 8, '0'), '0010' || lpad(i::text, 8, '0'),
        (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ'])[1 + i % 6] || ' ' || (ARRAY['Văn','Thị','Đức','Minh'])[1 + (i / 6) % 4] || ' ' || (ARRAY['An','Bình','Cường','Dung','Hải','Lan','Mai','Nga'])[1 + (i / 24) % 8],
        (ARRAY['nguyen','tran','le','pham','hoang','vu'])[1 + i % 6] || ' ' || (ARRAY['van','thi','duc','minh'])[1 + (i / 6) % 4] || ' ' || (ARRAY['an','binh','cuong','dung','hai','lan','mai','nga'])[1 + (i / 24) % 8],
        to_char(date '1950-01-01' + (i % 20000), 'YYYY-MM-DD'), '01', CASE WHEN i <= ${N} THEN ${O} ELSE 'PICX' END,
        jsonb_build_object('sex', CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, 'communeCode', '00004', 'addressLine', 'Thôn Đông, số ' || i,
          'ethnicity', 'Kinh', 'nationality', 'Việt Nam'),
        1, ${D}
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
  }
  console.log(`  seeded ${PERSONS} people in ${seconds(t0)} s (load ${load()})`);
  t0 = performance.now();
  await sql`
    INSERT INTO households (id, head_id, member_ids, data, office_code, version, last_device_id)
    SELECT ${idOf('9000', i)}, ${idOf('8000', sql`2 * i - 1`)}, jsonb_build_array(${idOf('8000', sql`2 * i - 1`)}, ${idOf('8000', sql`2 * i`)}),
      jsonb_build_object('provinceCode', '01', 'communeCode', '00004', 'addressLine', 'Thôn Đông, hộ ' || i, 'coverage', '{}'::jsonb),
      ${O}, 1, ${D}
    FROM generate_series(1, ${HOUSEHOLDS}::int) AS i`.execute(db);
  console.log(`  seeded ${HOUSEHOLDS} households in ${seconds(t0)} s`);
  t0 = performance.now();
  // Each of the office's people pays month after month: payment i is person (i mod N)'s month i / N.
  const base = sql.lit(Number((await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value));
  const month = sql`to_char(date '2020-01-01' + make_interval(months => i / ${N}), 'YYYY-MM')`;
  for (let from = 1; from <= PAYMENTS; from += CHUNK) {
    const to = Math.min(PAYMENTS, from + CHUNK - 1);
    await sql`
      INSERT INTO contributions (id, person_id, scheme, from_month, months, paid_on, total, receipt_id, receipt_series, receipt_number, office_code, device_id, data,
        household_id, method, income_basis, member_position, supported_months, business_date, issued_at, collector_staff_id, collector_name)
      SELECT ${idOf('a000', i)}, ${idOf('8000', sql`1 + i % ${N}`)}, 'VSI', ${month}, 1, '2026-11-20', 330000, ${idOf('b000', i)},
        'PICB01-5EED', i, ${O}, ${D},
        jsonb_build_object('lines', jsonb_build_array(jsonb_build_object('month', ${month}, 'amount', 330000, 'supportAmount', 0))),
        NULL, 'monthly', 1500000, NULL, 0, '2026-11-20', '2026-11-20T02:00:00.000Z', '01900000-0000-7000-c000-000000000001', 'Nguyễn Thị Thu'
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
    // The feed's change for each payment, as the central writes it when it applies one.
    await sql`
      INSERT INTO changes (seq, kind, province_code, office_code, origin_device_id, payload)
      SELECT ${base} + i, 'contribution', NULL, ${O}, ${D}, jsonb_build_object('id', ${idOf('a000', i)},
        'participantId', ${idOf('8000', sql`1 + i % ${N}`)}, 'householdId', NULL, 'scheme', 'VSI', 'method', 'monthly', 'fromMonth', ${month},
        'months', 1, 'incomeBasis', 1500000, 'memberPosition', NULL, 'paidOn', '2026-11-20', 'businessDate', '2026-11-20', 'total', 330000, 'supportedMonths', 0,
        'receipt', jsonb_build_object('id', ${idOf('b000', i)}, 'series', 'PICB01-5EED', 'number', i), 'issuedAt', '2026-11-20T02:00:00.000Z',
        'officeCode', ${O}, 'deviceId', ${D}, 'collectorStaffId', '01900000-0000-7000-c000-000000000001', 'collectorName', 'Nguyễn Thị Thu')
      FROM generate_series(${from}::int, ${to}::int) AS i`.execute(db);
  }
  await sql`
    INSERT INTO receipt_voids (receipt_id, data, office_code, device_id)
    SELECT ${idOf('b000', i)}, jsonb_build_object('id', ${idOf('d000', i)}, 'reason', 'Thu nhầm kỳ', 'voidedAt', '2026-11-20T03:00:00.000Z',
      'voidedBy', '01900000-0000-7000-c000-000000000001', 'voidedByName', 'Nguyễn Thị Thu', 'businessDate', '2026-11-20'), ${O}, ${D}
    FROM generate_series(1, ${PAYMENTS}::int, 100) AS i`.execute(db);
  // Each paying person's paid-through month as the ingest keeps it (ADR 0035): payment i pays month i / N, voids aside.
  await sql`
    INSERT INTO paid_through (person_id, office_code, vsi)
    SELECT c.person_id, ${O}, max(c.from_month) FROM contributions c
    WHERE c.office_code = ${O} AND NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id) GROUP BY c.person_id`.execute(db);
  await sql`UPDATE change_counter SET value = (SELECT max(seq) FROM changes) WHERE id = 1`.execute(db);
  await sql`ANALYZE`.execute(db);
  console.log(`  seeded ${PAYMENTS} payments, their ${PAYMENTS} changes and ${Math.ceil(PAYMENTS / 100)} voids in ${seconds(t0)} s (load ${load()})`);
}
