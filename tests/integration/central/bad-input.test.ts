// Random bad requests (fast-check) against the real central service: whatever arrives — broken
// JSON, wrong shapes, absurd numbers, forged headers, valid signatures over nonsense — the answer is
// a 4xx with a typed error code, never a 5xx, and nothing is written.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { countRows, type Device, enrollDevice, post } from './central-kit';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

describe.each(centralBackends())('central bad input on %s', (backend) => {
  let central: Central;
  let device: Device;

  beforeAll(async () => {
    central = await startCentral(backend);
    device = await enrollDevice(central, 'FUZZ');
  }, 120_000);

  afterAll(async () => {
    await central?.close();
  });

  async function written(): Promise<number[]> {
    const tables = ['ops', 'batches', 'persons', 'contributions', 'changes', 'devices', 'heldItems'] as const;
    return Promise.all(tables.map((t) => countRows(central, t)));
  }

  function expectTypedRefusal(reply: { status: number; json: any }, what: string) {
    expect(reply.status, what).toBeGreaterThanOrEqual(400);
    expect(reply.status, what).toBeLessThan(500);
    expect(reply.json?.error?.code, what).toMatch(/^[A-Z_]+$/);
    expect(reply.json?.error?.message, what).toEqual(expect.any(String));
  }

  const junk = fc.oneof(
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constant('{'),
    fc.constant(''),
    fc.constant('null'),
  );

  /** Batch-shaped objects with one or more fields wrong. */
  const badBatch = fc.record(
    {
      deviceId: fc.oneof(fc.constant('DEVICE'), fc.string(), fc.integer()),
      batchNo: fc.oneof(fc.integer({ min: -5, max: 0 }), fc.double(), fc.constant(1e300), fc.string(), fc.constant(null)),
      ops: fc.oneof(
        fc.constant([]),
        fc.array(
          fc.record(
            {
              opId: fc.oneof(fc.uuid(), fc.string()),
              seq: fc.oneof(fc.integer(), fc.double()),
              kind: fc.string(),
              payload: fc.oneof(fc.object(), fc.string(), fc.constant(null)),
              payloadHash: fc.string(),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  );

  it('answers random unsigned or badly signed requests with a typed 4xx and writes nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        junk,
        fc.record(
          {
            'x-device-id': fc.oneof(fc.string(), fc.uuid()),
            'x-timestamp': fc.oneof(
              fc.string(),
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            ),
            'x-signature': fc.base64String(),
          },
          { requiredKeys: [] },
        ),
        async (body, headers) => {
          expectTypedRefusal(await post(new URL('v1/batches', central.url).toString(), body, headers), `batches ${body}`);
          expectTypedRefusal(await post(new URL('v1/enroll', central.url).toString(), body), `enroll ${body}`);
        },
      ),
      { numRuns: RUNS },
    );
    expect(await written()).toEqual(before);
  });

  it('answers correctly signed nonsense from an enrolled device with a typed 4xx and writes nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          junk,
          badBatch.map((b) => canonicalJson({ ...b, deviceId: b.deviceId === 'DEVICE' ? device.id : b.deviceId })),
        ),
        async (body) => {
          expectTypedRefusal(await device.request('POST', '/v1/batches', body), body);
        },
      ),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (cursor, limit) => {
        const reply = await device.request('GET', `/v1/changes?cursor=${encodeURIComponent(cursor)}&limit=${encodeURIComponent(limit)}`);
        expect(reply.status).toBe(200);
        expect(Array.isArray(reply.json.changes)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(await written()).toEqual(before);
  });

  it('refuses a body over the size limit before reading it as a batch', async () => {
    const reply = await device.request('POST', '/v1/batches', JSON.stringify({ deviceId: device.id, batchNo: 1, pad: 'x'.repeat(9 * 1024 * 1024) }));
    expectTypedRefusal(reply, 'large');
    expect(reply.json.error.code).toBe('TOO_LARGE');
  });
});
