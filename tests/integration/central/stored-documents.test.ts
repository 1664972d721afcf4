// A new person's record (`persons.data`) and a payment's (`contributions.data`) are the parsed
// payload with the central's own keys. When the schema changed nothing, the handlers make them from
// the payload's JSON as sent (its canonical form, made for its hash) with those keys added at the
// end, no longer by serialising the parsed payload (ADR 0038): the stored documents must be exactly
// what `JSON.stringify({ ...parsed, … })` stored — for payloads as an office sends them, for one the
// schema trims and recomposes, and for a payment of a person another office registered first (the
// payment's participant is then the canonical person, its local id kept beside). PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { operationPayloadSchemas } from '../../../src/shared/sync/operations';
import type { WireOp } from '../../../src/shared/sync/protocol';
import type { Office } from '../fixtures/office-fixture';
import { centralBackends } from '../fixtures/test-postgres';
import type { Central } from '../sync/central-fixture';
import { asStoredJson, enrollDevice, pushOps, registerAndCollect, takeOps, useCentralAndOffice, withPayload } from './central-kit';

describe.each(centralBackends())('stored records on %s', (backend) => {
  let central: Central;
  let office: Office;
  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  const asStored = (json: string) => asStoredJson(central, json);

  async function storedPerson(id: string): Promise<{ data: string; officialNumber: string }> {
    const { rows } = await sql<{ data: string; officialNumber: string }>`SELECT data::text AS data, official_number FROM persons WHERE id = ${id}`.execute(
      central.database.db,
    );
    return rows[0]!;
  }

  async function storedPayment(id: string): Promise<{ data: string; personId: string }> {
    const { rows } = await sql<{ data: string; personId: string }>`SELECT data::text AS data, person_id FROM contributions WHERE id = ${id}`.execute(
      central.database.db,
    );
    return rows[0]!;
  }

  /** What the handlers stored before: the parsed payload with the central's keys, serialised. */
  async function expectStoredAsBefore(register: WireOp | null, payment: WireOp | null): Promise<void> {
    if (register) {
      const parsed = operationPayloadSchemas['participant.register'].parse(register.payload);
      const person = await storedPerson(parsed.id);
      expect(person.data).toBe(await asStored(JSON.stringify({ ...parsed, officialNumber: person.officialNumber, canonicalId: null })));
    }
    if (payment) {
      const parsed = operationPayloadSchemas['contribution.record'].parse(payment.payload);
      const stored = await storedPayment(parsed.id);
      expect(stored.data).toBe(await asStored(JSON.stringify({ ...parsed, participantId: stored.personId, localParticipantId: parsed.participantId })));
    }
  }

  it('stores the records of an office batch as sent, of a payload the schema tidied, and of a payment for a person registered elsewhere', async () => {
    const first = await enrollDevice(central, 'OFDOC1');
    await registerAndCollect(office, { fullName: 'Đặng Thị Ngọc Ánh', dateOfBirth: '1979-04-12', sex: 'female', personalId: '001179004321' });
    const ops = await takeOps(office);
    const register = ops.find((o) => o.kind === 'participant.register')!;
    const payment = ops.find((o) => o.kind === 'contribution.record')!;
    const sent = await pushOps(first, ops);
    expect(sent.json.results.map((r: { status: string }) => r.status)).toEqual(ops.map(() => 'APPLIED'));
    await expectStoredAsBefore(register, payment);

    // A name sent decomposed (NFD) and with spaces around it: the schema trims and recomposes it, so
    // the record is the parsed payload serialised, not the text as sent.
    const tidied = withPayload(register, {
      ...register.payload,
      id: randomUUID(),
      personalId: '001179004322',
      fullName: ` ${'Đặng Thị Ngọc Ánh'.normalize('NFD')}  `,
    });
    expect(operationPayloadSchemas['participant.register'].parse(tidied.payload).fullName).toBe('Đặng Thị Ngọc Ánh');
    const tidiedReply = await pushOps(first, [{ ...tidied, opId: randomUUID(), seq: ops.length + 1 }]);
    // Same birth date and name as the first person: held as a possible duplicate, not stored; sent
    // again as reviewed by the supervisor, it is registered.
    expect(tidiedReply.json.results[0].status).toBe('HELD');
    const reviewed = withPayload(tidied, { ...tidied.payload, duplicateReviewed: true });
    expect((await pushOps(first, [{ ...reviewed, opId: randomUUID(), seq: ops.length + 2 }])).json.results[0].status).toBe('APPLIED');
    await expectStoredAsBefore(reviewed, null);

    // Another office registers the same person under its own id (DUPLICATE: an alias of the
    // canonical person) and takes a payment: the payment's participant is the canonical person.
    const second = await enrollDevice(central, 'OFDOC2');
    const localId = randomUUID();
    const again = withPayload(register, { ...register.payload, id: localId });
    const receipt = { ...(payment.payload.receipt as Record<string, unknown>), id: randomUUID(), series: 'OFDOC2-A', number: 1 };
    const lines = (payment.payload.lines as Record<string, unknown>[]).map((line) => ({ ...line, participantId: localId }));
    const elsewhere = withPayload(payment, { ...payment.payload, id: randomUUID(), participantId: localId, receipt, lines });
    const reply = await pushOps(second, [
      { ...again, opId: randomUUID(), seq: 1 },
      { ...elsewhere, opId: randomUUID(), seq: 2 },
    ]);
    expect(reply.json.results.map((r: { status: string }) => r.status)).toEqual(['DUPLICATE', 'APPLIED']);
    const stored = await storedPayment(elsewhere.payload.id as string);
    expect(stored.personId).toBe(register.payload.id);
    expect(JSON.parse(stored.data)).toMatchObject({ participantId: register.payload.id, localParticipantId: localId });
    await expectStoredAsBefore(null, elsewhere);
  });
});
