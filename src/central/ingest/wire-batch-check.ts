// A batch's envelope (`wireBatch`: device, number, operations) checked at the central without zod
// (ADR 0038, fifth round): zod's parse copies the batch and each of its 500 operations key by key,
// where the hot payloads inside are already taken as sent (contribution-record-check.ts,
// participant-register-check.ts). Accepted only when `wireBatch` would accept the value AND return
// it unchanged: plain objects and arrays, every declared key there, none undeclared or undefined, no
// audit section (that goes through zod, as does anything else). It never refuses: zod then accepts
// the batch or names its first problem exactly as before. wire-batch-check.test.ts holds the two together.
import { type WireBatch, wireBatch } from '../../shared/sync/protocol';
import { intIn, matches, plain, strMax } from './quick-check';

const OP_ID = /^[0-9a-f-]{36}$/i;
const PAYLOAD_HASH = /^[0-9a-f]{64}$/;
export const batchKeys = new Set(['deviceId', 'batchNo', 'ops']);
export const opKeys = new Set(['opId', 'seq', 'kind', 'payload', 'payloadHash']);

const opId = matches(OP_ID);
const payloadHash = matches(PAYLOAD_HASH);
const positive = intIn(1, Number.MAX_SAFE_INTEGER);
const shortText = strMax(64, 1);

function op(v: unknown): boolean {
  if (!plain(v, opKeys)) return false;
  const payload = v['payload'];
  return (
    opId(v['opId']) &&
    positive(v['seq']) &&
    shortText(v['kind']) &&
    typeof payload === 'object' &&
    payload !== null &&
    !Array.isArray(payload) &&
    payloadHash(v['payloadHash'])
  );
}

/** True only when `wireBatch` accepts `v` and its output is `v`, value for value. */
export function wireBatchFits(v: unknown): v is WireBatch {
  if (!plain(v, batchKeys) || !shortText(v['deviceId']) || !positive(v['batchNo'])) return false;
  const ops = v['ops'];
  if (!Array.isArray(ops) || Object.getPrototypeOf(ops) !== Array.prototype || ops.length === 0 || ops.length > 500) return false;
  for (let i = 0; i < ops.length; i++) if (!op(ops[i])) return false;
  return true;
}

/** The batch as `wireBatch.safeParse` gives it: the value itself when it fits, else zod's answer. */
export function parseWireBatch(v: unknown): ReturnType<typeof wireBatch.safeParse> {
  return wireBatchFits(v) ? { success: true, data: v } : wireBatch.safeParse(v);
}
