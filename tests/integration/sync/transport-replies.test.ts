// The office reads every reply of the central with the shared schemas: a reply that does not fit
// (another service at that address, a central of a protocol this release does not know) is a
// permanent transport error with a Vietnamese reason, never cast and half-applied; a change of a
// kind this release does not know is skipped, as a newer central may send more.
import { describe, expect, it } from 'vitest';
import { generateDeviceKeyPair } from '../../../src/main/core/sync/device-key-store';
import { HttpCentralTransport } from '../../../src/main/core/sync/http-central-transport';
import { TransportError } from '../../../src/main/core/sync/central-transport';

const opId = '01930000-0000-7000-8000-000000000001';

/** A transport whose central answers every request with this JSON. */
function answering(status: number, body: unknown): HttpCentralTransport {
  const fetchImpl = (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;
  return new HttpCentralTransport({ baseUrl: 'http://central.test/', deviceId: 'device-1', keys: generateDeviceKeyPair(), clock: () => new Date(), fetchImpl });
}

async function refusal(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('replies of the central', () => {
  it('takes a batch reply that fits the shared schema, typed by status', async () => {
    const reply = {
      deviceId: 'device-1',
      batchNo: 1,
      results: [{ opId, status: 'HELD', heldClass: 'PERSON_NOT_ACCEPTED', error: { code: 'PERSON_NOT_ACCEPTED', message: 'Tạm giữ', messageEn: 'Held' } }],
    };
    expect((await answering(200, reply).pushBatch('{}')).results).toEqual(reply.results);
  });

  it('refuses a batch reply with a status or a code outside the protocol, as a permanent error', async () => {
    const unknownStatus = { deviceId: 'device-1', batchNo: 1, results: [{ opId, status: 'MAYBE' }] };
    const error = await refusal(answering(200, unknownStatus).pushBatch('{}'));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('không đúng giao thức');
    expect(error.messageEn).toContain('does not follow the protocol');
    const unknownCode = {
      deviceId: 'device-1',
      batchNo: 1,
      results: [{ opId, status: 'REJECTED', error: { code: 'SOMETHING_NEW', message: 'x', messageEn: 'x' } }],
    };
    expect((await refusal(answering(200, unknownCode).pushBatch('{}'))).kind).toBe('permanent');
    // Another service at the central's address: a 200 of some other JSON.
    expect((await refusal(answering(200, { hello: 'world' }).pushBatch('{}'))).kind).toBe('permanent');
  });

  it('keeps the code and message of a refusal, and retries on a 5xx', async () => {
    const gap = await refusal(
      answering(409, { error: { code: 'GAP', message: 'Thiếu lô dữ liệu', messageEn: 'Gap', details: { expected: 3 } } }).pushBatch('{}'),
    );
    expect(gap).toMatchObject({ kind: 'permanent', status: 409, code: 'GAP', message: 'Thiếu lô dữ liệu', messageEn: 'Gap' });
    expect((await refusal(answering(503, { error: { code: 'DB_DOWN', message: 'x' } }).pushBatch('{}'))).kind).toBe('retry');
  });

  it('skips changes of kinds it does not know and refuses a known kind that does not fit', async () => {
    const person = {
      id: opId,
      fullName: 'Lò Thị Mai',
      dateOfBirth: '1990-01-01',
      sex: 'female',
      personalId: '001190000001',
      provinceCode: '01',
      communeCode: '00004',
    };
    const page = {
      changes: [
        { seq: 1, kind: 'participant', payload: person },
        { seq: 2, kind: 'visit.recorded', payload: { anything: true } },
        { seq: 3, kind: 'review.settled', payload: { opId, code: 'MONTHS_ALREADY_PAID', refunded: [{ receipt: 'A/1', officeCode: 'HN01' }] } },
      ],
      nextCursor: '3',
      hasMore: false,
    };
    const pulled = await answering(200, page).pullChanges(null, 100);
    expect(pulled.changes.map((c) => c.kind)).toEqual(['participant', 'review.settled']);
    expect(pulled.nextCursor).toBe('3');
    const broken = { ...page, changes: [{ seq: 1, kind: 'participant', payload: { ...person, personalId: undefined } }] };
    const error = await refusal(answering(200, broken).pullChanges(null, 100));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('personalId');
  });

  it('refuses an enrollment reply without the device id', async () => {
    const error = await refusal(
      answering(200, { officeCode: 'HN01', provinceCode: '01' }).enroll({ centralUrl: 'x', code: 'ABCDEFGH', publicKey: 'k', deviceName: 'd' }),
    );
    expect(error.kind).toBe('permanent');
  });
});
