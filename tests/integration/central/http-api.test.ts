// The central service's other endpoints over real HTTP: health with its database check, the
// OpenAPI document against the routes the server really answers, Prometheus metrics that move
// with traffic, the commit-ordered change feed with paging and RESET, and the update feed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { publishReferenceSchedule } from '../../../src/central/admin';
import { createCentralLog } from '../../../src/central/central-log';
import { routes } from '../../../src/central/http/openapi';
import { createCentralApp } from '../../../src/central/http/server';
import { loadCentralKey } from '../../../src/central/central-signing-key';
import { centralBackends } from '../fixtures/test-postgres';
import type { Office } from '../fixtures/office-fixture';
import { type Central, resourcesDir } from '../sync/central-fixture';
import { batchBody, enrollDevice, pushOps, registerAndCollect, takeOps, useCentralAndOffice } from './central-kit';

describe.each(centralBackends())('central HTTP API on %s', (backend) => {
  let central: Central;
  let office: Office;

  useCentralAndOffice(backend, (c, o) => {
    central = c;
    office = o;
  });

  const get = async (path: string) => {
    const response = await fetch(new URL(path, central.url));
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };

  it('reports health with a live database check', async () => {
    const health = await get('healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toEqual({ ok: true, database: backend });
  });

  it('describes in OpenAPI every route the server answers, each response with a description', async () => {
    const document = JSON.parse((await get('openapi.json')).text);
    expect(document.openapi).toMatch(/^3\.1\./);
    const { app } = createCentralApp({
      database: central.database,
      releasesDir: central.dataDir,
      centralKey: await loadCentralKey(central.dataDir),
      log: createCentralLog({ level: 'silent' }),
    });
    const served = new Set(
      app.routes.filter((r) => r.path !== '*' && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    for (const [path, ops] of Object.entries(document.paths as Record<string, Record<string, { responses: Record<string, { description?: string }> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) expect(response.description, `${method} ${path} ${status}`).toEqual(expect.any(String));
      }
    }
    for (const ref of JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [])
      expect(document.components.schemas[ref.split('/').pop()!]).toBeDefined();
  });

  it('answers each route with a reply that fits the schema its OpenAPI description is generated from', async () => {
    const fits = (path: string, method: 'get' | 'post', status: string, reply: unknown) => {
      const schema = routes[path]![method]!.responses[status] as z.ZodType;
      expect(schema.safeParse(reply).error?.issues, `${method} ${path} ${status}`).toBeUndefined();
    };
    fits('/healthz', 'get', '200', JSON.parse((await get('healthz')).text));
    const device = await enrollDevice(central, 'SCHM');
    await registerAndCollect(office, { fullName: 'Vi Thị Hoà', dateOfBirth: '1983-03-08', sex: 'female', personalId: '001183004321' });
    const ops = await takeOps(office);
    const pushed = await pushOps(device, [...ops, { ...ops[0]!, opId: '01930000-0000-7000-8000-0000000000ff', kind: 'visit.recorded', seq: 99 }]);
    fits('/v1/batches', 'post', '200', pushed.json);
    expect(pushed.json.results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED', 'APPLIED', 'REJECTED']);
    const gap = await device.request('POST', '/v1/batches', JSON.stringify({ deviceId: device.id, batchNo: 9, ops }));
    fits('/v1/batches', 'post', '409', gap.json);
    fits('/v1/changes', 'get', '200', (await device.request('GET', '/v1/changes?limit=5')).json);
    const other = await enrollDevice(central, 'SCHN');
    fits('/v1/changes', 'get', '200', (await other.request('GET', '/v1/changes?limit=5')).json);
    const enrolled = await fetch(new URL('v1/enroll', central.url), {
      method: 'POST',
      body: JSON.stringify({ code: 'NOPE-NOPE', publicKey: 'x', deviceName: 'd' }),
    });
    fits('/v1/enroll', 'post', '400', await enrolled.json());
  });

  it('counts requests, batches, applied operations, rejections and latency in Prometheus text', async () => {
    const read = async () => (await get('metrics')).text;
    const value = (text: string, name: string) => Number(text.match(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm'))?.[1] ?? 0);
    const before = await read();
    const device = await enrollDevice(central, 'METR');
    await registerAndCollect(office, { fullName: 'Nông Thị Hiền', dateOfBirth: '1977-07-07', sex: 'female', personalId: '001177123987' });
    const ops = await takeOps(office);
    const poisoned = { ...ops[2]!, payloadHash: '0'.repeat(64) };
    await pushOps(device, [ops[0]!, ops[1]!, poisoned]);
    const after = await read();
    expect(after).toContain('# TYPE fo_request_seconds histogram');
    expect(value(after, 'fo_batches_total') - value(before, 'fo_batches_total')).toBe(1);
    expect(value(after, 'fo_ops_total{result="APPLIED"}') - value(before, 'fo_ops_total{result="APPLIED"}')).toBe(2);
    expect(value(after, 'fo_rejections_total') - value(before, 'fo_rejections_total')).toBe(1);
    expect(value(after, 'fo_request_seconds_count{route="/v1/batches"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'fo_http_requests_total{route="/v1/batches",status="200"}')).toBeGreaterThanOrEqual(1);
  });

  it('logs one JSON line per request with its id, the device and the batch, and no personal data', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logged = createCentralApp({
      database: central.database,
      releasesDir: central.dataDir,
      centralKey: await loadCentralKey(central.dataDir),
      log: createCentralLog({ level: 'info', destination }),
    });
    const server = serve({ fetch: logged.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const device = await enrollDevice(central, 'LOGS');
      const person = { fullName: 'Triệu Thị Nhật Ký', dateOfBirth: '1979-04-05', sex: 'female' as const, personalId: '001179765432' };
      await registerAndCollect(office, person);
      const ops = await takeOps(office);
      const reply = await device.request('POST', '/v1/batches', batchBody(device, ops), { baseUrl, timestamp: new Date() });
      expect(reply.status).toBe(200);
      const unsigned = await fetch(new URL('v1/batches', baseUrl), { method: 'POST', body: '{}', headers: { 'x-request-id': 'lb-7f3a' } });
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('x-request-id')).toBe('lb-7f3a');
      const batchLine = lines.find((l) => l.route === '/v1/batches' && l.status === 200);
      expect(batchLine).toMatchObject({ level: 30, msg: 'request', method: 'POST', device: device.id, batch: 1, ops: ops.length, replayed: false });
      expect(batchLine!.req).toEqual(expect.any(String));
      expect(lines.find((l) => l.status === 401)).toMatchObject({ req: 'lb-7f3a', route: '/v1/batches' });
      const text = JSON.stringify(lines);
      for (const personal of [person.fullName, person.personalId, 'Triệu', String(ops[0]!.payload.id)]) expect(text).not.toContain(personal);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('pages the change feed in commit order for the device province, and resets a cursor it cannot continue', async () => {
    const writer = await enrollDevice(central, 'FEEDA');
    const reader = await enrollDevice(central, 'FEEDB');
    const elsewhere = await enrollDevice(central, 'FEEDC', '79');
    for (let i = 0; i < 5; i++) {
      await registerAndCollect(office, {
        fullName: `Lò Văn Feed ${'ABCDE'[i]}`,
        dateOfBirth: `1985-03-1${i}`,
        sex: 'male',
        personalId: `001085${String(880000 + i).padStart(6, '0')}`,
      });
      await pushOps(writer, await takeOps(office));
    }
    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const reply = await reader.request('GET', `/v1/changes?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(reply.status).toBe(200);
      seen.push(...reply.json.changes.map((c: { seq: number }) => c.seq));
      cursor = reply.json.nextCursor;
      if (!reply.json.hasMore) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(new Set(seen).size).toBe(seen.length);
    // Each registration's change is the person's stored document at its version.
    const people = await central.database.db.selectFrom('persons').select(['id', 'data', 'version']).where('fullName', 'like', 'Lò Văn Feed%').execute();
    const feed = (await reader.request('GET', '/v1/changes?limit=1000')).json.changes as { payload: { id?: string } }[];
    expect(people).toHaveLength(5);
    for (const person of people) {
      const stored = typeof person.data === 'string' ? JSON.parse(person.data) : person.data;
      expect(feed.find((c) => c.payload.id === person.id)?.payload).toEqual({ ...stored, version: person.version });
    }
    // The writer does not get its own changes back; another province gets none of these people.
    const own = await writer.request('GET', '/v1/changes?limit=1000');
    expect(own.json.changes.filter((c: { kind: string }) => c.kind.startsWith('person'))).toEqual([]);
    const far = await elsewhere.request('GET', '/v1/changes?limit=1000');
    expect(far.json.changes.filter((c: { payload: { fullName?: string } }) => c.payload.fullName?.startsWith('Lò Văn Feed'))).toEqual([]);
    // A cursor from the future (e.g. the central was restored from a backup) is reset, not trusted.
    const reset = await reader.request('GET', `/v1/changes?limit=10&cursor=${Number(cursor) + 1000}`);
    expect(reset.json).toMatchObject({ reset: true, changes: [] });
    const garbage = await reader.request('GET', '/v1/changes?limit=10&cursor=abc');
    expect(garbage.json.reset).toBe(true);
  });

  it('publishes each contribution-rate schedule version once on the feed to every province', async () => {
    const shipped = JSON.parse(readFileSync(join(resourcesDir, 'reference', 'contribution-rates.json'), 'utf8'));
    const next = { ...shipped, version: '2027-01-01.1', baseSalary: [...shipped.baseSalary, { from: '2027-01-01', value: 2_800_000, source: 'thử nghiệm' }] };
    expect(await publishReferenceSchedule(central.database.db, next)).toBe(true);
    expect(await publishReferenceSchedule(central.database.db, next)).toBe(false);
    await expect(publishReferenceSchedule(central.database.db, { version: 'x' })).rejects.toMatchObject({ code: 'VALIDATION' });
    for (const province of ['01', '79']) {
      const device = await enrollDevice(central, `REF${province}`, province);
      const feed = await device.request('GET', '/v1/changes?limit=5000');
      const versions = feed.json.changes
        .filter((c: { kind: string }) => c.kind === 'reference.contribution-rates')
        .map((c: { payload: { version: string } }) => c.payload.version);
      expect(versions).toEqual([shipped.version, '2027-01-01.1']);
    }
  });

  it('serves the update feed from the releases folder and nothing outside it', async () => {
    const releases = join(central.dataDir, 'releases');
    mkdirSync(releases, { recursive: true });
    writeFileSync(join(releases, 'latest.yml'), 'version: 0.2.0\npath: Field-Office-Setup-0.2.0.exe\n');
    const latest = await get('updates/latest.yml');
    expect(latest.status).toBe(200);
    expect(latest.type).toContain('yaml');
    expect(latest.text).toContain('version: 0.2.0');
    writeFileSync(join(central.dataDir, 'secret.txt'), 'not for download');
    for (const path of ['updates/..%2Fsecret.txt', 'updates/%2e%2e%2fsecret.txt', 'updates/missing.yml']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('not for download');
    }
  });
});
