// The central HTTP API (Hono). Stateless: every request reads and writes PostgreSQL (or PGlite),
// so any number of processes can serve behind a load balancer. Only 5xx means "retry".
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { z } from 'zod';
import { type UpdateChannel, updateChannels } from '../../shared/sync/changes';
import { type EnrollResponse, enrollRequest } from '../../shared/sync/protocol';
import { deviceStatusReport } from '../../shared/sync/office-status';
import { enrollDevice } from '../admin';
import { CentralError } from '../central-error';
import { type CentralLog, createCentralLog } from '../central-log';
import type { CentralKey } from '../central-signing-key';
import { changesFor, FEED_MAX_PAGE } from '../changes-feed';
import type { CentralDatabase } from '../db/central-database';
import type { FraudSignals } from '../signals/fraud-signals';
import { applyBatch } from '../ingest/apply-batch';
import { parseWireBatch } from '../ingest/wire-batch-check';
import { type ConsoleOptions, registerConsoleRoutes } from '../console/console-routes';
import { channelFeed, isFeedFile } from '../releases';
import { officeStatus } from '../office-status';
import { PICTURE_MAX_PAGE, picturePageFor } from '../picture-feed';
import { authenticateDevice, checkSigningHeaders, verifySignedRequest } from '../request-auth';
import { Metrics } from './metrics';
import type { RateLimit } from './rate-limit';
import { registerVerifyRoutes } from './verify-routes';
import { registerConsolePages } from './console-pages';
import { healthResponse, openApiDocument } from './openapi';
import { badRequest, MAX_BATCH_BYTES, MAX_ENROLL_BYTES, parseJson, readBody, refuseDeclaredOversize } from './request-body';

/** A device's status report is a few numbers. */
const MAX_STATUS_BYTES = 16 * 1024;

export interface CentralAppOptions {
  database: CentralDatabase;
  releasesDir: string;
  clock?: () => Date;
  metrics?: Metrics;
  /** The structured log (pino); by default JSON lines on stdout at LOG_LEVEL. */
  log?: CentralLog;
  centralKey: CentralKey;
  /** The public receipt check's limit per address and minute (default 30), and whether to read the address from a reverse proxy. */
  verifyRateLimit?: Partial<RateLimit>;
  /** Fraud signals recomputed for a batch's office once it is answered (issue 22 item 5). */
  signals?: FraudSignals;
  /** The built provincial console's folder (default: beside the built central, or out/console from source). */
  consoleDir?: string;
  /** The provincial console's sessions and sign-in limit (console/console-routes.ts, ADR 0032). */
  console?: ConsoleOptions;
}

/** What a request's log line says besides its route and status: who signed it and which batch. */
interface RequestFacts {
  device?: string;
  batch?: number;
  ops?: number;
  replayed?: boolean;
}

/** A load balancer's request id, if it is a plain token; otherwise one of our own. */
const requestIdOf = (given: string | undefined) => (given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID());

