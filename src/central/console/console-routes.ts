// The provincial console's API under /console/api (issue 22 item 6, src/shared/console/console-api.ts,
// ADR 0032): sign-in and sessions, offices and devices, held items, staff; the findings and the
// drill-down in console-findings-routes.ts. Every request is parsed with the contract's schema;
// every change is done by the same functions the CLI uses and logged (who, what — never a name of
// a citizen); registered from server.ts with one call.
import { type Env, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  CONSOLE_API,
  CONSOLE_BASE,
  CONSOLE_COOKIE,
  devicesResponse,
  enrollmentCodeResponse,
  heldResponse,
  officesResponse,
  reanchorAuditRequest,
  reanchorAuditResponse,
  ok,
  sessionInfo,
  signInRequest,
  signInFailuresResponse,
  staffPasswordRequest,
  staffResponse,
} from '../../shared/console/console-api';
import { issueEnrollmentCode, listHeldItems, markHeldReviewed, revokeDevice } from '../admin';
import { reanchorDeviceAudit } from '../audit/audit-reanchor';
import { CentralError } from '../central-error';
import type { CentralLog } from '../central-log';
import type { CentralDb } from '../db/schema';
import { clientAddress, overLimit, type RateLimit } from '../http/rate-limit';
import { bodyWith, type ConsoleEnv, headerRule, needs, parseWith } from './console-guard';
import { devicesOverview, officesOverview } from './console-overview';
import { endSession, type SessionPolicy, startSession, useSession } from './console-sessions';
import { registerFindingsRoutes } from './console-findings-routes';
import { prepareDummyHash } from './password-hash';
import { listSignInFailures } from './sign-in-failures';
import { authenticateStaff, disableStaff, listStaff, setStaffPassword } from './staff-accounts';
import type { Metrics } from '../http/metrics';
import type { Kysely } from 'kysely';

export interface ConsoleOptions {
  /** Minutes without a request before a session ends (default 15). */
  idleTimeoutSeconds?: number;
  /** Hours after sign-in before any session ends (default 12). */
  lifetimeSeconds?: number;
  /** The cookie only over https: set when the central is served behind TLS. */
  secureCookie?: boolean;
  /** Sign-in attempts per address and minute (default 10), and whether to read the address from a reverse proxy. */
  signInRateLimit?: Partial<RateLimit>;
}

export interface ConsoleDeps {
  db: Kysely<CentralDb>;
  clock: () => Date;
  log: CentralLog;
  /** Counts refused sign-ins, for an alert on guessing. */
  metrics: Pick<Metrics, 'signInRefused'>;
  options: ConsoleOptions;
}

const id = z.string().trim().min(1).max(100);
const officeCode = z.string().regex(/^[A-Z0-9]{2,12}$/);
const officeQuery = z.object({ office: officeCode.optional() });
const username = z.string().trim().toLowerCase().min(1).max(64);
const heldQuery = z.object({ all: z.enum(['0', '1', 'true', 'false']).optional() });

