// The central's batch identity is the SHA-256 of the batch's canonical JSON; it is assembled from
// the operations' canonical payloads, and must be byte for byte what canonicalJson(batch) gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBatchJson } from '../../src/central/ingest/batch-identity';
import { canonicalJson } from '../../src/shared/canonical-json';
import { wireBatch } from '../../src/shared/sync/protocol';

const uuid = fc.uuid();
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
const json = fc.jsonValue();
const payload = fc.dictionary(fc.string(), json);

describe('canonical batch JSON', () => {
  it('is exactly canonicalJson of the parsed batch, whatever the payloads and key order sent', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.tuple(uuid, fc.string({ minLength: 1, maxLength: 64 }), payload, hash, fc.boolean()), { minLength: 1, maxLength: 20 }),
        (deviceId, batchNo, raw) => {
          // Sent with keys in any order, and with a key the wire format does not know.
          const sent = {
            ops: raw.map(([opId, kind, p, payloadHash, reversed], i) =>
              reversed ? { seq: i + 1, payloadHash, payload: p, opId, kind, extra: 1 } : { kind, opId, payload: p, payloadHash, seq: i + 1 },
            ),
            batchNo,
            deviceId,
          };
          const parsed = wireBatch.safeParse(JSON.parse(JSON.stringify(sent)));
          expect(parsed.success).toBe(true);
          const batch = parsed.data!;
          expect(
            canonicalBatchJson(
              batch,
              batch.ops.map((op) => canonicalJson(op.payload)),
            ),
          ).toBe(canonicalJson(batch));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds with an audit section too, which sorts first (ADR 0028)', () => {
    const entry = (seq: number) => ({
      seq,
      at: '2026-03-02T02:00:00.000Z',
      staffId: null,
      action: 'auth.login',
      entity: 'staff',
      entityId: 'x',
      details: '{"b":1,"a":"đ"}',
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40 }), (opCount, entryCount) => {
        const sent = {
          deviceId: 'd',
          batchNo: 7,
          ops: Array.from({ length: opCount }, (_, i) => ({
            opId: '0190a8f0-0000-7000-8000-00000000000' + i,
            seq: i + 1,
            kind: 'k',
            payload: { z: i, a: [i] },
            payloadHash: 'b'.repeat(64),
          })),
          audit: {
            head: { seq: entryCount, hash: 'a'.repeat(64), signature: `${'A'.repeat(86)}==` },
            entries: Array.from({ length: entryCount }, (_, i) => entry(i + 1)),
          },
        };
        const parsed = wireBatch.safeParse(JSON.parse(JSON.stringify(sent)));
        expect(parsed.success).toBe(true);
        const batch = parsed.data!;
        expect(
          canonicalBatchJson(
            batch,
            batch.ops.map((op) => canonicalJson(op.payload)),
          ),
        ).toBe(canonicalJson(batch));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses a batch with neither operations nor audit entries', () => {
    expect(wireBatch.safeParse({ deviceId: 'd', batchNo: 1, ops: [] }).success).toBe(false);
  });
});
