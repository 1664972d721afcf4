// Driving the provincial console's API as its pages do (src/shared/console/console-api.ts): sign in
// for the cookie, then GETs and POSTs with it and the `x-console-request` header; or the central's
// app on the test's database with its log lines captured, to see what the console logs.
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { createCentralLog } from '../../../src/central/central-log';
import type { ConsoleOptions } from '../../../src/central/console/console-routes';
import { createCentralApp } from '../../../src/central/http/server';
import { CONSOLE_API, CONSOLE_COOKIE } from '../../../src/shared/console/console-api';
import type { Central } from '../sync/central-fixture';

export interface ConsoleReply {
  status: number;
  json: any;
  setCookie: string | null;
}

export async function consoleCall(
  central: Pick<Central, 'url'>,
  path: string,
  options: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown; cookie?: string; header?: boolean; headers?: Record<string, string> } = {},
): Promise<ConsoleReply> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (method !== 'GET' && options.header !== false) headers['x-console-request'] = '1';
  const response = await fetch(new URL(`${CONSOLE_API.slice(1)}${path}`, central.url), {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, setCookie: response.headers.get('set-cookie') };
}

/** Signs in and returns the cookie to send (`fo_console=…`). */
export async function signIn(central: Pick<Central, 'url'>, username: string, password: string): Promise<string> {
  const reply = await consoleCall(central, '/session', { method: 'POST', body: { username, password } });
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  const cookie = reply.setCookie?.split(';')[0] ?? '';
  expect(cookie.startsWith(`${CONSOLE_COOKIE}=`)).toBe(true);
  return cookie;
}

/** The central's app on `central`'s database with `console` options, and every line its log writes (parsed). */
export function loggedConsoleApp(central: Central, console: ConsoleOptions = {}) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const { app } = createCentralApp({
    database: central.database,
    releasesDir: central.dataDir,
    centralKey: central.key,
    log: createCentralLog({ level: 'info', destination }),
    console,
  });
  return { app, lines };
}
