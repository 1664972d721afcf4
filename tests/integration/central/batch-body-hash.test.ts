// The central's batch identity (stored with each batch, compared on every replay) is the SHA-256
// of the batch's canonical JSON. It is hashed piece by piece; the digest must be exactly that of
// canonicalJson(batch), whatever the payloads (non-ASCII text, escapes, nesting) and key order sent.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchBodyHash, canonicalBatchJson } from '../../../src/central/ingest/apply-batch';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { wireBatch } from '../../../src/shared/sync/protocol';

const uuid = fc.uuid();
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Nguyễn Thị Ánh', 'Thôn Đông', '"\\\n', '😀 số 7'));
const payload = fc.dictionary(text, fc.jsonValue());

describe('batch body hash', () => {
  it('is sha256(canonicalJson(batch)) of the parsed batch', () => {
    fc.assert(
      fc.property(
        text.filter((s) => s.length >= 1 && s.length <= 64),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.tuple(uuid, fc.string({ minLength: 1, maxLength: 64 }), payload, hash), { minLength: 1, maxLength: 20 }),
        (deviceId, batchNo, raw) => {
          const sent = { ops: raw.map(([opId, kind, p, payloadHash], i) => ({ seq: i + 1, payloadHash, payload: p, opId, kind })), deviceId, batchNo };
          const parsed = wireBatch.safeParse(JSON.parse(JSON.stringify(sent)));
          expect(parsed.success).toBe(true);
          const batch = parsed.data!;
          const canonicalPayloads = batch.ops.map((op) => canonicalJson(op.payload));
          const expected = createHash('sha256').update(canonicalJson(batch)).digest('hex');
          expect(batchBodyHash(batch, canonicalPayloads)).toBe(expected);
          expect(canonicalBatchJson(batch, canonicalPayloads)).toBe(canonicalJson(batch));
        },
      ),
      { numRuns: 300 },
    );
  });
});
