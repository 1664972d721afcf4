// The central refuses a body it will not take before holding it (issue 24 item 6): a real central
// process is sent 300 MB posts — declared, streamed unsigned, streamed with a device's headers but
// no valid signature, four at once, and 24 MB of three-byte characters — and each is answered with
// its typed error while the process's peak memory grows by less than 50 MB (it grew to 1 GB). The
// first 300 MB post and the four at once each meet a central process of their own, so what an
// earlier post made the process hold cannot hide what the next one would.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/office-fixture';

const MiB = 1024 * 1024;
let data: { dir: string; remove(): void };
let central: ChildProcess;
let base: URL;
let deviceId: string;

async function startCentralProcess(): Promise<void> {
  data = tempDir('field-office-central-big-');
  central = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/central-process.ts', data.dir, 'BIG01'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: central.stdout! }).once('line', resolve);
    central.once('exit', (code) => reject(new Error(`central exited ${code}`)));
  });
  const { url, codes } = JSON.parse(first) as { url: string; codes: Record<string, string> };
  base = new URL(url);
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
  const enrolled = await fetch(new URL('/v1/enroll', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: codes.BIG01, publicKey, deviceName: 'BIG01 test' }),
  });
  deviceId = ((await enrolled.json()) as { deviceId: string }).deviceId;
  expect(deviceId).toBeTruthy();
}

async function stopCentralProcess(): Promise<void> {
  const exited = new Promise((resolve) => central.once('exit', resolve));
  central?.kill('SIGTERM');
  await exited;
  data.remove();
}

/** A fresh central process for a describe block's tests. */
function ownCentral(): void {
  beforeAll(startCentralProcess, 120_000);
  afterAll(stopCentralProcess);
}

/** The central's peak resident memory since the last reset, in MiB (Linux: VmHWM, reset through clear_refs). */
function peakMiB(): number {
  const status = readFileSync(`/proc/${central.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
function currentMiB(): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${central.pid}/status`, 'utf8'))![1]) / 1024;
}
function resetPeak(): void {
  writeFileSync(`/proc/${central.pid}/clear_refs`, '5');
}

/** How many answers the central gave on /v1/batches with `status`, from its own metrics. */
async function answered(status: number): Promise<number> {
  const text = await (await fetch(new URL('/metrics', base))).text();
  const line = text.split('\n').find((l) => l.startsWith(`fo_http_requests_total{route="/v1/batches",status="${status}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Posts `total` bytes of `byte` in 1 MiB pieces, declared or streamed (chunked), and stops writing
 * once the answer arrives; resolves with the status and the JSON error. The central closes the
 * connection after refusing, with the rest of the body unread: a client still writing then may
 * see the connection reset before it has read the answer (on a loaded machine it does, now and
 * then). Then what the central answered is read from its own metrics instead.
 */
async function post(
  total: number,
  options: { declared: boolean; headers?: Record<string, string>; piece?: Buffer },
): Promise<{ status: number; code: string }> {
  const before = { 413: await answered(413), 401: await answered(401) };
  const sent = await new Promise<{ status: number; code: string } | 'reset'>((resolve, reject) => {
    const piece = options.piece ?? Buffer.alloc(MiB, 0x61);
    let responded = false;
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path: '/v1/batches',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.declared ? { 'content-length': String(total) } : {}), ...options.headers },
      },
      (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, code: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error: { code: string } }).error.code }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (responded) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve('reset');
      else reject(error);
    });
    let sent = 0;
    const write = () => {
      while (!responded && sent < total) {
        const part = piece.subarray(0, Math.min(piece.length, total - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', write);
      }
      if (!responded) req.end();
    };
    write();
  });
  if (sent !== 'reset') return sent;
  for (const [status, code] of [
    [413, 'TOO_LARGE'],
    [401, 'UNSIGNED'],
  ] as const) {
    if ((await answered(status)) > before[status]) return { status, code };
  }
  return { status: 0, code: 'RESET_WITHOUT_ANSWER' };
}

const signedHeaders = () => ({ 'x-device-id': deviceId, 'x-timestamp': new Date().toISOString(), 'x-signature': Buffer.alloc(64).toString('base64') });

describe('the central refuses a body before holding it', () => {
  ownCentral();

  it('answers 300 MB declared in Content-Length with 413 without reading it', async () => {
    resetPeak();
    const before = currentMiB();
    expect(await post(300 * MiB, { declared: true })).toEqual({ status: 413, code: 'TOO_LARGE' });
    expect(peakMiB() - before).toBeLessThan(50);
  });

  it('answers 300 MB streamed without a signature with 401 before reading it', async () => {
    resetPeak();
    const before = currentMiB();
    expect(await post(300 * MiB, { declared: false })).toEqual({ status: 401, code: 'UNSIGNED' });
    expect(peakMiB() - before).toBeLessThan(50);
  });

  it("stops reading 300 MB streamed with a device's headers at the limit, and answers 413", async () => {
    resetPeak();
    const before = currentMiB();
    expect(await post(300 * MiB, { declared: false, headers: signedHeaders() })).toEqual({ status: 413, code: 'TOO_LARGE' });
    expect(peakMiB() - before).toBeLessThan(50);
  });

  it('counts bytes, not characters: 24 MB of three-byte characters is over the 8 MiB limit', async () => {
    const threeByte = Buffer.from('ễ'.repeat(MiB / 3), 'utf8');
    expect(await post(24 * MiB, { declared: false, headers: signedHeaders(), piece: threeByte })).toEqual({ status: 413, code: 'TOO_LARGE' });
    expect(await post(24 * MiB, { declared: true, headers: signedHeaders(), piece: threeByte })).toEqual({ status: 413, code: 'TOO_LARGE' });
  });
});

describe('the central holds several large posts at once to the limit each', () => {
  ownCentral();

  it('holds four 50 MB posts at once to the limit each', async () => {
    resetPeak();
    const before = currentMiB();
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(50 * MiB, { declared: false, headers: signedHeaders() })));
    expect(answers).toEqual(Array.from({ length: 4 }, () => ({ status: 413, code: 'TOO_LARGE' })));
    expect(peakMiB() - before).toBeLessThan(50);
    // And it goes on answering.
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
  });
});
