// Test fixture: a real central service (Hono app on PGlite, or on a fresh PostgreSQL database of
// the TEST_DATABASE_URL server) on a loopback port, plus office cores in temp folders enrolled with it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createOffice, issueEnrollmentCode } from '../../../src/central/admin';
import { type CentralKey, loadCentralKey } from '../../../src/central/central-signing-key';
import { type CentralDatabase, openCentralDatabase } from '../../../src/central/db/central-database';
import { createCentralLog } from '../../../src/central/central-log';
import type { ConsoleOptions } from '../../../src/central/console/console-routes';
import { type CentralAppOptions, createCentralApp } from '../../../src/central/http/server';
import { FraudSignals } from '../../../src/central/signals/fraud-signals';
import type { SignalConfig } from '../../../src/central/signals/signal-config';
import type { Clock } from '../../../src/main/core/clock';
import { createOfficeCore, type OfficeCore } from '../../../src/main/core/office-core';
import { type CentralBackend, freshPostgresDatabase } from '../fixtures/test-postgres';

export const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

export interface Central {
  url: string;
  database: CentralDatabase;
  dataDir: string;
  /** Its signing key and sealing identity (result files, sealed batch files). */
  key: CentralKey;
  /** The PostgreSQL database's URL (other server processes may share it); null on PGlite. */
  databaseUrl: string | null;
  /** The fraud signals, recomputed after each batch (only when asked for: `startCentral(backend, { signals })`). */
  signals?: FraudSignals;
  close(): Promise<void>;
}

/** The central's app on a free loopback port, quiet (a test reads what it needs from the answers and the database, not from the request log). */
export async function serveCentral(
  database: CentralDatabase,
  dataDir: string,
  key: CentralKey,
  options: Pick<CentralAppOptions, 'signals' | 'clock' | 'console'> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const { app } = createCentralApp({
    database,
    releasesDir: join(dataDir, 'releases'),
    centralKey: key,
    log: createCentralLog({ level: 'silent' }),
    ...options,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function startCentral(
  backend: CentralBackend = 'pglite',
  options: { signals?: SignalConfig; clock?: () => Date; console?: ConsoleOptions } = {},
): Promise<Central> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-central-'));
  const postgres = backend === 'postgres' ? await freshPostgresDatabase() : null;
  const database = await openCentralDatabase({ dataDir, resourcesDir, databaseUrl: postgres?.url });
  const key = await loadCentralKey(dataDir);
  const signals = options.signals ? new FraudSignals(database.db, options.signals, options.clock) : undefined;
  const server = await serveCentral(database, dataDir, key, {
    ...(signals ? { signals } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.console ? { console: options.console } : {}),
  });
  return {
    url: server.url,
    database,
    dataDir,
    key,
    databaseUrl: postgres?.url ?? null,
    ...(signals ? { signals } : {}),
    close: async () => {
      await server.stop();
      await signals?.idle();
      await database.close();
      await postgres?.drop();
    },
  };
}

export interface Office {
  core: OfficeCore;
  token: string;
  dataDir: string;
  call<T>(method: string, input: unknown): Promise<T>;
}

export async function startOffice(
  central: Central,
  officeCode: string,
  options: { clock?: Clock; centralUrl?: string; deviceName?: string; supervisorName?: string } = {},
): Promise<Office> {
  await createOffice(central.database.db, { code: officeCode, name: `BHXH cơ sở ${officeCode}`, provinceCode: '01' });
  const code = await issueEnrollmentCode(central.database.db, officeCode);
  const dataDir = mkdtempSync(join(tmpdir(), `fo-office-${officeCode}-`));
  const core = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0, ...(options.clock ? { clock: options.clock } : {}) });
  const { token, call } = await setUpAndEnroll(core, {
    officeCode,
    centralUrl: options.centralUrl ?? central.url,
    code,
    ...(options.deviceName ? { deviceName: options.deviceName } : {}),
    ...(options.supervisorName ? { supervisorName: options.supervisorName } : {}),
  });
  return { core, token, dataDir, call };
}

/** A new core's office set up (its supervisor signed in) and its device enrolled with `code`. */
export async function setUpAndEnroll(
  core: OfficeCore,
  o: { officeCode: string; centralUrl: string; code: string; deviceName?: string; supervisorName?: string },
): Promise<Pick<Office, 'token' | 'call'>> {
  let token = '';
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await core.invoke(method, input, token);
    if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { data: result.error });
    return result.value as T;
  };
  token = (
    await call<{ token: string }>('office.setup', {
      officeCode: o.officeCode,
      officeName: `BHXH cơ sở ${o.officeCode}`,
      provinceCode: '01',
      supervisor: { username: 'sup', fullName: o.supervisorName ?? 'Giám Sát Viên', password: 'correct-horse-1' },
    })
  ).token;
  await call('sync.enroll', { centralUrl: o.centralUrl, code: o.code, ...(o.deviceName ? { deviceName: o.deviceName } : {}) });
  return { token, call };
}

/** One month of VSI paid at 2 000 000 đ of income: the recorded receipt's id, series and number. */
export async function payOneMonth(office: Pick<Office, 'call'>, participantId: string, fromMonth: string) {
  const question = { participantId, scheme: 'VSI', fromMonth, months: 1, incomeBasis: 2_000_000 };
  const quote = await office.call<{ total: number }>('contributions.quote', question);
  return (await office.call<{ receipt: { id: string; series: string; number: number } }>('contributions.record', { ...question, expectedTotal: quote.total }))
    .receipt;
}

export const person = (fullName: string, dateOfBirth: string, sex: 'male' | 'female', personalId: string) => ({
  fullName,
  dateOfBirth,
  sex,
  personalId,
  provinceCode: '01',
  communeCode: '00004',
  addressLine: 'Thôn Đông',
});

/**
 * A central service on `backend` with two enrolled offices (OFFA, OFFB), made before a describe
 * block's tests and closed after them: `const world = twoOffices(backend)`, then `world.a` in tests.
 */
export function twoOffices(backend: CentralBackend): { central: Central; a: Office; b: Office } {
  const world = {} as { central: Central; a: Office; b: Office };
  beforeAll(async () => {
    world.central = await startCentral(backend);
    world.a = await startOffice(world.central, 'OFFA');
    world.b = await startOffice(world.central, 'OFFB');
  }, 120_000);
  afterAll(async () => {
    await world.a?.core.close();
    await world.b?.core.close();
    await world.central?.close();
  });
  return world;
}
