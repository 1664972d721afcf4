// The office's picture for a device that starts (ADR 0026, docs/protocol.md §4a): the central's rows
// for the device's office and province, part by part (src/shared/sync/picture.ts), each part read
// in id order from the cursor's last key (keyset pagination through an index on (office or
// province, id)), a page at a time. Each row is built as a JSON array by PostgreSQL and passed on
// as text: nothing is parsed or re-serialised here, and no row's `data` (a payment's line
// breakdown) is opened. `since` is the feed's counter when the first page was read; the device
// follows the feed from there, and every change after it applies idempotently over the picture.
import { type Kysely, sql } from 'kysely';
import { type PicturePart, picturePageLimit, pictureParts } from '../shared/sync/picture';
import { CentralError } from './central-error';
import type { CentralDb } from './db/schema';
import type { AuthenticatedDevice } from './request-auth';

export const PICTURE_MAX_PAGE = 10_000;

// Pages shorter than asked (ADR 0043): the caps are the shared picture module's, which the device's
// page count reads too.
export { PICTURE_MAX_PAGE_ROWS, PICTURE_PART_MAX_PAGE, picturePageLimit } from '../shared/sync/picture';

export interface PictureCursor {
  since: number;
  part: PicturePart;
  after: string;
}

/** The cursor's text as the device sends it back (base64url of `[since, part, after]`). */
export function encode(cursor: PictureCursor): string {
  return Buffer.from(JSON.stringify([cursor.since, cursor.part, cursor.after])).toString('base64url');
}

function decode(text: string): PictureCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const [since, part, after] = Array.isArray(value) && value.length === 3 ? (value as [unknown, unknown, unknown]) : [];
  if (
    !Number.isSafeInteger(since) ||
    (since as number) < 0 ||
    typeof part !== 'string' ||
    !(pictureParts as readonly string[]).includes(part) ||
    typeof after !== 'string' ||
    after.length > 200
  ) {
    throw new CentralError(400, 'VALIDATION', 'Con trỏ ảnh dữ liệu văn phòng không hợp lệ.', 'Invalid picture cursor.', undefined, 'cursor');
  }
  return { since: since as number, part: part as PicturePart, after };
}

type Scope = { office: string; province: string };

// Every column a payment's row reads is in the index contributions_office_page (central migration
// 0023), so its pages are index-only scans: a column added here goes into that index too, or the
// pages fetch each row from the table again (picture-index-only.test.ts fails).
const contributionTuple = sql`json_build_array(c.id, c.person_id, c.household_id, c.scheme, coalesce(c.method, 'monthly'), c.from_month, c.months,
  c.income_basis, c.member_position, c.paid_on, coalesce(c.business_date, c.paid_on), c.total, c.supported_months, c.receipt_id,
  c.receipt_series, c.receipt_number, c.issued_at, c.office_code, c.device_id, c.collector_staff_id, c.collector_name)`;

const voidTuple = sql`json_build_array(v.receipt_id, v.data->>'id', v.data->>'reason', v.data->>'voidedAt', v.data->>'voidedBy', v.data->>'voidedByName',
  coalesce(v.data->>'businessDate', to_char(((v.data->>'voidedAt')::timestamptz AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')),
  coalesce(v.device_id, ''), coalesce(v.office_code, ''),
  CASE WHEN v.data ? 'refund' THEN json_build_array(v.data->'refund'->>'businessDate', v.data->'refund'->>'paidOutBy', v.data->'refund'->>'paidOutByName',
    (v.data->'refund'->>'amount')::bigint, v.data->'refund'->>'voucher') END)`;

