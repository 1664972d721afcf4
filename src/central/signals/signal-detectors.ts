// The fraud signals' detectors (issue 22 item 5): each reads what the central holds — receipts
// (contributions), voids and refunds, the devices' audit entries with their device time and the
// central's receive time (ADR 0028), people and their registrations — over the configured window,
// for one office or all, and returns each finding with the evidence behind it. Pure reads: storing,
// clearing and scheduling are fraud-signals.ts's.
import { type Kysely, sql } from 'kysely';
import type { CentralDb } from '../db/schema';
import type { SignalKind } from '../../shared/console/signal-kinds';
import type { SignalConfig } from './signal-config';

export { signalKinds, type SignalKind } from '../../shared/console/signal-kinds';

export interface Signal {
  /** Stable across recomputations: the same finding keeps its row. */
  key: string;
  kind: SignalKind;
  officeCode: string;
  deviceId: string | null;
  staffId: string | null;
  evidence: Record<string, unknown>;
}

export interface Scope {
  /** One office, or every office (the nightly run). */
  officeCode: string | null;
  since: string;
  now: Date;
}

type Db = Kysely<CentralDb>;

/**
 * The operations whose rows the detectors below read: payments (contributions, and held ones in
 * held_items), voids and refunds (receipt_voids), people and their registrations (persons,
 * person_aliases). A batch without any of them, nor an audit entry of `SIGNAL_AUDIT_ACTIONS`,
 * changes no finding but a silent device's (fraud-signals.ts `afterBatch`, ADR 0045); a test
 * holds the audit actions to the ones the queries name.
 */
export const SIGNAL_OPERATION_KINDS: ReadonlySet<string> = new Set(['participant.register', 'participant.update', 'contribution.record', 'receipt.void']);

/** The audit entries' actions the detectors read (`a.action = '…'` below): a payment's device time, a registration's staff. */
export const SIGNAL_AUDIT_ACTIONS: ReadonlySet<string> = new Set(['contribution.record', 'participant.register']);

/** A silent device's finding's key: one per device (fraud-signals.ts looks it up after a batch of that device). */
export const silentDeviceKey = (deviceId: string) => `SILENT_DEVICE:${deviceId}`;

const label = (series: string, number: number) => `${series}/${String(number).padStart(7, '0')}`;
const officeFilter = (scope: Scope, column = 'c.office_code') => (scope.officeCode ? sql`AND ${sql.ref(column)} = ${scope.officeCode}` : sql``);
const VN_MS = 7 * 3_600_000;

interface ReceiptRow {
  receipt_id: string;
  receipt_series: string;
  receipt_number: number;
  office_code: string;
  device_id: string;
  paid_on: string;
  total: string | number;
  collector: string | null;
  device_at: string | null;
  received_at: Date | string | null;
}

/** The window's receipts, with who took the money and the device's and the central's times of it. */
async function receipts(db: Db, scope: Scope): Promise<ReceiptRow[]> {
  const rows = await sql<ReceiptRow>`
    SELECT c.receipt_id, c.receipt_series, c.receipt_number, c.office_code, c.device_id, c.paid_on, c.total,
           COALESCE(c.data->>'collectorStaffId', a.staff_id) AS collector, a.at AS device_at, a.received_at
    FROM contributions c
    LEFT JOIN audit_entries a ON a.device_id = c.device_id AND a.action = 'contribution.record' AND a.entity_id = c.id
    WHERE c.paid_on >= ${scope.since} ${officeFilter(scope)}
    ORDER BY c.receipt_series, c.receipt_number`.execute(db);
  return rows.rows;
}

