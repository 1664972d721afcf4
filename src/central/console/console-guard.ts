// The console API's gate (ADR 0032), in front of every /console/api route: answers are never
// cached; a request that changes something (anything but GET and HEAD) must carry
// `x-console-request: 1` — a form or a script of another origin cannot add it without a CORS
// preflight the central never grants — and a route names the least role it needs: no session is
// 401, a reviewer on an administrator's route is 403 FORBIDDEN.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CONSOLE_COOKIE, CONSOLE_REQUEST_HEADER, type ConsoleRole } from '../../shared/console/console-api';
import { CentralError } from '../central-error';
import { badRequest, parseJson, readBody } from '../http/request-body';
import type { CentralDb } from '../db/schema';
import { type ConsoleSession, type SessionPolicy, useSession } from './console-sessions';

export interface ConsoleEnv {
  Variables: { staff: ConsoleSession; requestId: string; facts: Record<string, unknown> };
}

export const headerRule: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  c.header('cache-control', 'no-store');
  c.header('x-content-type-options', 'nosniff');
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header(CONSOLE_REQUEST_HEADER) !== '1') {
    throw new CentralError(
      403,
      'CONSOLE_HEADER_REQUIRED',
      `Yêu cầu thay đổi dữ liệu phải đến từ trang quản trị (thiếu tiêu đề ${CONSOLE_REQUEST_HEADER}).`,
      `A request that changes something must come from the console's pages (the ${CONSOLE_REQUEST_HEADER} header is missing).`,
    );
  }
  await next();
};

const RANK: Record<ConsoleRole, number> = { reviewer: 1, administrator: 2 };

/** A route for staff of at least this role. */
export function needs(db: Kysely<CentralDb>, role: ConsoleRole, policy: SessionPolicy, clock: () => Date): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const staff = await useSession(db, getCookie(c, CONSOLE_COOKIE), policy, clock());
    if (RANK[staff.role] < RANK[role]) {
      throw new CentralError(403, 'FORBIDDEN', 'Chỉ quản trị viên mới được làm việc này.', 'Only an administrator may do this.');
    }
    c.set('staff', staff);
    const facts = c.get('facts') as Record<string, unknown> | undefined;
    if (facts) facts.staff = staff.username;
    await next();
  };
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(parsed.error.issues[0]);
  return parsed.data;
}

/** A sign-in or a note: at most 16 KiB. */
const MAX_CONSOLE_BODY = 16 * 1024;

/** The body as JSON, parsed with the schema. */
export async function bodyWith<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, parseJson((await readBody(c.req.raw, MAX_CONSOLE_BODY)).text));
}
