// A batch's hashes, made once before its transaction: each payload's canonical form and its
// SHA-256 (checked against the payload hash the office sent), and the batch's identity — the
// SHA-256 of its canonical JSON, stored with the batch and compared on every replay (exactly once
// by content). An office sends its batch as that canonical JSON (batch-builder.ts), so the body's
// own SHA-256, already taken for the signature, is the identity whenever the body's text is, piece
// by piece, the canonical JSON of the batch as parsed: comparing the pieces with the body costs
// about half of hashing them again (ADR 0038, third round). Any other body is hashed as before.
import { createHash, hash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { WireBatch } from '../../shared/sync/protocol';

/** The request body as received: its text and the SHA-256 hex of that text's UTF-8 (what the signature covers). */
export interface SentBody {
  text: string;
  sha256: string;
}

export interface BatchHashes {
  /** Each operation's payload as canonical JSON. */
  canonicalPayloads: string[];
  /** SHA-256 hex of each canonical payload. */
  payloadSha256: string[];
  /** SHA-256 hex of `canonicalJson(batch)`: the batch's identity. */
  bodyHash: string;
}

export function batchHashes(batch: WireBatch, sent?: SentBody): BatchHashes {
  const n = batch.ops.length;
  const canonicalPayloads: string[] = new Array(n);
  const payloadSha256: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const text = canonicalJson(batch.ops[i]!.payload);
    canonicalPayloads[i] = text;
    // One-shot `hash` (Node ≥ 20.12) skips the Hash object a createHash call builds.
    payloadSha256[i] = hash('sha256', text, 'hex');
  }
  if (sent) {
    // Each canonical payload is then the body's own text at its place: kept as the slice of the body
    // it was compared with (the body lives as long as the batch anyway), the copy made for the hash is
    // garbage at once, instead of a megabyte a batch the young generation copies while the
    // transaction awaits.
    const slices: string[] = new Array(n);
    if (isCanonicalBody(batch, canonicalPayloads, sent.text, slices)) return { canonicalPayloads: slices, payloadSha256, bodyHash: sent.sha256 };
  }
  return { canonicalPayloads, payloadSha256, bodyHash: batchBodyHash(batch, canonicalPayloads) };
}

/**
 * The pieces of `canonicalJson(batch)` for a parsed batch, in order, assembled from its operations'
 * canonical payloads rather than by sorting every payload a second time. The parsed batch has
 * exactly these keys (zod drops others), written here in sorted order.
 */
function canonicalBatchPieces(batch: WireBatch, canonicalPayloads: readonly string[], emit: (piece: string, payload?: number) => void): void {
  // "audit" sorts before "batchNo"; batches without it (and of earlier releases) hash as before.
  emit(
    `{${batch.audit ? `"audit":${canonicalJson(batch.audit)},` : ''}"batchNo":${JSON.stringify(batch.batchNo)},"deviceId":${JSON.stringify(batch.deviceId)},"ops":[`,
  );
  // The wire schema holds an opId to a UUID's characters, a payload hash to hex and a seq to a
  // positive integer, which JSON writes as they are: quoted here without JSON.stringify (500
  // operations, three calls each); a kind is any text, written by JSON.stringify once per kind.
  const ops = batch.ops;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    emit(`${i === 0 ? '' : ','}{"kind":${kindJson(op.kind)},"opId":"${op.opId}","payload":`);
    emit(canonicalPayloads[i]!, i);
    emit(`,"payloadHash":"${op.payloadHash}","seq":${op.seq}}`);
  }
  emit(']}');
}

const kindsJson = new Map<string, string>();
function kindJson(kind: string): string {
  let json = kindsJson.get(kind);
  if (json === undefined) {
    json = JSON.stringify(kind);
    if (kindsJson.size < 64) kindsJson.set(kind, json);
  }
  return json;
}

/** `canonicalJson(batch)` for a parsed batch (see canonicalBatchPieces). */
export function canonicalBatchJson(batch: WireBatch, canonicalPayloads: readonly string[]): string {
  const pieces: string[] = [];
  canonicalBatchPieces(batch, canonicalPayloads, (piece) => pieces.push(piece));
  return pieces.join('');
}

/**
 * SHA-256 hex of `canonicalBatchJson(batch, canonicalPayloads)`, fed to the hash piece by piece: the
 * same bytes (every piece is whole JSON, so no character is split), without assembling and
 * re-encoding a string of the whole batch (about 6 ms of CPU per 500-operation batch).
 */
export function batchBodyHash(batch: WireBatch, canonicalPayloads: readonly string[]): string {
  const sha = createHash('sha256');
  canonicalBatchPieces(batch, canonicalPayloads, (piece) => sha.update(piece));
  return sha.digest('hex');
}

/**
 * Whether `body` is exactly `canonicalJson(batch)` (canonicalBatchJson), compared piece by piece
 * where each must stand: a slice of the body against each piece, which V8 compares natively (the
 * 500 payloads of a batch in about a quarter of a millisecond; `startsWith` walks them five times
 * slower). Any difference — spaces, another key order, a key the wire format does not know, a
 * character written as an escape, anything after the end — and the body is not canonical.
 * `payloadSlices`, when given, receives each payload's text as the slice of the body it was compared with.
 */
export function isCanonicalBody(batch: WireBatch, canonicalPayloads: readonly string[], body: string, payloadSlices?: string[]): boolean {
  let offset = 0;
  canonicalBatchPieces(batch, canonicalPayloads, (piece, payload) => {
    if (offset < 0) return;
    const end = offset + piece.length;
    const slice = end <= body.length ? body.slice(offset, end) : undefined;
    offset = slice === piece ? end : -1;
    if (payloadSlices && payload !== undefined) payloadSlices[payload] = slice!;
  });
  return offset === body.length;
}
