// The central service scales out as stateless processes on one PostgreSQL database: two real
// server processes (the CLI, as deployed) receive the same batches at the same moment, and every
// operation still has exactly one effect and one answer. PostgreSQL only: PGlite is one process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBackends } from '../fixtures/test-postgres';
import { openOffice, type Office } from '../fixtures/office-fixture';
import { type Central, startCentral } from '../sync/central-fixture';
import { batchBody, countRows, enrollDevice, registerAndCollect, takeOps } from './central-kit';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-central-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/central/cli.ts', 'serve', '--port', '0', '--data', dataDir], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`central did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`central exited ${code}: ${output}`)));
  });
}

const backends = centralBackends().filter((b) => b === 'postgres');

describe.skipIf(backends.length === 0)('two central processes on one PostgreSQL', () => {
  let central: Central;
  let office: Office;
  const servers: ChildProcess[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    central = await startCentral('postgres');
    office = await openOffice();
    const started = await Promise.all([startServer(central.databaseUrl!), startServer(central.databaseUrl!)]);
    servers.push(...started.map((s) => s.child));
    urls = started.map((s) => (s.url.endsWith('/') ? s.url : `${s.url}/`));
  }, 120_000);

  afterAll(async () => {
    for (const child of servers) child.kill('SIGTERM');
    await office?.close();
    await central?.close();
  });

  it('applies each batch once when both processes receive it at the same time, many times over', async () => {
    const device = await enrollDevice(central, 'TWOPR');
    const count = (table: 'persons' | 'contributions' | 'ops' | 'batches') => countRows(central, table);
    const before = { persons: await count('persons'), contributions: await count('contributions'), ops: await count('ops') };
    for (let batchNo = 1; batchNo <= 5; batchNo++) {
      await registerAndCollect(office, {
        fullName: `Bế Văn Hai ${'ABCDE'[batchNo - 1]}`,
        dateOfBirth: `1970-01-0${batchNo}`,
        sex: 'male',
        personalId: `001070${String(330000 + batchNo).padStart(6, '0')}`,
      });
      const body = batchBody(device, await takeOps(office, batchNo * 10), batchNo);
      // Three copies to each process, all in flight together.
      const replies = await Promise.all([...urls, ...urls, ...urls].map((baseUrl) => device.request('POST', '/v1/batches', body, { baseUrl })));
      for (const reply of replies) {
        expect(reply.status).toBe(200);
        expect(reply.json).toEqual(replies[0]!.json);
      }
      expect(replies[0]!.json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    }
    expect(await count('persons')).toBe(before.persons + 5);
    expect(await count('contributions')).toBe(before.contributions + 5);
    expect(await count('ops')).toBe(before.ops + 15);
  });
});