/** Each part: (key, row as JSON text) in key order after `after`, at most `limit` (exported for the plan tests). */
export const partQueries: Record<PicturePart, (scope: Scope, after: string, limit: number) => ReturnType<typeof sql<{ key: string; row: string }>>> = {
  office: (s, after, limit) =>
    sql`SELECT code AS key, json_build_array(code, update_channel)::text AS row FROM offices WHERE code = ${s.office} AND code > ${after} ORDER BY code LIMIT ${limit}`,
  // The newest version of the administrative units only (each is the whole document).
  'admin-units': (_s, after, limit) => sql`
    SELECT version AS key, json_build_array(version, body)::text AS row
    FROM (SELECT version, body FROM admin_units ORDER BY version DESC LIMIT 1) AS newest WHERE version > ${after} LIMIT ${limit}`,
  // Every device of the province with its key (ADR 0027), to check their receipts offline.
  'device-keys': (s, after, limit) => sql`
    SELECT d.id AS key, json_build_array(d.id, d.office_code, d.public_key, d.name,
      to_char(d.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      to_char(d.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text AS row
    FROM devices d JOIN offices o ON o.code = d.office_code
    WHERE o.province_code = ${s.province} AND d.id > ${after} ORDER BY d.id LIMIT ${limit}`,
  schedules: (_s, after, limit) =>
    sql`SELECT version AS key, json_build_array(version, body)::text AS row FROM reference_schedules WHERE version > ${after} ORDER BY version LIMIT ${limit}`,
  persons: (s, after, limit) => personsOf(sql`province_code = ${s.province}`, after, limit),
  'office-persons': (s, after, limit) => personsOf(sql`office_code = ${s.office} AND province_code <> ${s.province}`, after, limit),
  households: (s, after, limit) => sql`
    SELECT h.id AS key, json_build_array(h.id, h.head_id, h.data->>'provinceCode', h.data->>'communeCode', h.data->>'addressLine',
      (SELECT coalesce(json_agg(json_build_array(e.m, h.data->'coverage'->>e.m) ORDER BY e.n), '[]'::json)
         FROM jsonb_array_elements_text(h.member_ids) WITH ORDINALITY AS e(m, n)),
      h.version, h.last_device_id)::text AS row
    FROM households h WHERE h.office_code = ${s.office} AND h.id > ${after} ORDER BY h.id LIMIT ${limit}`,
  enrollments: (s, after, limit) => sql`
    SELECT id AS key, json_build_array(id, person_id, scheme, data->>'method', (data->>'incomeBasis')::bigint, data->>'fromMonth',
      data->>'status', (data->>'version')::integer, data->>'updatedAt')::text AS row
    FROM enrollments WHERE office_code = ${s.office} AND id > ${after} ORDER BY id LIMIT ${limit}`,
  contributions: (s, after, limit) =>
    sql`SELECT c.id AS key, ${contributionTuple}::text AS row FROM contributions c WHERE c.office_code = ${s.office} AND c.id > ${after} ORDER BY c.id LIMIT ${limit}`,
  'audience-contributions': (s, after, limit) => sql`
    SELECT c.id AS key, ${contributionTuple}::text AS row FROM contribution_audience a JOIN contributions c ON c.id = a.contribution_id
    WHERE a.office_code = ${s.office} AND a.contribution_id > ${after} ORDER BY a.contribution_id LIMIT ${limit}`,
  voids: (s, after, limit) =>
    sql`SELECT v.receipt_id AS key, ${voidTuple}::text AS row FROM receipt_voids v WHERE v.office_code = ${s.office} AND v.receipt_id > ${after} ORDER BY v.receipt_id LIMIT ${limit}`,
  'audience-voids': (s, after, limit) => sql`
    SELECT v.receipt_id AS key, ${voidTuple}::text AS row
    FROM contribution_audience a JOIN contributions c ON c.id = a.contribution_id JOIN receipt_voids v ON v.receipt_id = c.receipt_id
    WHERE a.office_code = ${s.office} AND v.receipt_id > ${after} ORDER BY v.receipt_id LIMIT ${limit}`,
  // Each person the office registered who has paid: the last month paid in VSI and HHI as the
  // central counts it (ADR 0035), kept up to date by the ingest (`paid_through`, migration 0012).
  'paid-through': (s, after, limit) => sql`
    SELECT person_id AS key, json_build_array(person_id, vsi, hhi)::text AS row
    FROM paid_through WHERE office_code = ${s.office} AND person_id > ${after} ORDER BY person_id LIMIT ${limit}`,
  'day-closures': (s, after, limit) => sql`
    SELECT d.device_id || '|' || d.business_date AS key,
      json_build_array(d.data || jsonb_build_object('deviceId', d.device_id))::text AS row
    FROM day_closures d JOIN devices ON devices.id = d.device_id
    WHERE devices.office_code = ${s.office} AND d.device_id || '|' || d.business_date > ${after} ORDER BY 1 LIMIT ${limit}`,
  handovers: (s, after, limit) => sql`
    SELECT id AS key, json_build_array(data || jsonb_build_object('deviceId', device_id))::text AS row
    FROM cash_handovers WHERE office_code = ${s.office} AND id > ${after} ORDER BY id LIMIT ${limit}`,
  // The field's records (issue 21, ADR 0029): the province's hamlets, the office's officers' areas
  // and its visits — a laptop enrolled after its officer's area was set learns it here.
  hamlets: (s, after, limit) => sql`
    SELECT f.id AS key, json_build_array(f.data)::text AS row FROM field_records f
    WHERE f.kind = 'hamlet' AND f.office_code IN (SELECT code FROM offices WHERE province_code = ${s.province}) AND f.id > ${after}
    ORDER BY f.id LIMIT ${limit}`,
  'field-assignments': (s, after, limit) => sql`
    SELECT id AS key, json_build_array(data || jsonb_build_object('officeCode', office_code))::text AS row FROM field_records
    WHERE kind = 'assignment' AND office_code = ${s.office} AND id > ${after} ORDER BY id LIMIT ${limit}`,
  // A visit recorded before the central kept its device is named as made on no known device ('').
  visits: (s, after, limit) => sql`
    SELECT id AS key, json_build_array(data || jsonb_build_object('officeCode', office_code, 'deviceId', coalesce(data->>'deviceId', '')))::text AS row
    FROM field_records WHERE kind = 'visit' AND office_code = ${s.office} AND id > ${after} ORDER BY id LIMIT ${limit}`,
};

