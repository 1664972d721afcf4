// The central service over HTTP(S): every request after enrollment is signed with the device's
// Ed25519 key (see docs/protocol.md). 5xx, timeouts and network failures are "retry"; 4xx are
// "permanent" and surface to the supervisor — only 5xx means the batch may not have landed. Every
// reply is parsed with the shared schemas: one that does not fit (another service at that address,
// a central of a protocol this release does not know) is a permanent error, never guessed at.
import { createHash, createPrivateKey, type KeyObject, sign } from 'node:crypto';
import type { z } from 'zod';
import { type CentralChange, centralChange, changesResponse } from '../../../shared/sync/changes';
import { batchResponse, type OpResult } from '../../../shared/sync/op-results';
import type { AuditAck } from '../../../shared/sync/operations';
import { enrollResponse, errorBody, signatureBase } from '../../../shared/sync/protocol';
import { type DeviceStatusReport, type OfficeStatusResponse, officeStatusResponse } from '../../../shared/sync/office-status';
import { type PicturePage, picturePage } from '../../../shared/sync/picture';
import type { CentralTransport, PulledPage } from './central-transport';
import { TransportError } from './central-transport';
import type { DeviceKeyPair } from './device-key-store';

const TIMEOUT_MS = 60_000;

export interface HttpTransportOptions {
  baseUrl: string;
  deviceId: string | null;
  keys: DeviceKeyPair | null;
  clock: () => Date;
  fetchImpl?: typeof fetch;
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function isConnectionReset(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return typeof cause?.code === 'string' && RESET_CODES.has(cause.code);
}

export class HttpCentralTransport implements CentralTransport {
  /** The device's key as a key object, made once: a picture's fill signs thousands of requests. */
  private key: { der: string; object: KeyObject } | null = null;

  constructor(private readonly options: HttpTransportOptions) {}

  private signingKey(der: string): KeyObject {
    if (this.key?.der !== der) this.key = { der, object: createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }) };
    return this.key.object;
  }

  private async request(method: 'GET' | 'POST', path: string, body: string | null, signed: boolean): Promise<unknown> {
    const url = new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signed) {
      const { deviceId, keys } = this.options;
      if (!deviceId || !keys) throw new TransportError({ vi: 'Thiết bị chưa đăng ký.', en: 'This device is not enrolled.' }, 'permanent');
      const timestamp = this.options.clock().toISOString();
      const key = this.signingKey(keys.privateKey);
      const signature = sign(
        null,
        Buffer.from(
          signatureBase(
            method,
            url.pathname + url.search,
            timestamp,
            createHash('sha256')
              .update(body ?? '')
              .digest('hex'),
          ),
        ),
        key,
      );
      headers['x-device-id'] = deviceId;
      headers['x-timestamp'] = timestamp;
      headers['x-signature'] = signature.toString('base64');
    }
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await (this.options.fetchImpl ?? fetch)(url, {
          method,
          headers,
          body: body ?? undefined,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        break;
      } catch (error) {
        // A pooled keep-alive connection the central (or a proxy) closed while this process was
        // busy fails at once with a reset. Signed requests are idempotent (a batch applies once per
        // device and number; a pull only reads), so they go again, on a fresh connection.
        if (signed && attempt < 3 && isConnectionReset(error)) continue;
        const cause = (error as Error).message;
        throw new TransportError({ vi: `Không kết nối được máy chủ trung tâm (${cause}).`, en: `Cannot reach the central service (${cause}).` }, 'retry');
      }
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.status >= 500 || json === null) {
      throw new TransportError(
        { vi: `Máy chủ trung tâm trả lỗi ${response.status}; sẽ thử lại.`, en: `The central service answered with error ${response.status}; will try again.` },
        'retry',
        response.status,
      );
    }
    if (response.status >= 400) {
      const refusal = errorBody.safeParse(json);
      const error = refusal.success ? refusal.data.error : undefined;
      const said = error
        ? { vi: error.message, en: error.messageEn ?? error.message }
        : { vi: `Máy chủ trung tâm từ chối yêu cầu (${response.status}).`, en: `The central service refused the request (${response.status}).` };
      throw new TransportError(said, 'permanent', response.status, error?.code);
    }
    return json;
  }

  /** A reply read with its shared schema; one that does not fit is not guessed at. */
  private async reply<S extends z.ZodType>(schema: S, method: 'GET' | 'POST', path: string, body: string | null, signed: boolean): Promise<z.output<S>> {
    const parsed = schema.safeParse(await this.request(method, path, body, signed));
    if (!parsed.success) throw unreadable(path, parsed.error.issues[0]);
    return parsed.data;
  }

  async enroll(input: { centralUrl: string; code: string; publicKey: string; deviceName: string }) {
    const body = JSON.stringify({ code: input.code, publicKey: input.publicKey, deviceName: input.deviceName });
    const result = await this.reply(enrollResponse, 'POST', 'v1/enroll', body, false);
    return { deviceId: result.deviceId, centralPublicKey: result.centralPublicKey ?? null, centralSealingRecipient: result.centralSealingRecipient ?? null };
  }

  async pushBatch(batchBody: string): Promise<{ results: OpResult[]; auditAck?: AuditAck | undefined }> {
    const result = await this.reply(batchResponse, 'POST', 'v1/batches', batchBody, true);
    return { results: result.results, auditAck: result.auditAck };
  }

  async pullChanges(cursor: string | null, limit: number): Promise<PulledPage> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const path = `v1/changes?${query.toString()}`;
    const page = await this.reply(changesResponse, 'GET', path, null, true);
    const changes: CentralChange[] = [];
    for (const change of page.changes) {
      // Kinds this release does not know are skipped on purpose: a newer central may send more.
      if (!KNOWN_CHANGES.has(change.kind)) continue;
      const parsed = centralChange.safeParse(change);
      if (!parsed.success) throw unreadable(path, parsed.error.issues[0]);
      changes.push(parsed.data);
    }
    return { changes, nextCursor: page.nextCursor, hasMore: page.hasMore, reset: page.reset };
  }

  async pullPicture(cursor: string | null, limit: number): Promise<PicturePage> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    return this.reply(picturePage, 'GET', `v1/picture?${query.toString()}`, null, true);
  }

  async reportStatus(report: DeviceStatusReport): Promise<OfficeStatusResponse> {
    return this.reply(officeStatusResponse, 'POST', 'v1/office/status', JSON.stringify(report), true);
  }
}

const KNOWN_CHANGES: ReadonlySet<string> = new Set(centralChange.options.map((option) => option.shape.kind.value));

function unreadable(path: string, issue: { path: PropertyKey[]; message: string } | undefined): TransportError {
  const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : '';
  const endpoint = `${path.split('?')[0]} ${where}`;
  return new TransportError(
    {
      vi: `Máy chủ trung tâm trả lời không đúng giao thức (${endpoint}); hãy kiểm tra địa chỉ máy chủ hoặc cập nhật ứng dụng.`,
      en: `The central service's answer does not follow the protocol (${endpoint}); check the server address or update the app.`,
    },
    'permanent',
  );
}
