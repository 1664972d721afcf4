// Tools for driving the central service's HTTP API directly, as a device would but with full
// control over every byte: a device enrolled with its own Ed25519 key that signs (or mis-signs)
// requests, and real operations made by a real office core's services (read from its outbox), so
// payloads are exactly what offices send.
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { signatureBase, type WireOp } from '../../../src/shared/sync/protocol';
import { createOffice, issueEnrollmentCode } from '../../../src/central/admin';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { CentralDb } from '../../../src/central/db/schema';
import { call, HANOI, type Office, openOffice } from '../fixtures/office-fixture';
import type { CentralBackend } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';

export interface SignOptions {
  timestamp?: Date;
  /** Sign these bytes instead of the body actually sent. */
  signedBody?: string;
  key?: KeyObject;
  /** Send to this server instead of the central's own URL (another process on the same database). */
  baseUrl?: string;
}

export interface Device {
  id: string;
  officeCode: string;
  key: KeyObject;
  /** Next batch number to send. */
  nextBatchNo: number;
  request(method: 'GET' | 'POST', pathWithQuery: string, body?: string, options?: SignOptions): Promise<{ status: number; json: any; type: string | null }>;
}

export function newKeyPair(): { publicKeyRaw: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyRaw: spki.subarray(spki.length - 32).toString('base64'), privateKey };
}

export async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Creates the office (if new) at the central, enrolls a fresh device key with a one-time code. */
export async function enrollDevice(central: Central, officeCode: string, provinceCode = '01'): Promise<Device> {
  await createOffice(central.database.db, { code: officeCode, name: `BHXH ${officeCode}`, provinceCode });
  const code = await issueEnrollmentCode(central.database.db, officeCode);
  const keys = newKeyPair();
  const enrolled = await post(
    new URL('v1/enroll', central.url).toString(),
    JSON.stringify({ code, publicKey: keys.publicKeyRaw, deviceName: `test ${officeCode}` }),
  );
  if (enrolled.status !== 200) throw new Error(`enroll: ${enrolled.status} ${JSON.stringify(enrolled.json)}`);
  const device: Device = {
    id: enrolled.json.deviceId,
    officeCode,
    key: keys.privateKey,
    nextBatchNo: 1,
    async request(method, pathWithQuery, body = '', options = {}) {
      const timestamp = (options.timestamp ?? new Date()).toISOString();
      const bodyHash = createHash('sha256')
        .update(options.signedBody ?? body)
        .digest('hex');
      // Signed as sent: the path and query after URL normalisation (a `'` travels as %27).
      const url = new URL(pathWithQuery.replace(/^\//, ''), options.baseUrl ?? central.url);
      const signature = sign(null, Buffer.from(signatureBase(method, url.pathname + url.search, timestamp, bodyHash)), options.key ?? keys.privateKey);
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-device-id': device.id, 'x-timestamp': timestamp, 'x-signature': signature.toString('base64') },
        body: method === 'POST' ? body : undefined,
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null, type: response.headers.get('content-type') };
    },
  };
  return device;
}

export function batchBody(device: Device, ops: WireOp[], batchNo = device.nextBatchNo): string {
  return canonicalJson({ deviceId: device.id, batchNo, ops });
}

/** Sends the ops as the device's next batch; advances the device's batch number on a 200. */
export async function pushOps(device: Device, ops: WireOp[]): Promise<{ status: number; json: any }> {
  const response = await device.request('POST', '/v1/batches', batchBody(device, ops));
  if (response.status === 200) device.nextBatchNo++;
  return response;
}

/** Takes the office's pending outbox entries as wire operations, numbered from `firstSeq`. */
export async function takeOps(office: Office, firstSeq = 1): Promise<WireOp[]> {
  const rows = await office.core.context.db
    .selectFrom('outbox')
    .select(['opId', 'kind', 'payload', 'payloadHash', 'seq'])
    .where('status', '=', 'pending')
    .orderBy('seq')
    .execute();
  await office.core.context.db.updateTable('outbox').set({ status: 'batched' }).where('status', '=', 'pending').execute();
  return rows.map((r, i) => ({ opId: r.opId, seq: firstSeq + i, kind: r.kind, payload: JSON.parse(r.payload), payloadHash: r.payloadHash }));
}

/** Re-hashes an edited payload so only the content, not the hash, is wrong. */
export function withPayload(op: WireOp, payload: Record<string, unknown>): WireOp {
  return { ...op, payload, payloadHash: createHash('sha256').update(canonicalJson(payload)).digest('hex') };
}

/** Registers a person through the office's real services; enrolls them for VSI and collects 3 months. */
export async function registerAndCollect(office: Office, person: { fullName: string; dateOfBirth: string; sex: 'male' | 'female'; personalId: string }) {
  const token = office.tokens.counter;
  const p = await call(office.core, 'participants.register', { ...person, ...HANOI, addressLine: 'Thôn Đông' }, token);
  await call(office.core, 'enrollments.set', { participantId: p.id, scheme: 'VSI', method: 'quarterly', incomeBasis: 1_500_000, fromMonth: '2026-03' }, token);
  const quote = await call(office.core, 'contributions.quote', { participantId: p.id, scheme: 'VSI', fromMonth: '2026-03', months: 3 }, token);
  const recorded = await call(
    office.core,
    'contributions.record',
    { participantId: p.id, scheme: 'VSI', fromMonth: '2026-03', months: 3, expectedTotal: quote.total },
    token,
  );
  return { participantId: p.id as string, total: quote.total as number, receiptId: recorded.receipt.id as string };
}

/** For one describe block: a central on the backend and an office whose services make real operations. */
export function useCentralAndOffice(backend: CentralBackend, ready: (central: Central, office: Office) => void): void {
  let central: Central | undefined;
  let office: Office | undefined;
  beforeAll(async () => {
    central = await startCentral(backend);
    office = await openOffice();
    ready(central, office);
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await central?.close();
  });
}

export async function countRows(central: Central, table: keyof CentralDb): Promise<number> {
  return Number(
    (
      await central.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The text PostgreSQL gives for a JSON document stored as jsonb: what an office's pull reads, and how a stored record prints. */
export async function asStoredJson(central: Central, json: string): Promise<string> {
  return (await sql<{ t: string }>`SELECT ${json}::jsonb::text AS t`.execute(central.database.db)).rows[0]!.t;
}
