// The changes a batch adds to the pull feed are made by the database from the rows just written
// (ingest/batch-finish.ts), no longer sent as JSON text by the server. Offices read them as
// `payload::text`, so the text must be what the server's own JSON gave: a person's change is their
// record as registered, a contribution's the object contributionChange makes of its row. Checked on
// PGlite and PostgreSQL, for rows with every optional field empty and with every one set, and end to
// end through a real office's batch (a person changed later in the same batch is still told as
// registered first).
import { type Insertable, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { contributionChangeSql } from '../../../src/central/ingest/batch-finish';
import { insertRows } from '../../../src/central/ingest/bulk-insert';
import { contributionRow } from '../../../src/central/ingest/money-ops';
import { contributionColumns } from '../../../src/central/ingest/op-context';
import type { CentralDb } from '../../../src/central/db/schema';
import type { ChangePayload } from '../../../src/shared/sync/changes';
import { operationPayloadSchemas } from '../../../src/shared/sync/operations';
import { call, type Office } from '../fixtures/office-fixture';
import { centralBackends } from '../fixtures/test-postgres';
import type { Central } from '../sync/central-fixture';
import { asStoredJson, enrollDevice, pushOps, registerAndCollect, takeOps, useCentralAndOffice } from './central-kit';

/** The contribution's change as the server built it before the database did (the format offices read). */
function contributionChange(row: Insertable<CentralDb['contributions']>): ChangePayload<'contribution'> {
  return {
    id: row.id,
    participantId: row.personId,
    householdId: row.householdId ?? null,
    scheme: row.scheme as 'VSI' | 'HHI',
    method: row.method ?? 'monthly',
    fromMonth: row.fromMonth,
    months: row.months,
    incomeBasis: row.incomeBasis ?? null,
    memberPosition: row.memberPosition ?? null,
    paidOn: row.paidOn,
    businessDate: row.businessDate ?? row.paidOn,
    total: row.total,
    supportedMonths: row.supportedMonths ?? 0,
    receipt: { id: row.receiptId, series: row.receiptSeries, number: row.receiptNumber },
    issuedAt: row.issuedAt ?? null,
    officeCode: row.officeCode,
    deviceId: row.deviceId,
    collectorStaffId: row.collectorStaffId ?? null,
    collectorName: row.collectorName ?? null,
  };
}

describe.each(centralBackends())('changes made from rows on %s', (backend) => {
  let central: Central;
  let office: Office;
  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  const asStored = (json: string) => asStoredJson(central, json);

  async function changeOfRow(id: string): Promise<string> {
    return (await sql<{ t: string }>`SELECT ${contributionChangeSql('c')}::text AS t FROM contributions c WHERE c.id = ${id}`.execute(central.database.db))
      .rows[0]!.t;
  }

  it('gives, for a contribution row, the text contributionChange gave — optional fields empty, and all set', async () => {
    const base = {
      personId: 'p-1',
      scheme: 'VSI',
      fromMonth: '2026-03',
      months: 3,
      paidOn: '2026-03-05',
      total: 1_485_000,
      receiptSeries: 'AB-26',
      officeCode: 'OFX',
      deviceId: 'dev-1',
      data: '{}',
    };
    const bare = { ...base, id: 'c-bare', receiptId: 'r-bare', receiptNumber: 1, supportedMonths: 0 };
    const full = {
      ...base,
      id: 'c-full',
      receiptId: 'r-full',
      receiptNumber: 2_147_483_000,
      scheme: 'HHI',
      total: 9_007_199_254_740_000,
      householdId: 'h-1',
      method: 'lump-sum-shortfall',
      incomeBasis: 4_960_000,
      memberPosition: 3,
      supportedMonths: 2,
      businessDate: '2026-03-06',
      issuedAt: '2026-03-06T01:02:03.456Z',
      collectorStaffId: 'staff-1',
      collectorName: 'Nguyễn Thị "Ánh" \\ Hoà\t\u00e9\u0301 😀',
    };
    await central.database.db.transaction().execute((trx) => insertRows(trx, 'contributions', contributionColumns, [bare, full]));
    for (const row of [bare, full]) {
      expect(await changeOfRow(row.id)).toBe(await asStored(JSON.stringify(contributionChange(row))));
    }
  });

  it('stores the changes of an office batch as the server built them: the person as registered, the payment from its row', async () => {
    const device = await enrollDevice(central, 'OFROW');
    const created = await registerAndCollect(office, { fullName: 'Hà Thị Ngọc Ánh', dateOfBirth: '1981-07-09', sex: 'female', personalId: '001181008877' });
    await call(office.core, 'participants.update', { id: created.participantId, expectedVersion: 1, phone: '0987654321' }, office.tokens.counter);
    const ops = await takeOps(office);
    expect(ops.map((o) => o.kind)).toEqual(['participant.register', 'enrollment.set', 'contribution.record', 'participant.update']);
    const reply = await pushOps(device, ops);
    expect(reply.json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED', 'APPLIED']);
    const { rows } = await sql<{ kind: string; payload: string }>`
      SELECT kind, payload::text AS payload FROM changes WHERE origin_device_id = ${device.id} ORDER BY seq`.execute(central.database.db);
    expect(rows.map((r) => r.kind)).toEqual(['participant', 'enrollment', 'contribution', 'paid-through', 'participant']);

    // The registration as the server made it: the payload as parsed, with its official number.
    const person = await central.database.db.selectFrom('persons').select(['officialNumber']).where('id', '=', created.participantId).executeTakeFirstOrThrow();
    const registered = operationPayloadSchemas['participant.register'].parse(ops[0]!.payload);
    expect(rows[0]!.payload).toBe(await asStored(JSON.stringify({ ...registered, officialNumber: person.officialNumber, canonicalId: null })));
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ version: 1, phone: null });
    expect(JSON.parse(rows[4]!.payload)).toMatchObject({ version: 2, phone: '0987654321' });

    // The payment as the handler's row (contributionRow) gave it to contributionChange.
    const c = operationPayloadSchemas['contribution.record'].parse(ops[2]!.payload);
    const row = contributionRow(c, created.participantId, { id: device.id, officeCode: 'OFROW' });
    expect(rows[2]!.payload).toBe(await asStored(JSON.stringify(contributionChange(row))));
  });
});