function personsOf(where: ReturnType<typeof sql>, after: string, limit: number) {
  return sql<{ key: string; row: string }>`
    SELECT id AS key, json_build_array(id, personal_id, full_name, date_of_birth, data->>'sex', province_code, data->>'communeCode',
      data->>'addressLine', data->>'ethnicity', data->>'nationality', data->>'phone', data->>'siNumber', data->>'supportCategory',
      official_number, version, data->'poverty', (data->>'student')::boolean, (data->>'agriAverage')::boolean, data->'legacyAddress')::text AS row
    FROM persons WHERE ${where} AND id > ${after} ORDER BY id LIMIT ${limit}`;
}

/** How many rows each part holds now, for the device's progress bar (first page only). */
async function partTotals(db: Kysely<CentralDb>, s: Scope): Promise<Record<PicturePart, number>> {
  const { rows } = await sql<Record<string, string>>`SELECT
    (SELECT count(*) FROM offices WHERE code = ${s.office}) AS office,
    (SELECT count(*) FROM reference_schedules) AS schedules,
    (SELECT least(count(*), 1) FROM admin_units) AS admin_units,
    (SELECT count(*) FROM devices d JOIN offices o ON o.code = d.office_code WHERE o.province_code = ${s.province}) AS device_keys,
    (SELECT count(*) FROM persons WHERE province_code = ${s.province}) AS persons,
    (SELECT count(*) FROM persons WHERE office_code = ${s.office} AND province_code <> ${s.province}) AS office_persons,
    (SELECT count(*) FROM households WHERE office_code = ${s.office}) AS households,
    (SELECT count(*) FROM enrollments WHERE office_code = ${s.office}) AS enrollments,
    (SELECT count(*) FROM contributions WHERE office_code = ${s.office}) AS contributions,
    (SELECT count(*) FROM contribution_audience WHERE office_code = ${s.office}) AS audience_contributions,
    (SELECT count(*) FROM receipt_voids WHERE office_code = ${s.office}) AS voids,
    (SELECT count(*) FROM contribution_audience a JOIN contributions c ON c.id = a.contribution_id JOIN receipt_voids v ON v.receipt_id = c.receipt_id
       WHERE a.office_code = ${s.office}) AS audience_voids,
    (SELECT count(*) FROM paid_through WHERE office_code = ${s.office}) AS paid_through,
    (SELECT count(*) FROM day_closures d JOIN devices ON devices.id = d.device_id WHERE devices.office_code = ${s.office}) AS day_closures,
    (SELECT count(*) FROM cash_handovers WHERE office_code = ${s.office}) AS handovers,
    (SELECT count(*) FROM field_records WHERE kind = 'hamlet' AND office_code IN (SELECT code FROM offices WHERE province_code = ${s.province})) AS hamlets,
    (SELECT count(*) FROM field_records WHERE kind = 'assignment' AND office_code = ${s.office}) AS field_assignments,
    (SELECT count(*) FROM field_records WHERE kind = 'visit' AND office_code = ${s.office}) AS visits`.execute(db);
  const row = rows[0]!;
  return Object.fromEntries(pictureParts.map((part) => [part, Number(row[part.replace('-', '_')] ?? 0)])) as Record<PicturePart, number>;
}