/** A collector's voids and refunds far above the rest of the office's rate. */
async function voidRate(db: Db, scope: Scope, config: SignalConfig, all: ReceiptRow[]): Promise<Signal[]> {
  const voided = new Set(
    (
      await sql<{ receipt_id: string }>`
        SELECT v.receipt_id FROM receipt_voids v JOIN contributions c ON c.receipt_id = v.receipt_id
        WHERE c.paid_on >= ${scope.since} ${officeFilter(scope)}`.execute(db)
    ).rows.map((r) => r.receipt_id),
  );
  const byOffice = new Map<string, Map<string, ReceiptRow[]>>();
  for (const r of all) {
    if (!r.collector) continue;
    const office = byOffice.get(r.office_code) ?? new Map<string, ReceiptRow[]>();
    byOffice.set(r.office_code, office);
    // Appended in place: a copy per receipt made the office's refresh quadratic in its receipts.
    const rows = office.get(r.collector);
    if (rows) rows.push(r);
    else office.set(r.collector, [r]);
  }
  const { factor, minVoids, minReceipts } = config.voids;
  const signals: Signal[] = [];
  for (const [officeCode, collectors] of byOffice) {
    const officeTotal = [...collectors.values()].reduce((n, rs) => n + rs.length, 0);
    const officeVoids = [...collectors.values()].reduce((n, rs) => n + rs.filter((r) => voided.has(r.receipt_id)).length, 0);
    for (const [staffId, rs] of collectors) {
      const voids = rs.filter((r) => voided.has(r.receipt_id));
      const restReceipts = officeTotal - rs.length;
      const restRate = restReceipts > 0 ? (officeVoids - voids.length) / restReceipts : 0;
      const rate = voids.length / rs.length;
      if (voids.length < minVoids || rs.length < minReceipts || restReceipts < minReceipts || rate < factor * restRate) continue;
      signals.push({
        key: `VOID_RATE:${officeCode}:${staffId}`,
        kind: 'VOID_RATE',
        officeCode,
        deviceId: null,
        staffId,
        evidence: {
          receipts: rs.length,
          voids: voids.length,
          rate: Math.round(rate * 1000) / 1000,
          officeRate: Math.round(restRate * 1000) / 1000,
          voided: voids.slice(0, 50).map((r) => label(r.receipt_series, r.receipt_number)),
        },
      });
    }
  }
  return signals;
}

/** The local (UTC+7) date, weekday and time of a device instant. */
function vietnamTime(iso: string): { date: string; weekday: number; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms + VN_MS);
  const text = local.toISOString();
  return { date: text.slice(0, 10), weekday: local.getUTCDay(), time: text.slice(11, 16) };
}

/** Receipts made outside office hours, on a day off or on a public holiday (the device's time). */
function outOfHours(all: ReceiptRow[], config: SignalConfig): Signal[] {
  const { open, close, workdays, fixedHolidays, holidays } = config.hours;
  const signals: Signal[] = [];
  for (const r of all) {
    const local = r.device_at ? vietnamTime(r.device_at) : null;
    if (!local) continue;
    const holiday = holidays.includes(local.date) || fixedHolidays.includes(local.date.slice(5));
    const reason = holiday ? 'holiday' : !workdays.includes(local.weekday) ? 'dayOff' : local.time < open || local.time >= close ? 'afterHours' : null;
    if (!reason) continue;
    signals.push({
      key: `OUT_OF_HOURS:${r.receipt_id}`,
      kind: 'OUT_OF_HOURS',
      officeCode: r.office_code,
      deviceId: r.device_id,
      staffId: r.collector,
      evidence: {
        receipt: label(r.receipt_series, r.receipt_number),
        receiptId: r.receipt_id,
        deviceAt: r.device_at,
        localDate: local.date,
        localTime: local.time,
        reason,
      },
    });
  }
  return signals;
}

/** Receipts whose device time is ahead of the central's receipt of them, or far behind; payments dated before they were recorded. */
function clockAndDates(all: ReceiptRow[], config: SignalConfig): Signal[] {
  const { aheadMinutes, lateDays, backdatedDays } = config.clock;
  const signals: Signal[] = [];
  for (const r of all) {
    if (!r.device_at || !r.received_at) continue;
    const deviceMs = Date.parse(r.device_at);
    const receivedMs = new Date(r.received_at).getTime();
    const base = { officeCode: r.office_code, deviceId: r.device_id, staffId: r.collector };
    const evidence = {
      receipt: label(r.receipt_series, r.receipt_number),
      receiptId: r.receipt_id,
      deviceAt: r.device_at,
      receivedAt: new Date(receivedMs).toISOString(),
    };
    const aheadMin = (deviceMs - receivedMs) / 60_000;
    const lateDaysSeen = (receivedMs - deviceMs) / 86_400_000;
    if (aheadMin > aheadMinutes || lateDaysSeen > lateDays) {
      signals.push({
        ...base,
        key: `CLOCK_SKEW:${r.receipt_id}`,
        kind: 'CLOCK_SKEW',
        evidence: { ...evidence, direction: aheadMin > aheadMinutes ? 'ahead' : 'late', minutes: Math.round(aheadMin) },
      });
    }
    const recordedOn = vietnamTime(r.device_at)?.date;
    if (recordedOn && (Date.parse(recordedOn) - Date.parse(r.paid_on)) / 86_400_000 > backdatedDays) {
      signals.push({ ...base, key: `BACKDATED:${r.receipt_id}`, kind: 'BACKDATED', evidence: { ...evidence, paidOn: r.paid_on, recordedOn } });
    }
  }
  return signals;
}

