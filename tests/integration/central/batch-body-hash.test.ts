// The central's batch identity (stored with each batch, compared on every replay) is the SHA-256
// of the batch's canonical JSON. It is hashed piece by piece; the digest must be exactly that of
// canonicalJson(batch), whatever the payloads (non-ASCII text, escapes, nesting) and key order sent.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchBodyHash, batchHashes, canonicalBatchJson, isCanonicalBody } from '../../../src/central/ingest/batch-identity';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { wireBatch } from '../../../src/shared/sync/protocol';

const uuid = fc.uuid();
const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Nguyễn Thị Ánh', 'Thôn Đông', '"\\\n', '😀 số 7'));
const payload = fc.dictionary(text, fc.jsonValue());
/** A batch as an office might send it (keys in another order than canonical JSON's), up to `maxOps` operations. */
const sentBatch = (maxOps: number) =>
  fc
    .tuple(
      text.filter((s) => s.length >= 1 && s.length <= 64),
      fc.integer({ min: 1, max: 2 ** 31 }),
      fc.array(fc.tuple(uuid, fc.string({ minLength: 1, maxLength: 64 }), payload, hash), { minLength: 1, maxLength: maxOps }),
    )
    .map(([deviceId, batchNo, raw]) => ({
      ops: raw.map(([opId, kind, p, payloadHash], i) => ({ seq: i + 1, payloadHash, payload: p, opId, kind })),
      deviceId,
      batchNo,
    }));

describe('batch body hash', () => {
  it('is sha256(canonicalJson(batch)) of the parsed batch', () => {
    fc.assert(
      fc.property(sentBatch(20), (sent) => {
        const parsed = wireBatch.safeParse(JSON.parse(JSON.stringify(sent)));
        expect(parsed.success).toBe(true);
        const batch = parsed.data!;
        const canonicalPayloads = batch.ops.map((op) => canonicalJson(op.payload));
        const expected = createHash('sha256').update(canonicalJson(batch)).digest('hex');
        expect(batchBodyHash(batch, canonicalPayloads)).toBe(expected);
        expect(canonicalBatchJson(batch, canonicalPayloads)).toBe(canonicalJson(batch));
      }),
      { numRuns: 300 },
    );
  });
});

// A canonical body's own SHA-256 is taken as the identity (batch-identity.ts): only when its bytes
// are exactly the canonical JSON; any other body (spaces, key order, an unknown key, escapes, a
// byte more) is hashed from the pieces as before, and the identity is the same either way.
describe('batch identity from the body as sent', () => {
  const sha = (body: string) => createHash('sha256').update(body).digest('hex');
  const escapeNonAscii = (json: string) => json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

  it('takes the body hash exactly when the body is canonical, and the identity is sha256(canonicalJson(batch)) either way', () => {
    fc.assert(
      fc.property(sentBatch(12), (sent) => {
        const canonical = canonicalJson(sent);
        const batch = wireBatch.parse(JSON.parse(canonical));
        const expected = createHash('sha256').update(canonicalJson(batch)).digest('hex');
        const bodies = [
          canonical,
          JSON.stringify(sent),
          JSON.stringify(JSON.parse(canonical), null, 1),
          `${canonical} `,
          canonical.replace('"ops":[', '"extra":1,"ops":['),
          escapeNonAscii(canonical),
        ];
        for (const body of bodies) {
          const parsed = wireBatch.parse(JSON.parse(body));
          const { canonicalPayloads, payloadSha256, bodyHash } = batchHashes(parsed, { text: body, sha256: sha(body) });
          expect(bodyHash).toBe(expected);
          // Whether taken from the body (a canonical one) or made, each payload's text is its canonical JSON, hashed as such.
          expect(canonicalPayloads).toEqual(parsed.ops.map((op) => canonicalJson(op.payload)));
          expect(payloadSha256).toEqual(canonicalPayloads.map(sha));
          expect(isCanonicalBody(parsed, canonicalPayloads, body)).toBe(body === canonical);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('hashes the pieces when no body is given, or when the body differs by one character', () => {
    const sent = {
      deviceId: 'd',
      batchNo: 3,
      ops: [{ kind: 'k', opId: '01937f00-0000-7000-8000-000000000001', payload: { tên: 'Nguyễn' }, payloadHash: 'a'.repeat(64), seq: 1 }],
    };
    const canonical = canonicalJson(sent);
    const batch = wireBatch.parse(JSON.parse(canonical));
    const expected = createHash('sha256').update(canonical).digest('hex');
    expect(batchHashes(batch).bodyHash).toBe(expected);
    // The body's hash as told is taken only for the canonical text itself.
    expect(batchHashes(batch, { text: canonical, sha256: 'told' }).bodyHash).toBe('told');
    for (let i = 0; i < canonical.length; i++) {
      const changed = `${canonical.slice(0, i)}${String.fromCharCode(canonical.charCodeAt(i) ^ 0x01)}${canonical.slice(i + 1)}`;
      expect(batchHashes(batch, { text: changed, sha256: 'told' }).bodyHash).toBe(expected);
    }
    expect(batchHashes(batch, { text: canonical.slice(0, -1), sha256: 'told' }).bodyHash).toBe(expected);
    expect(batchHashes(batch, { text: `${canonical}\n`, sha256: 'told' }).bodyHash).toBe(expected);
  });
});