type PartQuery = ReturnType<(typeof partQueries)[PicturePart]>;

/**
 * A part's page as one row (ADR 0045): how many rows, the last key and the rows' JSON joined in
 * key order, by PostgreSQL. The central used to receive a page as 2 500 rows of (key, JSON text),
 * each parsed by the driver into an object and its strings, only to join the texts: a fifth of its
 * CPU over a new device's fill.
 */
export function pageQuery(part: PartQuery) {
  return sql<{ count: number; last: string | null; rows: string | null }>`
    SELECT count(*)::integer AS count, max(page.key)::text AS last, string_agg(page.row, ',' ORDER BY page.key) AS rows FROM (${part}) AS page`;
}

async function pageOf(db: Kysely<CentralDb>, part: PartQuery): Promise<{ count: number; last: string | null; rows: string }> {
  const row = (await pageQuery(part).execute(db)).rows[0]!;
  return { count: row.count, last: row.last, rows: row.rows ?? '' };
}

/** One page of the picture as the JSON text of a `PicturePage`. */
export async function picturePageFor(db: Kysely<CentralDb>, device: AuthenticatedDevice, cursorText: string | null, asked: number): Promise<string> {
  const scope: Scope = { office: device.officeCode, province: device.provinceCode };
  const first = cursorText === null || cursorText === '';
  const cursor: PictureCursor = first
    ? {
        since: Number((await db.selectFrom('changeCounter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value),
        part: pictureParts[0],
        after: '',
      }
    : decode(cursorText);
  const totals = first ? await partTotals(db, scope) : undefined;
  const limit = picturePageLimit(cursor.part, asked);
  const page = await pageOf(db, partQueries[cursor.part](scope, cursor.after, limit));
  const index = pictureParts.indexOf(cursor.part);
  const next: PictureCursor | null =
    page.count === limit && page.last !== null
      ? { ...cursor, after: page.last }
      : index + 1 < pictureParts.length
        ? { since: cursor.since, part: pictureParts[index + 1]!, after: '' }
        : null;
  return `{"since":${cursor.since},"part":${JSON.stringify(cursor.part)},"rows":[${page.rows}],"nextCursor":${
    next ? JSON.stringify(encode(next)) : 'null'
  }${totals ? `,"totals":${JSON.stringify(totals)}` : ''}}`;
}
