// The console's drill-down from a finding (issue 22 item 6): the receipts behind it — by office,
// device, collector (staff id or name) and payment dates, newest first — and each collector's
// receipts, sums, voids and refunds over the last 30 days. The payer is shown as the office shows
// them; the personal ID only by its last four digits, as on the receipt.
import { type Kysely, sql } from 'kysely';
import type { CollectorRow, ReceiptRow } from '../../shared/console/console-api';
import { lastFour } from '../../shared/verification/receipt-payload';
import type { CentralDb } from '../db/schema';
import { addMonths, voidOf } from '../receipts/receipt-check';
import { daysBefore } from './console-overview';

export interface ReceiptFilter {
  officeCode?: string | undefined;
  deviceId?: string | undefined;
  collector?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

const collectorId = sql`COALESCE(c.collector_staff_id, c.data->>'collectorStaffId')`;
const label = (series: string, number: number) => `${series}/${String(number).padStart(7, '0')}`;

export async function listReceipts(db: Kysely<CentralDb>, filter: ReceiptFilter): Promise<ReceiptRow[]> {
  const where = [sql`TRUE`];
  if (filter.officeCode) where.push(sql`c.office_code = ${filter.officeCode}`);
  if (filter.deviceId) where.push(sql`c.device_id = ${filter.deviceId}`);
  if (filter.collector) where.push(sql`(${collectorId} = ${filter.collector} OR c.collector_name = ${filter.collector})`);
  if (filter.from) where.push(sql`c.paid_on >= ${filter.from}`);
  if (filter.to) where.push(sql`c.paid_on <= ${filter.to}`);
  const rows = await sql<{
    receipt_series: string;
    receipt_number: number;
    office_code: string;
    device_id: string;
    device_name: string;
    collector_id: string | null;
    collector_name: string | null;
    full_name: string;
    personal_id: string;
    scheme: string;
    from_month: string;
    months: number;
    total: unknown;
    paid_on: string;
    received_at: Date;
    void_data: unknown;
  }>`
    SELECT c.receipt_series, c.receipt_number, c.office_code, c.device_id, d.name AS device_name, ${collectorId} AS collector_id,
           c.collector_name, p.full_name, p.personal_id, c.scheme, c.from_month, c.months, c.total, c.paid_on, c.received_at, v.data AS void_data
    FROM contributions c JOIN devices d ON d.id = c.device_id JOIN persons p ON p.id = c.person_id
    LEFT JOIN receipt_voids v ON v.receipt_id = c.receipt_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY c.paid_on DESC, c.received_at DESC, c.receipt_series, c.receipt_number DESC
    LIMIT ${filter.limit}`.execute(db.withoutPlugins());
  return rows.rows.map((r) => {
    const voided = voidOf(r.void_data);
    const months = Number(r.months);
    return {
      label: label(r.receipt_series, Number(r.receipt_number)),
      officeCode: r.office_code,
      deviceId: r.device_id,
      deviceName: r.device_name,
      collector: r.collector_name ?? r.collector_id,
      collectorId: r.collector_id,
      payerName: r.full_name,
      personalIdLast4: lastFour(r.personal_id),
      scheme: r.scheme,
      period: months > 1 ? `${r.from_month}–${addMonths(r.from_month, months - 1)}` : r.from_month,
      total: Number(r.total),
      paidOn: r.paid_on,
      receivedAt: new Date(r.received_at).toISOString(),
      voidedOn: voided?.on ?? null,
      refunded: voided?.refund ?? false,
    };
  });
}

/** Per office and collector, the payments dated in the last 30 days (those without a collector, from older devices, are left out). */
export async function listCollectors(db: Kysely<CentralDb>, officeCode: string | undefined, now: Date): Promise<CollectorRow[]> {
  const rows = await sql<{
    office_code: string;
    collector_id: string | null;
    name: string | null;
    receipts: unknown;
    total: unknown;
    voids: unknown;
    refunds: unknown;
  }>`
    SELECT c.office_code, ${collectorId} AS collector_id, max(c.collector_name) AS name, count(*) AS receipts,
           COALESCE(sum(c.total) FILTER (WHERE v.receipt_id IS NULL), 0) AS total,
           count(v.receipt_id) FILTER (WHERE jsonb_typeof(v.data->'refund') IS DISTINCT FROM 'object') AS voids,
           count(v.receipt_id) FILTER (WHERE jsonb_typeof(v.data->'refund') = 'object') AS refunds
    FROM contributions c LEFT JOIN receipt_voids v ON v.receipt_id = c.receipt_id
    WHERE c.paid_on >= ${daysBefore(now, 30)} ${officeCode ? sql`AND c.office_code = ${officeCode}` : sql``}
      AND COALESCE(${collectorId}, c.collector_name) IS NOT NULL
    GROUP BY c.office_code, ${collectorId}
    ORDER BY c.office_code, max(c.collector_name)`.execute(db.withoutPlugins());
  return rows.rows.map((r) => ({
    collector: r.name ?? r.collector_id ?? '',
    collectorId: r.collector_id,
    officeCode: r.office_code,
    receipts: Number(r.receipts),
    total: Number(r.total),
    voids: Number(r.voids),
    refunds: Number(r.refunds),
  }));
}
