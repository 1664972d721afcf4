// A pushed batch's body is read as bytes: the text and the hash the signature is checked against
// must be exactly what they were when the body was read with Request.text() and the text hashed —
// for well-formed UTF-8, a leading BOM, and malformed bytes alike, whether the length is declared or not.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../../src/central/http/request-body';

const request = (bytes: Uint8Array) => new Request('http://central.test/v1/batches', { method: 'POST', body: bytes });
/** As an office's push arrives: its length declared (read whole), not streamed in chunks (counted as they come). */
const declared = (bytes: Uint8Array) =>
  new Request('http://central.test/v1/batches', { method: 'POST', body: bytes, headers: { 'content-length': String(bytes.byteLength) } });

describe('batch body reading', () => {
  it('gives the text Request.text() gives and the SHA-256 of that text', async () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('{"a":"Nguyễn Thị Ánh 😀"}', ''));
    const bytes = fc.oneof(
      text.map((t) => new TextEncoder().encode(t)),
      text.map((t) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])),
      fc.uint8Array({ maxLength: 40 }),
      fc
        .tuple(
          text,
          fc.uint8Array({ maxLength: 4 }).map((b) => b.map((x) => 0x80 | x)),
        )
        .map(([t, tail]) => new Uint8Array([...new TextEncoder().encode(t), ...tail])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (body) => {
        const expectedText = await request(body).text();
        for (const sent of [request(body), declared(body)]) {
          const read = await readBody(sent);
          expect(read.text).toBe(expectedText);
          expect(read.sha256).toBe(createHash('sha256').update(expectedText).digest('hex'));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
