// A loopback HTTP proxy that misbehaves on purpose, for the fault suite: it can drop the reply
// after the upstream has answered (the central committed, the device never heard), send a request
// twice, or refuse before forwarding. Decisions come from a seeded script so runs are repeatable.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'pass' | 'drop-reply' | 'duplicate' | 'refuse';

export interface FaultProxy {
  url: string;
  counts: Record<FaultMode, number>;
  close(): Promise<void>;
}

function forward(upstream: URL, method: string, path: string, headers: Record<string, string | string[] | undefined>, body: Buffer) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest({ hostname: upstream.hostname, port: upstream.port, method, path, headers: { ...headers, host: upstream.host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function startFaultProxy(upstreamUrl: string, choose: (method: string, path: string) => FaultMode): Promise<FaultProxy> {
  const upstream = new URL(upstreamUrl);
  const counts: Record<FaultMode, number> = { pass: 0, 'drop-reply': 0, duplicate: 0, refuse: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const mode = choose(req.method ?? 'GET', req.url ?? '/');
      counts[mode]++;
      try {
        if (mode === 'refuse') {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'proxy refused' } }));
          return;
        }
        let answer = await forward(upstream, req.method ?? 'GET', req.url ?? '/', req.headers, body);
        if (mode === 'duplicate') answer = await forward(upstream, req.method ?? 'GET', req.url ?? '/', req.headers, body);
        if (mode === 'drop-reply') {
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.status, { 'content-type': String(answer.headers['content-type'] ?? 'application/json') });
        res.end(answer.body);
      } catch {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
