// The central service over HTTP(S): every request after enrollment is signed with the device's
// Ed25519 key (see docs/protocol.md). 5xx, timeouts and network failures are "retry"; 4xx are
// "permanent" and surface to the supervisor — only 5xx means the batch may not have landed.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import type { CentralTransport, PulledChange } from './central-transport';
import { TransportError } from './central-transport';
import type { DeviceKeyPair } from './device-key-store';
import { type OpResult, signatureBase } from '../../../shared/sync/protocol';

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
  constructor(private readonly options: HttpTransportOptions) {}

  private async request(method: 'GET' | 'POST', path: string, body: string | null, signed: boolean): Promise<unknown> {
    const url = new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signed) {
      const { deviceId, keys } = this.options;
      if (!deviceId || !keys) throw new TransportError('Thiết bị chưa đăng ký.', 'permanent');
      const timestamp = this.options.clock().toISOString();
      const key = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
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
        throw new TransportError(`Không kết nối được máy chủ trung tâm (${(error as Error).message}).`, 'retry');
      }
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (response.status >= 500 || json === null) {
      throw new TransportError(`Máy chủ trung tâm trả lỗi ${response.status}; sẽ thử lại.`, 'retry', response.status);
    }
    if (response.status >= 400) {
      const error = (json as { error?: { code?: string; message?: string } }).error;
      throw new TransportError(error?.message ?? `Máy chủ trung tâm từ chối yêu cầu (${response.status}).`, 'permanent', response.status, error?.code);
    }
    return json;
  }

  async enroll(input: { centralUrl: string; code: string; publicKey: string; deviceName: string }) {
    const body = JSON.stringify({ code: input.code, publicKey: input.publicKey, deviceName: input.deviceName });
    const result = (await this.request('POST', 'v1/enroll', body, false)) as {
      deviceId: string;
      centralPublicKey?: string | null;
      centralSealingRecipient?: string | null;
    };
    return { deviceId: result.deviceId, centralPublicKey: result.centralPublicKey ?? null, centralSealingRecipient: result.centralSealingRecipient ?? null };
  }

  async pushBatch(batchBody: string): Promise<{ results: OpResult[] }> {
    const result = (await this.request('POST', 'v1/batches', batchBody, true)) as { results: OpResult[] };
    return { results: result.results };
  }

  async pullChanges(cursor: string | null, limit: number) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const result = (await this.request('GET', `v1/changes?${query.toString()}`, null, true)) as {
      changes: PulledChange[];
      nextCursor: string | null;
      hasMore: boolean;
      reset?: boolean;
    };
    return result;
  }
}
