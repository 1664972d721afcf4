// A sync run must not fail because a pooled keep-alive connection went stale. The central closes an
// idle connection after its keep-alive timeout (5 s); if the office's event loop was busy meanwhile
// (a long synchronous SQLite job; in the sync benchmark, 100 000 rows loaded into an in-process
// PGlite) the next request goes out on the dead socket and fails with ECONNRESET — that is how the
// benchmark's 100 000-row pull "returned 0 rows". Signed requests are idempotent by protocol (a
// batch applies once per device and number, a pull only reads), so the transport sends them again
// on a fresh connection. A loopback TCP relay stands in for the closed socket, deterministically:
// once told to, it resets any connection that is used for a second request.
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Central, type Office, person, startCentral, startOffice } from './central-fixture';

interface StaleRelay {
  url: string;
  /** From now on, a connection that already carried a request is reset when it carries another. */
  staleAfterFirstRequest(): void;
  resets: number;
  close(): Promise<void>;
}

async function startStaleRelay(upstreamUrl: string): Promise<StaleRelay> {
  const upstream = new URL(upstreamUrl);
  let stale = false;
  const sockets = new Set<Socket>();
  const relay: StaleRelay = {
    url: '',
    resets: 0,
    staleAfterFirstRequest: () => {
      stale = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((client) => {
    const central = createConnection({ host: upstream.hostname, port: Number(upstream.port) });
    sockets.add(client).add(central);
    let used = false;
    client.on('data', (chunk: Buffer) => {
      // A chunk starting a request line on a connection that already carried one: a reused socket.
      const startsRequest = /^(GET|POST) /.test(chunk.toString('latin1', 0, 5));
      if (stale && used && startsRequest) {
        relay.resets++;
        central.destroy();
        client.resetAndDestroy();
        return;
      }
      if (startsRequest) used = true;
      central.write(chunk);
    });
    central.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => central.destroy());
    central.on('error', () => client.destroy());
    client.on('close', () => central.destroy());
    central.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return relay;
}

describe('office sync over a keep-alive connection the central has closed', () => {
  let central: Central;
  let relay: StaleRelay;
  let office: Office;

  beforeAll(async () => {
    central = await startCentral();
    relay = await startStaleRelay(central.url);
    office = await startOffice(central, 'STALE', { centralUrl: relay.url });
  }, 120_000);

  afterAll(async () => {
    await office?.core.close();
    await relay?.close();
    await central?.close();
  });

  it('pulls and pushes on a fresh connection instead of failing the run', async () => {
    expect((await office.call<{ error: string | null }>('sync.pushNow', {})).error).toBeNull();
    relay.staleAfterFirstRequest();

    expect((await office.call<{ error: string | null }>('sync.pushNow', {})).error).toBeNull();
    await office.call('participants.register', person('Đỗ Thị Hạnh', '1985-03-14', 'female', '001185012345'));
    expect(await office.call('sync.pushNow', {})).toMatchObject({ error: null, applied: 1, batches: 1 });

    expect(relay.resets).toBeGreaterThanOrEqual(2);
    expect(await central.database.db.selectFrom('ops').select('opId').execute()).toHaveLength(1);
  });
});