/**
 * Numbers missing from a device's receipt series, each only once a later receipt has stood beside
 * it for the configured days (the ones between may still be on their way). The gaps are found in
 * the database (each receipt against the highest number before it in its series), so only the gaps
 * travel, not the office's whole history: an office of millions of receipts is one sorted scan, and
 * a gap of millions of numbers is counted, not listed.
 */
async function seriesGaps(db: Db, scope: Scope, config: SignalConfig): Promise<Signal[]> {
  const cutoff = new Date(scope.now.getTime() - config.seriesGapDays * 86_400_000).toISOString();
  const rows = await sql<{ series: string; before: string | number; n: string | number; highest: string | number; office_code: string; device_id: string }>`
    WITH r AS (
      SELECT c.receipt_series AS series, c.receipt_number::bigint AS n, c.office_code, c.device_id, a.received_at
      FROM contributions c
      LEFT JOIN audit_entries a ON a.device_id = c.device_id AND a.action = 'contribution.record' AND a.entity_id = c.id
      WHERE TRUE ${officeFilter(scope)}
      UNION ALL
      SELECT h.payload->'receipt'->>'series', (h.payload->'receipt'->>'number')::bigint, d.office_code, h.device_id, h.created_at
      FROM held_items h JOIN devices d ON d.id = h.device_id
      WHERE h.kind = 'contribution.record' ${officeFilter(scope, 'd.office_code')}
    ), o AS (
      SELECT series, n, received_at,
        COALESCE(max(n) OVER (PARTITION BY series ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
        max(n) OVER (PARTITION BY series) AS highest,
        first_value(office_code) OVER (PARTITION BY series ORDER BY n) AS office_code,
        first_value(device_id) OVER (PARTITION BY series ORDER BY n) AS device_id
      FROM r
    )
    SELECT series, before, n, highest, office_code, device_id FROM o
    WHERE n > before + 1 AND received_at IS NOT NULL AND received_at < ${cutoff}::timestamptz
    ORDER BY series, n`.execute(db);
  const bySeries = new Map<string, { missing: number; numbers: number[]; highest: number; officeCode: string; deviceId: string }>();
  for (const r of rows.rows) {
    let gap = bySeries.get(r.series);
    if (!gap) bySeries.set(r.series, (gap = { missing: 0, numbers: [], highest: Number(r.highest), officeCode: r.office_code, deviceId: r.device_id }));
    const from = Number(r.before) + 1;
    const to = Number(r.n) - 1;
    gap.missing += to - from + 1;
    for (let m = from; m <= to && gap.numbers.length < 50; m++) gap.numbers.push(m);
  }
  return [...bySeries].map(([series, gap]) => ({
    key: `SERIES_GAP:${series}`,
    kind: 'SERIES_GAP' as const,
    officeCode: gap.officeCode,
    deviceId: gap.deviceId,
    staffId: null,
    evidence: { series, missing: gap.missing, numbers: gap.numbers.map((m) => label(series, m)), highest: label(series, gap.highest) },
  }));
}

/** The same person paid at several offices within the window. */
async function samePersonOffices(db: Db, scope: Scope, config: SignalConfig): Promise<Signal[]> {
  const rows = await sql<{ person_id: string; official_number: string; offices: string[]; receipts: string[] }>`
    SELECT c.person_id, p.official_number, array_agg(DISTINCT c.office_code) AS offices,
           array_agg(c.receipt_series || '/' || lpad(c.receipt_number::text, 7, '0') ORDER BY c.paid_on, c.receipt_series, c.receipt_number) AS receipts
    FROM contributions c JOIN persons p ON p.id = c.person_id
    WHERE c.paid_on >= ${scope.since}
      ${scope.officeCode ? sql`AND c.person_id IN (SELECT person_id FROM contributions WHERE office_code = ${scope.officeCode} AND paid_on >= ${scope.since})` : sql``}
    GROUP BY c.person_id, p.official_number
    HAVING count(DISTINCT c.office_code) >= ${config.samePersonOffices}`.execute(db);
  // One finding per office involved: each office's list shows it.
  return rows.rows.flatMap((r) =>
    [...r.offices].sort().map((officeCode) => ({
      key: `SAME_PERSON_OFFICES:${r.person_id}:${officeCode}`,
      kind: 'SAME_PERSON_OFFICES' as const,
      officeCode,
      deviceId: null,
      staffId: null,
      evidence: { personId: r.person_id, officialNumber: r.official_number, offices: [...r.offices].sort(), receipts: r.receipts.slice(0, 50) },
    })),
  );
}

