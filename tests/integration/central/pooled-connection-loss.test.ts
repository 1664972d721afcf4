// PostgreSQL may cut the central's resting connections (a restart, a failover, an administrator's
// pg_terminate_backend). The service must not die of it: the pool drops the dead connections and
// the next request — a health check, then a real batch of work — runs on a new one.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';

const postgres = centralBackends().includes('postgres');

describe.skipIf(!postgres)('pooled connections cut by PostgreSQL', () => {
  let central: Central;
  beforeAll(async () => {
    central = await startCentral('postgres');
  }, 120_000);
  afterAll(async () => {
    await central?.close();
  });

  it('keeps serving after the server terminates every resting connection', async () => {
    const health = async () => (await fetch(new URL('healthz', central.url))).status;
    expect(await health()).toBe(200);
    const admin = new pg.Client({ connectionString: central.databaseUrl! });
    await admin.connect();
    const database = new URL(central.databaseUrl!).pathname.slice(1);
    const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    await admin.end();
    expect(cut.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the pool hears of it
    expect(await health()).toBe(200);
    const offices = await central.database.db.selectFrom('offices').select('code').execute();
    expect(Array.isArray(offices)).toBe(true);
  });
});