export function createCentralApp(options: CentralAppOptions): { app: Hono<{ Variables: { facts: RequestFacts; requestId: string } }>; metrics: Metrics } {
  const { db } = options.database;
  const clock = options.clock ?? (() => new Date());
  const metrics = options.metrics ?? new Metrics();
  const log = options.log ?? createCentralLog();
  const app = new Hono<{ Variables: { facts: RequestFacts; requestId: string } }>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    const facts: RequestFacts = {};
    c.set('requestId', requestId);
    c.set('facts', facts);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath ?? c.req.path;
    metrics.request(route, c.res.status, seconds);
    c.res.headers.set('x-request-id', requestId);
    log.info({ req: requestId, method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000), ...facts }, 'request');
  });

  app.onError((error, c) => {
    if (error instanceof CentralError) {
      // A refused body is not read to its end: the connection closes after the answer.
      if (error.status === 413) c.header('connection', 'close');
      return c.json(error.toJson(), error.status);
    }
    log.error({ req: c.get('requestId'), err: error, ...c.get('facts') }, 'request failed');
    return c.json({ error: { code: 'INTERNAL', message: 'Lỗi máy chủ trung tâm; hãy thử lại sau.', messageEn: 'Internal error; retry later.' } }, 500);
  });

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'Không có địa chỉ này.', messageEn: 'No such endpoint.' } }, 404));

  app.get('/healthz', async (c) => {
    try {
      await sql`SELECT 1`.execute(db);
      return c.json({ ok: true as const, database: options.database.kind } satisfies z.output<typeof healthResponse>);
    } catch {
      return c.json({ error: { code: 'DB_DOWN', message: 'Không kết nối được cơ sở dữ liệu.', messageEn: 'Database unavailable.' } }, 503);
    }
  });

  app.get('/metrics', async (c) => c.text(await metrics.render(), 200, { 'content-type': metrics.contentType }));
  app.get('/openapi.json', (c) => c.json(openApiDocument));

  app.post('/v1/enroll', async (c) => {
    const parsed = enrollRequest.safeParse(parseJson((await readBody(c.req.raw, MAX_ENROLL_BYTES)).text));
    if (!parsed.success) throw badRequest(parsed.error.issues[0]);
    return c.json({
      ...(await enrollDevice(db, parsed.data)),
      centralPublicKey: options.centralKey.publicKeyRaw,
      centralSealingRecipient: options.centralKey.sealingRecipient,
    } satisfies EnrollResponse);
  });

  app.post('/v1/batches', async (c) => {
    // Before a byte of the body: its declared size, then who signs it (headers, device, clock).
    refuseDeclaredOversize(c.req.raw.headers, MAX_BATCH_BYTES);
    const signed = await checkSigningHeaders(db, c.req.raw.headers, clock());
    const { text: body, sha256: bodySha256 } = await readBody(c.req.raw, MAX_BATCH_BYTES);
    const url = new URL(c.req.url);
    const device = verifySignedRequest(signed, 'POST', url.pathname + url.search, bodySha256);
    const facts = c.get('facts');
    facts.device = device.id;
    const parsed = parseWireBatch(parseJson(body));
    if (!parsed.success) throw badRequest(parsed.error.issues[0]);
    facts.batch = parsed.data.batchNo;
    facts.ops = parsed.data.ops.length;
    const outcome = await applyBatch(db, device, parsed.data, { centralKey: options.centralKey, now: clock }, { text: body, sha256: bodySha256 });
    facts.replayed = outcome.replayed;
    metrics.batch(outcome.replayed, outcome.counts);
    if (!outcome.replayed) options.signals?.afterBatch(device, parsed.data);
    return c.body(outcome.responseJson, 200, { 'content-type': 'application/json' });
  });

  app.get('/v1/changes', async (c) => {
    const url = new URL(c.req.url);
    const device = await authenticateDevice(db, { method: 'GET', pathWithQuery: url.pathname + url.search, headers: c.req.raw.headers, body: '' }, clock());
    c.get('facts').device = device.id;
    const limit = Math.min(FEED_MAX_PAGE, Math.max(1, Number(c.req.query('limit') ?? 1000) || 1000));
    const page = await changesFor(db, device, c.req.query('cursor') ?? null, limit);
    await db.updateTable('devices').set({ lastSeenAt: clock() }).where('id', '=', device.id).execute();
    return c.body(page, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });

  app.get('/v1/picture', async (c) => {
    const url = new URL(c.req.url);
    const device = await authenticateDevice(db, { method: 'GET', pathWithQuery: url.pathname + url.search, headers: c.req.raw.headers, body: '' }, clock());
    const limit = Math.min(PICTURE_MAX_PAGE, Math.max(1, Number(c.req.query('limit') ?? 5000) || 5000));
    const page = await picturePageFor(db, device, c.req.query('cursor') ?? null, limit);
    return c.body(page, 200, { 'content-type': 'application/json; charset=UTF-8' });
  });

  app.post('/v1/office/status', async (c) => {
    refuseDeclaredOversize(c.req.raw.headers, MAX_STATUS_BYTES);
    const signed = await checkSigningHeaders(db, c.req.raw.headers, clock());
    const { text: body, sha256: bodySha256 } = await readBody(c.req.raw, MAX_STATUS_BYTES);
    const url = new URL(c.req.url);
    const device = verifySignedRequest(signed, 'POST', url.pathname + url.search, bodySha256);
    const parsed = deviceStatusReport.safeParse(parseJson(body));
    if (!parsed.success) throw badRequest(parsed.error.issues[0]);
    return c.json(await officeStatus(db, device, parsed.data, clock()));
  });

  registerConsoleRoutes(app, { db, clock, log, metrics, options: options.console ?? {} });
  registerVerifyRoutes(app, options.database, { perMinute: 30, trustProxy: false, ...options.verifyRateLimit }, clock);
  registerConsolePages(app, options.consoleDir);

  // The electron-updater feed per channel (releases.ts): `latest*.yml` from the channel's newest
  // live release, installers from the releases folder. `/updates/<file>` is the stable channel, for
  // apps of an earlier version (and a latest.yml dropped in the folder by hand, as before).
  const serveUpdate = async (channel: UpdateChannel, requested: string) => {
    const file = basename(requested);
    if (isFeedFile(file)) {
      const feed = await channelFeed(db, channel, file);
      if (feed !== null) return new Response(feed, { headers: { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-cache' } });
    }
    const path = join(options.releasesDir, file);
    if (file !== requested || !existsSync(path) || !statSync(path).isFile() || file.endsWith('.partial')) {
      throw new CentralError(404, 'NOT_FOUND', 'Không có bản cập nhật này.', 'No such update file.');
    }
    const type = file.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream';
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
      headers: { 'content-type': type, 'content-length': String(statSync(path).size) },
    });
  };
  app.get('/updates/:file', (c) => serveUpdate('stable', c.req.param('file')));
  app.get('/updates/:channel/:file', (c) => {
    const channel = c.req.param('channel');
    if (!(updateChannels as readonly string[]).includes(channel))
      throw new CentralError(404, 'NOT_FOUND', 'Không có kênh cập nhật này.', 'No such update channel.');
    return serveUpdate(channel as UpdateChannel, c.req.param('file'));
  });

  return { app, metrics };
}
