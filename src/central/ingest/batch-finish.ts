// The end of a batch's transaction, in one statement: its operations' rows, the batch with its
// stored response, the device's next batch number, and the changes the offices pull — numbered
// under the change counter's row lock, so in commit order (apply-batch.ts). A change that is a row
// just written (a new person, a contribution) is built by the database from that row, not sent
// again as JSON text: the person's change is the record as stored (`persons.data`), the
// contribution's `contributionChangeSql` below — key for key the object the server built before
// (jsonb compares and prints them the same: tests/integration/central/change-from-row.test.ts).
import { sql, type Transaction } from 'kysely';
import type { OpStatus } from '../../shared/sync/op-results';
import type { CentralDb } from '../db/schema';
import { type BulkColumns, columnArray, insertStatement } from './bulk-insert';
import type { PendingChange } from './op-context';

const opColumns: BulkColumns = {
  opId: 'text',
  deviceId: 'text',
  batchNo: 'integer',
  seq: 'bigint',
  kind: 'text',
  payloadHash: 'text',
  status: 'text',
  result: 'jsonb',
};

export type OpRow = {
  opId: string;
  deviceId: string;
  batchNo: number;
  seq: number;
  kind: string;
  payloadHash: string;
  status: OpStatus;
  /** The result as JSON text. */
  result: string;
};

export interface BatchEnd {
  deviceId: string;
  batchNo: number;
  bodyHash: string;
  responseJson: string;
  opCount: number;
  /** The device's highest operation number after this batch. */
  lastSeq: number;
  opRows: readonly OpRow[];
  changes: readonly PendingChange[];
}

/** The change payload a contribution's row gives (the `contribution` change of shared/sync/changes.ts). */
export const contributionChangeSql = (c: string) =>
  sql.raw(`jsonb_build_object('id', ${c}.id, 'participantId', ${c}.person_id, 'householdId', ${c}.household_id, 'scheme', ${c}.scheme,
    'method', coalesce(${c}.method, 'monthly'), 'fromMonth', ${c}.from_month, 'months', ${c}.months, 'incomeBasis', ${c}.income_basis,
    'memberPosition', ${c}.member_position, 'paidOn', ${c}.paid_on, 'businessDate', coalesce(${c}.business_date, ${c}.paid_on), 'total', ${c}.total,
    'supportedMonths', coalesce(${c}.supported_months, 0),
    'receipt', jsonb_build_object('id', ${c}.receipt_id, 'series', ${c}.receipt_series, 'number', ${c}.receipt_number),
    'issuedAt', ${c}.issued_at, 'officeCode', ${c}.office_code, 'deviceId', ${c}.device_id,
    'collectorStaffId', ${c}.collector_staff_id, 'collectorName', ${c}.collector_name)`);

/** Writes the end of the batch (see the top of the file). */
export async function finishBatch(trx: Transaction<CentralDb>, end: BatchEnd): Promise<void> {
  const parts = [
    sql`batch AS (INSERT INTO batches (device_id, batch_no, body_hash, response, op_count)
      VALUES (${end.deviceId}, ${end.batchNo}::integer, ${end.bodyHash}, ${end.responseJson}::jsonb, ${end.opCount}::integer))`,
  ];
  if (end.opRows.length > 0) parts.push(sql`op_rows AS (${insertStatement('ops', opColumns, end.opRows)})`);
  const device = sql`UPDATE devices SET next_batch_no = ${end.batchNo + 1}::integer, last_seq = ${end.lastSeq}::bigint, last_seen_at = ${new Date()}::timestamptz
    WHERE id = ${end.deviceId}`;
  if (end.changes.length === 0) {
    await sql`WITH ${sql.join(parts)} ${device}`.execute(trx);
    return;
  }
  const n = end.changes.length;
  const arrays = changeColumns(end.changes);
  parts.push(sql`device AS (${device})`);
  parts.push(sql`counter AS (UPDATE change_counter SET value = value + ${n}::bigint WHERE id = 1 RETURNING value)`);
  await sql`WITH ${sql.join(parts)}
    INSERT INTO changes (seq, kind, province_code, office_code, origin_device_id, payload)
    SELECT counter.value - ${n}::bigint + t.i, t.kind, t.province, t.office, ${end.deviceId},
      CASE WHEN t.person IS NOT NULL THEN (SELECT p.data FROM persons p WHERE p.id = t.person)
           WHEN t.contribution IS NOT NULL THEN (SELECT ${contributionChangeSql('c')} FROM contributions c WHERE c.id = t.contribution)
           ELSE t.payload::jsonb END
    FROM counter, unnest(${sql.join(arrays)}) WITH ORDINALITY AS t(kind, province, office, person, contribution, payload, i)`.execute(trx);
}

/** The changes' six columns, filled in one pass over them (750 changes a batch of 250 payments). */
function changeColumns(changes: readonly PendingChange[]) {
  const n = changes.length;
  const kinds: unknown[] = new Array(n);
  const provinces: unknown[] = new Array(n);
  const offices: unknown[] = new Array(n);
  const persons: unknown[] = new Array(n);
  const contributions: unknown[] = new Array(n);
  const payloads: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = changes[i]!;
    kinds[i] = c.kind;
    provinces[i] = c.provinceCode;
    offices[i] = c.officeCode ?? null;
    persons[i] = c.from && 'person' in c.from ? c.from.person : null;
    contributions[i] = c.from && 'contribution' in c.from ? c.from.contribution : null;
    payloads[i] = c.from ? null : (c.payloadJson ?? JSON.stringify(c.payload));
  }
  return [
    columnArray(kinds, 'text'),
    columnArray(provinces, 'text'),
    columnArray(offices, 'text'),
    columnArray(persons, 'text'),
    columnArray(contributions, 'text'),
    columnArray(payloads, 'jsonb'),
  ];
}
