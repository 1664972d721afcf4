// Request bodies, read as bytes and never past a limit. The central is on the internet: an unsigned
// 300 MB POST to /v1/batches once grew the process to 1 GB before its 413, four 50 MB posts at
// once to 600 MB, and a limit that counted characters let 24 MB of three-byte characters through.
// So a declared Content-Length over the limit is refused before a byte is read, a body is counted
// in bytes as it arrives, and reading stops at the limit: at most `limit` bytes per request are
// ever held. The refusal closes the connection after the answer (the rest is not read).
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { CentralError } from '../central-error';

/** A batch of 500 operations is ~0.4 MB; 8 MiB leaves room for the largest the office makes. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** An enrollment is a code, a key and a name. */
export const MAX_ENROLL_BYTES = 16 * 1024;

function tooLarge(limit: number): CentralError {
  return new CentralError(413, 'TOO_LARGE', `Nội dung yêu cầu quá lớn (tối đa ${limit} byte).`, `The request body is too large (at most ${limit} bytes).`);
}

/** Refuses, before reading, a body whose declared length is over `limit` (or not a length at all). */
export function refuseDeclaredOversize(headers: Headers, limit: number): void {
  const declared = headers.get('content-length');
  if (declared === null) return;
  if (!/^\d{1,16}$/.test(declared.trim())) {
    throw new CentralError(400, 'VALIDATION', 'Độ dài nội dung (Content-Length) không hợp lệ.', 'The Content-Length is not valid.');
  }
  if (Number(declared) > limit) throw tooLarge(limit);
}

/** The body's bytes, counted as they arrive; over `limit`, reading stops and the request is refused. */
export async function readBytes(request: Request, limit: number): Promise<Buffer> {
  refuseDeclaredOversize(request.headers, limit);
  // A declared length within the limit bounds the body (HTTP reads exactly that many bytes as it):
  // read whole, through @hono/node-server's direct read of the Node request, without the web stream
  // and its promise per chunk (about a millisecond of CPU per batch). Undeclared (chunked): counted below.
  if (request.headers.get('content-length') !== null) return Buffer.from(await request.arrayBuffer());
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not cancelled: cancelling destroys the socket before the 413 can be sent. Released, the
      // rest waits unread until the answer is written and the connection closed.
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The body as text (as `Request.text()` decodes it: UTF-8, a leading BOM dropped, malformed bytes
 * replaced) and the SHA-256 hex of that text's UTF-8 bytes, which the signature covers. For
 * well-formed UTF-8 without a BOM the text's bytes are the body's: they are hashed as received and
 * decoded by Buffer (a quarter cheaper than TextDecoder, and no re-encoding of the text to hash it).
 */
export async function readBody(request: Request, limit = MAX_BATCH_BYTES): Promise<{ text: string; sha256: string }> {
  const bytes = await readBytes(request, limit);
  if (isUtf8(bytes) && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    return { text: bytes.toString('utf8'), sha256: hash('sha256', bytes, 'hex') };
  }
  const text = new TextDecoder().decode(bytes);
  return { text, sha256: hash('sha256', text, 'hex') };
}

/** A request that does not fit its schema: its first problem, with the field. */
export function badRequest(issue: { path: PropertyKey[]; message: string } | undefined): CentralError {
  const field = issue?.path.map(String).join('.');
  return new CentralError(
    400,
    'VALIDATION',
    `Dữ liệu không hợp lệ${field ? ` (${field})` : ''}: ${issue?.message ?? ''}`,
    `Invalid request${field ? ` (${field})` : ''}.`,
    undefined,
    field,
  );
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CentralError(400, 'BAD_JSON', 'Nội dung yêu cầu không phải JSON hợp lệ.', 'The body is not valid JSON.');
  }
}