/** The console's routes, mounted at /console/api on the central's app. */
export function consoleApi(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const { db, clock, log, metrics, options } = deps;
  // Whole seconds, at least one (a configured fraction of a minute stays a whole number for the pages).
  const seconds = (value: number | undefined, fallback: number) => Math.max(1, Math.round(value && Number.isFinite(value) ? value : fallback));
  const policy: SessionPolicy = {
    idleTimeoutSeconds: seconds(options.idleTimeoutSeconds, 15 * 60),
    lifetimeSeconds: seconds(options.lifetimeSeconds, 12 * 3600),
  };
  const limit: RateLimit = { perMinute: 10, trustProxy: false, ...options.signInRateLimit };
  const secure = options.secureCookie ?? false;
  const reviewer = needs(db, 'reviewer', policy, clock);
  const administrator = needs(db, 'administrator', policy, clock);
  const acted = (c: { get(key: 'staff'): { username: string }; get(key: 'requestId'): string }, action: string, about: Record<string, unknown>) =>
    log.info({ req: c.get('requestId'), staff: c.get('staff').username, action, ...about }, 'console action');
  void prepareDummyHash();
  const api = new Hono<ConsoleEnv>();
  api.use('*', headerRule);

  // ── Session ──
  api.post('/session', async (c) => {
    const now = clock();
    if (await overLimit(db, 'console-sign-in', clientAddress(c, limit.trustProxy), limit, now)) {
      metrics.signInRefused('RATE_LIMITED');
      throw new CentralError(
        429,
        'RATE_LIMITED',
        'Quá nhiều lần đăng nhập từ địa chỉ này; hãy thử lại sau ít phút.',
        'Too many sign-in attempts from this address; retry in a few minutes.',
      );
    }
    const { username, password } = await bodyWith(c, signInRequest);
    const staff = await authenticateStaff(db, username, password, now).catch((error: unknown) => {
      if (error instanceof CentralError) {
        metrics.signInRefused(error.code);
        log.warn({ req: c.get('requestId'), action: 'sign-in', refused: error.code }, 'console sign-in refused');
      }
      throw error;
    });
    setCookie(c, CONSOLE_COOKIE, await startSession(db, staff.username, policy, now), { httpOnly: true, sameSite: 'Strict', path: CONSOLE_BASE, secure });
    log.info({ req: c.get('requestId'), staff: staff.username, action: 'sign-in' }, 'console action');
    return c.json(sessionInfo.parse({ ...staff, idleTimeoutSeconds: policy.idleTimeoutSeconds }));
  });
  api.get('/session', reviewer, (c) => c.json(sessionInfo.parse({ ...c.get('staff'), idleTimeoutSeconds: policy.idleTimeoutSeconds })));
  api.delete('/session', async (c) => {
    const token = getCookie(c, CONSOLE_COOKIE);
    const staff = await useSession(db, token, policy, clock()).catch(() => null);
    await endSession(db, token);
    deleteCookie(c, CONSOLE_COOKIE, { path: CONSOLE_BASE, secure, httpOnly: true, sameSite: 'Strict' });
    if (staff) log.info({ req: c.get('requestId'), staff: staff.username, action: 'sign-out' }, 'console action');
    return c.json(ok.parse({ ok: true }));
  });

  // ── Offices and devices ──
  api.get('/offices', reviewer, async (c) => c.json(officesResponse.parse({ offices: await officesOverview(db, clock()) })));
  api.get('/devices', reviewer, async (c) => {
    const { office } = parseWith(officeQuery, c.req.query());
    return c.json(devicesResponse.parse({ devices: await devicesOverview(db, office) }));
  });
  api.post('/devices/:id/revoke', administrator, async (c) => {
    const device = parseWith(id, c.req.param('id'));
    await revokeDevice(db, device);
    acted(c, 'device.revoke', { device });
    return c.json(ok.parse({ ok: true }));
  });
  api.post('/devices/:id/audit-reanchor', administrator, async (c) => {
    const device = parseWith(id, c.req.param('id'));
    const { note } = await bodyWith(c, reanchorAuditRequest);
    const done = await reanchorDeviceAudit(db, { deviceId: device, by: c.get('staff').username, note });
    acted(c, 'device.audit-reanchor', { device, fromSeq: done.fromSeq, toSeq: done.toSeq });
    return c.json(reanchorAuditResponse.parse(done));
  });
  api.post('/offices/:code/enrollment-codes', administrator, async (c) => {
    const office = parseWith(officeCode, c.req.param('code'));
    const code = await issueEnrollmentCode(db, office);
    acted(c, 'enrollment-code.issue', { office });
    return c.json(enrollmentCodeResponse.parse({ code, officeCode: office }));
  });

  // ── Held registrations and payment reviews ──
  api.get('/held', reviewer, async (c) => {
    const { all } = parseWith(heldQuery, c.req.query());
    const items = await listHeldItems(db, { all: all === '1' || all === 'true' });
    return c.json(heldResponse.parse({ items: items.map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString() })) }));
  });
  api.post('/held/:opId/review', reviewer, async (c) => {
    const opId = parseWith(id, c.req.param('opId'));
    await markHeldReviewed(db, opId);
    acted(c, 'held.review', { op: opId });
    return c.json(ok.parse({ ok: true }));
  });

  registerFindingsRoutes(api, { db, reviewer, acted, clock });

  // ── Staff ──
  api.get('/staff', administrator, async (c) => c.json(staffResponse.parse({ staff: await listStaff(db) })));
  // The refused sign-ins kept for review (ADR 0044), the last 30 days.
  api.get('/sign-in-failures', administrator, async (c) =>
    c.json(signInFailuresResponse.parse({ days: 30, failures: await listSignInFailures(db, clock(), 30) })),
  );
  // As `admin staff disable|password` on the CLI; the password is never logged.
  api.post('/staff/:username/disable', administrator, async (c) => {
    const account = parseWith(username, c.req.param('username'));
    if (account === c.get('staff').username)
      throw new CentralError(
        409,
        'CONFLICT',
        'Không thể tự vô hiệu hóa tài khoản của chính mình; hãy nhờ một quản trị viên khác.',
        'You cannot disable your own account; ask another administrator.',
      );
    await disableStaff(db, account);
    acted(c, 'staff.disable', { account });
    return c.json(ok.parse({ ok: true }));
  });
  api.post('/staff/:username/password', administrator, async (c) => {
    const account = parseWith(username, c.req.param('username'));
    const { password } = await bodyWith(c, staffPasswordRequest);
    await setStaffPassword(db, account, password);
    acted(c, 'staff.password', { account });
    return c.json(ok.parse({ ok: true }));
  });
  return api;
}

/** Mounts the console's API on the central's app (server.ts). */
export function registerConsoleRoutes<E extends Env>(app: Hono<E>, deps: ConsoleDeps): void {
  app.route(CONSOLE_API, consoleApi(deps));
}
