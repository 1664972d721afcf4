// The browser harness answers only its own page (issue 24 item 3): a request addressed to another
// name (DNS rebinding) or sent from another site (a cross-site form post) is refused with the typed
// envelope before it reaches the core; a malformed % escape is a 400 and a body over the limit a
// 413, each with the envelope, never a 500 or a reset connection.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeCore } from '../../src/main/core/office-core';
import { startHarness } from '../../src/harness/harness-server';
import { call, openCore, tempDir } from './fixtures/office-fixture';

const data = tempDir('field-office-harness-');
const rendererDir = join(data.dir, 'renderer');
let core: OfficeCore;
let server: Server;
let port: number;

beforeAll(async () => {
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Field Office</title>');
  core = await openCore(join(data.dir, 'office'));
  server = await startHarness({ invoke: core.invoke, rendererDir, port: 0 });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await core.close();
  data.remove();
});

interface Answer {
  status: number;
  body: any;
}

/** One raw HTTP request with the headers given as they are (Host included), the body sent chunked when `chunked`. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // a static file
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined && options.chunked) {
      const body = Buffer.from(options.body);
      // Written in pieces with no declared length; the answer may come before the end.
      for (let at = 0; at < body.length; at += 256 * 1024) req.write(body.subarray(at, at + 256 * 1024));
      req.end();
    } else req.end(options.body);
  });
}

const setup = JSON.stringify({
  officeCode: 'EVIL01',
  officeName: 'Văn phòng giả',
  provinceCode: '01',
  supervisor: { username: 'attacker', fullName: 'Kẻ Gian', password: 'attacker-password' },
});

const stillNotSetUp = async () => expect(await call(core, 'session.current', {})).toMatchObject({ state: 'not-set-up' });

describe('the harness answers only its own page', () => {
  it('refuses a request addressed to another name (DNS rebinding) before it reaches the core', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`, `127.0.0.1.evil.example:${port}`]) {
      const answer = await send('/rpc/office.setup', { headers: { host }, body: setup });
      expect(answer.status, host).toBe(403);
      expect(answer.body, host).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String), messageEn: expect.any(String) } });
    }
    expect((await send('/', { method: 'GET', headers: { host: `evil.example:${port}` } })).status).toBe(403);
    await stillNotSetUp();
  });

  it('refuses a cross-site post (another Origin, a null Origin, or a browser saying cross-site)', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: `http://evil.example:${port}` },
      { origin: 'null' },
      { origin: `https://127.0.0.1:${port}` },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of crossSite) {
      const answer = await send('/rpc/office.setup', { headers: { ...headers, 'content-type': 'text/plain' }, body: setup });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    await stillNotSetUp();
  });

  it('answers its own page: 127.0.0.1 or localhost on its port, with or without its own Origin', async () => {
    const ownPage: Record<string, string>[] = [
      {},
      { origin: `http://127.0.0.1:${port}` },
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      { 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of ownPage) {
      const answer = await send('/rpc/session.current', { headers, body: '{}' });
      expect(answer, JSON.stringify(headers)).toMatchObject({ status: 200, body: { ok: true, value: { state: 'not-set-up' } } });
    }
    expect((await send('/', { method: 'GET' })).body).toContain('<title>Field Office</title>');
  });
});

describe('malformed and oversized requests get the typed envelope', () => {
  it('answers a malformed % escape with 400, on the RPC path and for a page', async () => {
    for (const path of ['/rpc/auth.login%E0%A4%A', '/%zz', '/assets/%C0%AF']) {
      const answer = await send(path, { method: path.startsWith('/rpc/') ? 'POST' : 'GET', body: path.startsWith('/rpc/') ? '{}' : undefined });
      expect(answer.status, path).toBe(400);
      expect(answer.body, path).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.any(String), messageEn: expect.any(String) } });
    }
  });

  it('answers a body over the limit with 413, whether its length was declared or not', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const declared = await send('/rpc/session.current', { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const streamed = await send('/rpc/session.current', { body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // And the harness goes on answering.
    expect((await send('/rpc/session.current', { body: '{}' })).status).toBe(200);
  });
});
