// POST /v1/batches against the real central service on PGlite and on PostgreSQL: each operation
// has one effect however often and however concurrently its batch arrives; gaps, reused ids,
// poisoned operations, cross-office duplicates and near matches each get their typed answer.
import { describe, expect, it } from 'vitest';
import { centralBackends } from '../fixtures/test-postgres';
import { call, HANOI, openOffice, type Office } from '../fixtures/office-fixture';
import type { Central } from '../sync/central-fixture';
import { batchBody, countRows, type Device, enrollDevice, pushOps, registerAndCollect, takeOps, useCentralAndOffice, withPayload } from './central-kit';

describe.each(centralBackends())('central batches on %s', (backend) => {
  let central: Central;
  let office: Office;
  let serial = 0;

  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  const count = (table: 'persons' | 'contributions' | 'ops' | 'batches' | 'changes' | 'heldItems') => countRows(central, table);

  /** A person with a fresh personal ID and birth date, so tests never collide with each other. */
  function newPerson(fullName = 'Đặng Văn Tùng') {
    serial += 1;
    const year = 1960 + serial;
    return {
      fullName,
      dateOfBirth: `${year}-04-0${1 + (serial % 9)}`,
      sex: 'male' as const,
      personalId: `0010${String(year % 100).padStart(2, '0')}${String(700000 + serial).padStart(6, '0')}`,
    };
  }

  async function freshDevice(): Promise<Device> {
    serial += 1;
    return enrollDevice(central, `OF${serial}`);
  }

  it('applies a batch once: sent again it returns the stored answer and has no second effect', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const ops = await takeOps(office);
    expect(ops.map((o) => o.kind)).toEqual(['participant.register', 'enrollment.set', 'contribution.record']);
    const before = { persons: await count('persons'), contributions: await count('contributions') };
    const body = batchBody(device, ops);
    const first = await device.request('POST', '/v1/batches', body);
    expect(first.status).toBe(200);
    expect(first.json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(first.json.results[0].officialNumber).toMatch(/^01\d{8}$/);
    expect(first.type).toBe('application/json');
    const again = await device.request('POST', '/v1/batches', body);
    expect(again).toEqual(first);
    const stored = await central.database.db.selectFrom('batches').select('response').where('deviceId', '=', device.id).executeTakeFirstOrThrow();
    expect(typeof stored.response === 'string' ? JSON.parse(stored.response) : stored.response).toEqual(first.json);
    expect(await count('persons')).toBe(before.persons + 1);
    expect(await count('contributions')).toBe(before.contributions + 1);
  });

  it('knows a batch by its content, not its formatting: sent canonical, then spaced out with its keys in another order, it is one batch', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const body = batchBody(device, await takeOps(office));
    const before = { persons: await count('persons'), batches: await count('batches') };
    const first = await device.request('POST', '/v1/batches', body);
    expect(first.status).toBe(200);
    const parsed = JSON.parse(body) as { deviceId: string; batchNo: number; ops: Record<string, unknown>[] };
    const reordered = { ops: parsed.ops.map((op) => Object.fromEntries(Object.entries(op).reverse())), batchNo: parsed.batchNo, deviceId: parsed.deviceId };
    const again = await device.request('POST', '/v1/batches', JSON.stringify(reordered, null, 2));
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await count('persons')).toBe(before.persons + 1);
    expect(await count('batches')).toBe(before.batches + 1);
  });

  it('answers the same batch sent many times at once with one effect and one answer', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const body = batchBody(device, await takeOps(office));
    const before = { persons: await count('persons'), contributions: await count('contributions'), batches: await count('batches') };
    const answers = await Promise.all(Array.from({ length: 6 }, () => device.request('POST', '/v1/batches', body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const answer of answers) expect(answer.json).toEqual(answers[0]!.json);
    expect(await count('persons')).toBe(before.persons + 1);
    expect(await count('contributions')).toBe(before.contributions + 1);
    expect(await count('batches')).toBe(before.batches + 1);
  });

  it('refuses a batch that skips a number with GAP and the number it waits for, writing nothing', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const ops = await takeOps(office);
    const before = await count('ops');
    const gap = await device.request('POST', '/v1/batches', batchBody(device, ops, 2));
    expect(gap.status).toBe(409);
    expect(gap.json.error).toMatchObject({ code: 'GAP', details: { expected: 1 } });
    expect(gap.json.error.message).toContain('lô số 1');
    expect(await count('ops')).toBe(before);
    expect((await pushOps(device, ops)).status).toBe(200);
  });

  it('refuses a batch number reused with other content, and an op id reused with other content', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const ops = await takeOps(office);
    expect((await pushOps(device, ops.slice(0, 1))).status).toBe(200);
    // Batch 1 again with different operations.
    const reusedBatch = await device.request('POST', '/v1/batches', batchBody(device, ops.slice(1), 1));
    expect(reusedBatch.status).toBe(409);
    expect(reusedBatch.json.error.code).toBe('ID_REUSE');
    // A new batch whose first op reuses the id of an applied op with other content.
    const forged = withPayload(ops[0]!, { ...ops[0]!.payload, fullName: 'Người Khác Hẳn' });
    const reply = await pushOps(device, [{ ...forged, seq: 10 }, ...ops.slice(1).map((o, i) => ({ ...o, seq: 11 + i }))]);
    expect(reply.status).toBe(200);
    expect(reply.json.results[0]).toMatchObject({ status: 'REJECTED', error: { code: 'ID_REUSE', field: 'opId' } });
    expect(reply.json.results.slice(1).map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED']);
    const person = await central.database.db.selectFrom('persons').select('fullName').where('id', '=', String(ops[0]!.payload.id)).executeTakeFirstOrThrow();
    expect(person.fullName).toBe('Đặng Văn Tùng');
  });

  it('answers operations applied in an earlier batch, sent again in a new one, with their first answer and no second effect', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const first = await takeOps(office);
    const firstReply = await pushOps(device, first);
    expect(firstReply.json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    await registerAndCollect(office, newPerson('Hà Thị Lụa'));
    const fresh = await takeOps(office);
    const before = { persons: await count('persons'), contributions: await count('contributions'), ops: await count('ops') };
    // Batch 2: the registration and the contribution of batch 1 again, as they were, among new ones.
    const ops = [first[0]!, ...fresh, first[2]!].map((op, i) => ({ ...op, seq: 10 + i }));
    const reply = await pushOps(device, ops);
    expect(reply.status).toBe(200);
    expect(reply.json.results[0]).toEqual(firstReply.json.results[0]);
    expect(reply.json.results[4]).toEqual(firstReply.json.results[2]);
    expect(reply.json.results.slice(1, 4).map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(await count('persons')).toBe(before.persons + 1);
    expect(await count('contributions')).toBe(before.contributions + 1);
    expect(await count('ops')).toBe(before.ops + 3);
  });

  it('rejects poisoned operations mid-batch with their reasons and applies the others', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const [register, enroll, contribution] = await takeOps(office);
    await registerAndCollect(office, newPerson('Hà Thị Lụa'));
    const second = await takeOps(office);
    const payload = contribution!.payload as { total: number };
    const wrongAmount = withPayload(contribution!, { ...payload, total: payload.total + 1000 });
    const badHash = { ...second[0]!, opId: '01930000-0000-7000-8000-00000000abce', payloadHash: 'f'.repeat(64) };
    const unknownKind = withPayload({ ...second[0]!, kind: 'participant.teleport', opId: '01930000-0000-7000-8000-00000000abcd' }, { x: 1 });
    const ops = [register!, enroll!, wrongAmount, badHash, unknownKind, ...second].map((op, i) => ({ ...op, seq: i + 1 }));
    const before = await count('contributions');
    const reply = await pushOps(device, ops);
    expect(reply.status).toBe(200);
    const statuses = reply.json.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status);
    expect(statuses).toEqual(['APPLIED', 'APPLIED', 'AMOUNT_MISMATCH', 'PAYLOAD_HASH', 'UNKNOWN_KIND', 'APPLIED', 'APPLIED', 'APPLIED']);
    expect(reply.json.results[2].error).toMatchObject({ field: 'total', details: { expected: payload.total } });
    expect(reply.json.results[2].error.message).toContain('không khớp quy định');
    expect(await count('contributions')).toBe(before + 1);
  });

  it('applies operations that build on earlier ones of the same batch: an update, a void, a household', async () => {
    const device = await freshDevice();
    const created = await registerAndCollect(office, newPerson('Lục Văn Sính'));
    await call(office.core, 'participants.update', { id: created.participantId, expectedVersion: 1, phone: '0912345678' }, office.tokens.counter);
    await call(office.core, 'receipts.void', { id: created.receiptId, reason: 'Thu nhầm, thu lại' }, office.tokens.supervisor);
    const household = await call(office.core, 'households.create', { headParticipantId: created.participantId }, office.tokens.counter);
    // The head draws a pension: insured by that scheme, out of the household's HHI sequence.
    await call(
      office.core,
      'households.setCoverage',
      { householdId: household.id, participantId: created.participantId, coveredBy: 'pensioner' },
      office.tokens.counter,
    );
    const ops = await takeOps(office);
    expect(ops.map((o) => o.kind)).toEqual([
      'participant.register',
      'enrollment.set',
      'contribution.record',
      'participant.update',
      'receipt.void',
      'household.create',
      'household.setMembers',
    ]);
    const reply = await pushOps(device, ops);
    expect(reply.json.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
      'APPLIED',
    ]);
    const stored = await central.database.db
      .selectFrom('households')
      .select(['data', 'memberIds', 'version'])
      .where('id', '=', household.id)
      .executeTakeFirstOrThrow();
    const data = typeof stored.data === 'string' ? JSON.parse(stored.data) : stored.data;
    expect(data).toMatchObject({ headParticipantId: created.participantId, coverage: { [created.participantId]: 'pensioner' } });
    expect(stored.version).toBe(2);
    const person = await central.database.db
      .selectFrom('persons')
      .select(['data', 'version'])
      .where('id', '=', created.participantId)
      .executeTakeFirstOrThrow();
    expect((typeof person.data === 'string' ? JSON.parse(person.data) : person.data).phone).toBe('0912345678');
    const voids = await central.database.db.selectFrom('receiptVoids').select('receiptId').where('receiptId', '=', created.receiptId).execute();
    expect(voids).toHaveLength(1);
  });

  it('rejects an operation the database itself refuses and still applies the rest of the batch', async () => {
    const device = await freshDevice();
    await registerAndCollect(office, newPerson());
    const first = await takeOps(office);
    expect((await pushOps(device, first)).json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    // A contribution that passes every rule but reuses the id of a stored one: only the database's
    // primary key can refuse it, mid-batch, after an operation that already wrote.
    await registerAndCollect(office, newPerson('Triệu Thị Nga'));
    const [register, enroll, contribution] = await takeOps(office);
    const copied = first[2]!.payload as { id: string };
    const clash = withPayload(contribution!, { ...contribution!.payload, id: copied.id });
    const before = { persons: await count('persons'), contributions: await count('contributions') };
    const reply = await pushOps(
      device,
      [register!, clash, enroll!].map((op, i) => ({ ...op, seq: 100 + i })),
    );
    expect(reply.status).toBe(200);
    expect(reply.json.results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual([
      'APPLIED',
      'UNPROCESSABLE',
      'APPLIED',
    ]);
    expect(await count('persons')).toBe(before.persons + 1);
    expect(await count('contributions')).toBe(before.contributions);
  });

  it('answers a second office registering the same personal ID with DUPLICATE and keeps its contribution', async () => {
    const first = await freshDevice();
    const second = await freshDevice();
    const person = newPerson('Lương Thị Mai');
    await registerAndCollect(office, person);
    expect((await pushOps(first, await takeOps(office))).json.results[0].status).toBe('APPLIED');
    const other = await openOffice();
    try {
      const local = await registerAndCollect(other, person);
      const reply = await pushOps(second, await takeOps(other));
      expect(reply.json.results[0]).toMatchObject({
        status: 'DUPLICATE',
        canonical: { officialNumber: expect.stringMatching(/^01\d{8}$/), fullName: 'Lương Thị Mai' },
      });
      expect(reply.json.results[2], JSON.stringify(reply.json.results[2])).toMatchObject({ status: 'APPLIED' });
      const canonicalId = reply.json.results[0].canonical.canonicalId;
      expect(canonicalId).not.toBe(local.participantId);
      const kept = await central.database.db.selectFrom('contributions').select(['personId', 'officeCode']).where('personId', '=', canonicalId).execute();
      expect(kept.map((k) => k.officeCode).sort()).toEqual([first.officeCode, second.officeCode].sort());
      expect(await central.database.db.selectFrom('persons').select('id').where('personalId', '=', person.personalId).execute()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('holds a close name with the same birth date and another personal ID for review', async () => {
    const device = await freshDevice();
    const person = newPerson('Vi Văn Páo');
    await registerAndCollect(office, person);
    await pushOps(device, await takeOps(office));
    // Same family and given name and birth date, a middle name missing, another (valid) personal ID.
    const twin = {
      ...person,
      fullName: 'Vi Páo',
      personalId: `${person.personalId.slice(0, 6)}${String(Number(person.personalId.slice(6)) + 1).padStart(6, '0')}`,
    };
    const other = await openOffice();
    try {
      await call(other.core, 'participants.register', { ...twin, ...HANOI, addressLine: 'Bản Mới' }, other.tokens.counter);
      const held = await pushOps(device, await takeOps(other));
      expect(held.json.results[0]).toMatchObject({ status: 'HELD', heldClass: 'POSSIBLE_DUPLICATE', error: { code: 'POSSIBLE_DUPLICATE' } });
      expect(held.json.results[0].error.message).toContain('Vi Văn Páo');
      const items = await central.database.db.selectFrom('heldItems').select(['opId', 'class']).where('opId', '=', held.json.results[0].opId).execute();
      expect(items).toEqual([{ opId: held.json.results[0].opId, class: 'POSSIBLE_DUPLICATE' }]);
    } finally {
      await other.close();
    }
  });
});