/** One collector registering many people with the same phone number or the same address. */
async function sharedContact(db: Db, scope: Scope, config: SignalConfig): Promise<Signal[]> {
  const rows = await sql<{ staff_id: string; office_code: string; what: 'phone' | 'address'; value: string; people: string[] }>`
    WITH registered AS (
      SELECT DISTINCT a.staff_id, d.office_code, p.id, p.official_number, p.data
      FROM audit_entries a
      JOIN devices d ON d.id = a.device_id
      LEFT JOIN person_aliases al ON al.local_id = a.entity_id
      JOIN persons p ON p.id = COALESCE(al.canonical_id, a.entity_id)
      WHERE a.action = 'participant.register' AND a.staff_id IS NOT NULL AND a.at >= ${scope.since} ${officeFilter(scope, 'd.office_code')}
    )
    SELECT staff_id, office_code, 'phone' AS what, data->>'phone' AS value, array_agg(official_number ORDER BY official_number) AS people
    FROM registered WHERE COALESCE(data->>'phone', '') <> ''
    GROUP BY staff_id, office_code, data->>'phone' HAVING count(*) >= ${config.sharedContactPeople}
    UNION ALL
    SELECT staff_id, office_code, 'address', lower(trim(data->>'addressLine')) || ', ' || (data->>'communeCode'), array_agg(official_number ORDER BY official_number)
    FROM registered
    GROUP BY staff_id, office_code, lower(trim(data->>'addressLine')) || ', ' || (data->>'communeCode') HAVING count(*) >= ${config.sharedContactPeople}`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    key: `SHARED_CONTACT:${r.staff_id}:${r.what}:${r.value}`,
    kind: 'SHARED_CONTACT' as const,
    officeCode: r.office_code,
    deviceId: null,
    staffId: r.staff_id,
    evidence: { what: r.what, value: r.value, people: r.people.length, officialNumbers: r.people.slice(0, 50) },
  }));
}

/** Devices not revoked that have sent nothing for days (their receipts since are nowhere the central can see). */
async function silentDevices(db: Db, scope: Scope, config: SignalConfig): Promise<Signal[]> {
  const cutoff = new Date(scope.now.getTime() - config.silentDays * 86_400_000);
  const rows = await sql<{
    id: string;
    office_code: string;
    name: string;
    last_batch: Date | string | null;
    enrolled_at: Date | string;
    receipts: string | number;
  }>`
    SELECT d.id, d.office_code, d.name, max(b.received_at) AS last_batch, d.enrolled_at,
           (SELECT count(*) FROM contributions c WHERE c.device_id = d.id) AS receipts
    FROM devices d LEFT JOIN batches b ON b.device_id = d.id
    WHERE d.revoked_at IS NULL ${officeFilter(scope, 'd.office_code')}
    GROUP BY d.id, d.office_code, d.name, d.enrolled_at
    HAVING COALESCE(max(b.received_at), d.enrolled_at) < ${cutoff.toISOString()}`.execute(db);
  return rows.rows.map((r) => ({
    key: silentDeviceKey(r.id),
    kind: 'SILENT_DEVICE' as const,
    officeCode: r.office_code,
    deviceId: r.id,
    staffId: null,
    evidence: {
      device: r.name,
      lastBatchAt: r.last_batch ? new Date(r.last_batch).toISOString() : null,
      silentDays: Math.floor((scope.now.getTime() - new Date(r.last_batch ?? r.enrolled_at).getTime()) / 86_400_000),
      receiptsReceived: Number(r.receipts),
    },
  }));
}

/** Every detector over the scope. */
export async function detectSignals(database: Db, scope: Scope, config: SignalConfig): Promise<Signal[]> {
  // Raw rows keep the database's snake_case names (the camel-case plugin left out).
  const db = database.withoutPlugins();
  const all = await receipts(db, scope);
  return [
    ...(await voidRate(db, scope, config, all)),
    ...outOfHours(all, config),
    ...clockAndDates(all, config),
    ...(await seriesGaps(db, scope, config)),
    ...(await samePersonOffices(db, scope, config)),
    ...(await sharedContact(db, scope, config)),
    ...(await silentDevices(db, scope, config)),
  ];
}
