// Verifies a device's signed request: the device exists and is not revoked, the timestamp is within
// the allowed skew, and the Ed25519 signature covers method, path, timestamp and body hash.
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import { MAX_CLOCK_SKEW_MS, signatureBase } from '../shared/sync/protocol';
import { CentralError } from './central-error';
import type { CentralDb } from './db/schema';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(rawBase64: string) {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(rawBase64, 'base64')]), format: 'der', type: 'spki' });
}

/** Enrolled devices' keys, made once per process rather than on every request (one per device). */
const deviceKeys = new Map<string, KeyObject>();

export function devicePublicKey(rawBase64: string): KeyObject {
  let key = deviceKeys.get(rawBase64);
  if (!key) {
    key = publicKeyFromRaw(rawBase64);
    deviceKeys.set(rawBase64, key);
  }
  return key;
}

export interface AuthenticatedDevice {
  id: string;
  officeCode: string;
  provinceCode: string;
}

/** A request's signing headers, checked before its body is read: who claims to sign it, and when. */
export interface SignedHeaders {
  device: { id: string; officeCode: string; publicKey: string; revokedAt: unknown; provinceCode: string };
  timestamp: string;
  signature: string;
}

/**
 * What can be checked of a signed request before its body is read: the signing headers are there,
 * the device is enrolled, its clock is within the allowed skew. A request failing these is refused
 * without reading a byte of its body.
 */
export async function checkSigningHeaders(db: Kysely<CentralDb>, headers: Headers, now: Date): Promise<SignedHeaders> {
  const deviceId = headers.get('x-device-id');
  const timestamp = headers.get('x-timestamp');
  const signature = headers.get('x-signature');
  if (!deviceId || !timestamp || !signature) {
    throw new CentralError(401, 'UNSIGNED', 'Yêu cầu thiếu chữ ký của thiết bị.', 'The request is not signed by a device.');
  }
  const device = await db
    .selectFrom('devices')
    .innerJoin('offices', 'offices.code', 'devices.officeCode')
    .select(['devices.id', 'devices.officeCode', 'devices.publicKey', 'devices.revokedAt', 'offices.provinceCode'])
    .where('devices.id', '=', deviceId)
    .executeTakeFirst();
  if (!device) throw new CentralError(401, 'UNKNOWN_DEVICE', 'Thiết bị chưa đăng ký với trung tâm.', 'Unknown device.');
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(at - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new CentralError(401, 'CLOCK_SKEW', 'Đồng hồ của máy lệch quá nhiều so với trung tâm; chỉnh lại ngày giờ.', 'The device clock is too far off.');
  }
  return { device, timestamp, signature };
}

/** The signature over method, path, timestamp and the body's hash; then the device must not be revoked. */
export function verifySignedRequest(signed: SignedHeaders, method: string, pathWithQuery: string, bodySha256: string): AuthenticatedDevice {
  const { device, timestamp, signature } = signed;
  const base = signatureBase(method, pathWithQuery, timestamp, bodySha256);
  let valid: boolean;
  try {
    valid = verify(null, Buffer.from(base), devicePublicKey(device.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw new CentralError(401, 'BAD_SIGNATURE', 'Chữ ký của thiết bị không hợp lệ.', 'The device signature does not verify.');
  if (device.revokedAt) throw new CentralError(403, 'DEVICE_REVOKED', 'Thiết bị đã bị thu hồi quyền đồng bộ.', 'This device has been revoked.');
  return { id: device.id, officeCode: device.officeCode, provinceCode: device.provinceCode };
}

export async function authenticateDevice(
  db: Kysely<CentralDb>,
  /** `bodySha256`, when given, is the SHA-256 hex of the body's UTF-8 bytes, computed by the caller. */
  request: { method: string; pathWithQuery: string; headers: Headers; body: string; bodySha256?: string },
  now: Date,
): Promise<AuthenticatedDevice> {
  const signed = await checkSigningHeaders(db, request.headers, now);
  return verifySignedRequest(signed, request.method, request.pathWithQuery, request.bodySha256 ?? createHash('sha256').update(request.body).digest('hex'));
}
