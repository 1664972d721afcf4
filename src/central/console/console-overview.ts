// What the console's first pages show (issue 22 item 6): every office with its devices, what they
// last said they have not pushed yet (their status reports, POST /v1/office/status), the open held
// items and findings, and its coverage; every device with its backlog and its audit head (ADR
// 0028). Read-only aggregates, a handful of grouped queries whatever the number of offices (raw rows
// keep the database's snake_case names: the camel-case plugin is left out for them).
import { type Kysely, sql } from 'kysely';
import type { DeviceRow, OfficeRow } from '../../shared/console/console-api';
import type { DeviceStatusReport } from '../../shared/sync/office-status';
import type { CentralDb } from '../db/schema';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const num = (value: unknown) => Number(value ?? 0);
const parsed = <T>(value: unknown) => (value === null ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as T));

/** The business date (UTC+7) `days` before now. */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() + 7 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** Count rows by office code. */
async function countsBy(db: Kysely<CentralDb>, query: ReturnType<typeof sql<{ office_code: string; n: unknown }>>): Promise<Map<string, number>> {
  const rows = (await query.execute(db.withoutPlugins())).rows;
  return new Map(rows.map((r) => [r.office_code, num(r.n)]));
}

export async function officesOverview(db: Kysely<CentralDb>, now: Date): Promise<OfficeRow[]> {
  const since = daysBefore(now, 30);
  const offices = await db.selectFrom('offices').select(['code', 'name', 'provinceCode']).orderBy('code').execute();
  const devices = (
    await sql<{ office_code: string; live: unknown; revoked: unknown; last: Date | null; ops: unknown; total: unknown }>`
      SELECT office_code, count(*) FILTER (WHERE revoked_at IS NULL) AS live, count(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked,
             max(last_seen_at) AS last,
             sum((status->>'pendingOps')::bigint) FILTER (WHERE revoked_at IS NULL) AS ops,
             sum((status->>'pendingTotal')::bigint) FILTER (WHERE revoked_at IS NULL) AS total
      FROM devices GROUP BY office_code`.execute(db.withoutPlugins())
  ).rows;
  const byOffice = new Map(devices.map((d) => [d.office_code, d]));
  const held = await countsBy(
    db,
    sql`SELECT d.office_code, count(*) AS n FROM held_items h JOIN devices d ON d.id = h.device_id WHERE h.status = 'open' GROUP BY d.office_code`,
  );
  const signals = await countsBy(
    db,
    sql`SELECT office_code, count(*) AS n FROM fraud_signals WHERE cleared_at IS NULL AND reviewed_at IS NULL GROUP BY office_code`,
  );
  const people = await countsBy(db, sql`SELECT office_code, count(*) AS n FROM persons GROUP BY office_code`);
  const enrolled = (
    await sql<{ office_code: string; scheme: string; n: unknown }>`
      SELECT p.office_code, e.scheme, count(DISTINCT e.person_id) AS n FROM enrollments e JOIN persons p ON p.id = e.person_id
      WHERE COALESCE(e.data->>'status', 'active') = 'active' GROUP BY p.office_code, e.scheme`.execute(db.withoutPlugins())
  ).rows;
  const receipts = (
    await sql<{ office_code: string; n: unknown; total: unknown }>`
      SELECT c.office_code, count(*) AS n, sum(c.total) AS total FROM contributions c
      WHERE c.paid_on >= ${since} AND NOT EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = c.receipt_id)
      GROUP BY c.office_code`.execute(db.withoutPlugins())
  ).rows;
  const receiptsBy = new Map(receipts.map((r) => [r.office_code, r]));
  const enrolledIn = (code: string, scheme: string) => num(enrolled.find((e) => e.office_code === code && e.scheme === scheme)?.n);
  return offices.map((o) => {
    const d = byOffice.get(o.code);
    return {
      code: o.code,
      name: o.name,
      provinceCode: o.provinceCode,
      devices: num(d?.live),
      revokedDevices: num(d?.revoked),
      lastSyncAt: iso(d?.last ?? null),
      backlogOps: num(d?.ops),
      backlogTotal: num(d?.total),
      openHeld: held.get(o.code) ?? 0,
      openSignals: signals.get(o.code) ?? 0,
      coverage: {
        people: people.get(o.code) ?? 0,
        vsiEnrolled: enrolledIn(o.code, 'VSI'),
        hhiEnrolled: enrolledIn(o.code, 'HHI'),
        receipts30d: num(receiptsBy.get(o.code)?.n),
        total30d: num(receiptsBy.get(o.code)?.total),
      },
    };
  });
}

export async function devicesOverview(db: Kysely<CentralDb>, officeCode: string | undefined): Promise<DeviceRow[]> {
  let query = db.selectFrom('devices').select(['id', 'officeCode', 'name', 'enrolledAt', 'revokedAt', 'lastSeenAt', 'status', 'statusAt']);
  if (officeCode) query = query.where('officeCode', '=', officeCode);
  const devices = await query.orderBy('officeCode').orderBy('enrolledAt').execute();
  const ids = devices.map((d) => d.id);
  if (ids.length === 0) return [];
  // Each device's newest head (the highest batch that carried one), and how many entries are held.
  const heads = (
    await sql<{ device_id: string; seq: unknown; hash: string; received_at: Date; problem: string | null }>`
      SELECT DISTINCT ON (device_id) device_id, seq, hash, received_at, problem FROM audit_heads
      WHERE device_id IN (${sql.join(ids)}) ORDER BY device_id, batch_no DESC`.execute(db.withoutPlugins())
  ).rows;
  const held = (
    await sql<{
      device_id: string;
      n: unknown;
    }>`SELECT device_id, count(*) AS n FROM audit_entries WHERE device_id IN (${sql.join(ids)}) GROUP BY device_id`.execute(db.withoutPlugins())
  ).rows;
  const headOf = new Map(heads.map((h) => [h.device_id, h]));
  const heldOf = new Map(held.map((h) => [h.device_id, num(h.n)]));
  return devices.map((d) => {
    const status = parsed<DeviceStatusReport>(d.status);
    const head = headOf.get(d.id);
    return {
      id: d.id,
      officeCode: d.officeCode,
      name: d.name,
      enrolledAt: iso(d.enrolledAt)!,
      revokedAt: iso(d.revokedAt),
      lastSyncAt: iso(d.lastSeenAt),
      backlogOps: status?.pendingOps ?? null,
      backlogReceipts: status?.pendingReceipts ?? null,
      backlogTotal: status?.pendingTotal ?? null,
      lastClosedDay: status?.lastClosedDay ?? null,
      statusAt: iso(d.statusAt),
      auditHead: head ? { seq: num(head.seq), hash: head.hash, at: iso(head.received_at)!, entriesHeld: heldOf.get(d.id) ?? 0, problem: head.problem } : null,
    };
  });
}
