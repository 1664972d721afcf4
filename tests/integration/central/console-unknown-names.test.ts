// A console sign-in under a name that is no account is counted and locked by name as an account's
// wrong password is (issue: unknown names were limited only per address): an attacker who rotates
// addresses (behind the proxy, the last X-Forwarded-For entry) still gets five guesses at one name,
// then 15 minutes of LOCKED; the answers — 401 then 423 — are the same, byte for byte, for a known
// and an unknown name; no account is made; the lock ends on the central's clock. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../../src/central/console/staff-accounts';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { consoleCall } from './console-support';

const PASSWORD = 'mật-khẩu-dài-1';
const MINUTE = 60_000;

describe.each(centralBackends())('console sign-in under unknown names on %s', (backend) => {
  let central: Central;
  let offset = 0;
  let addresses = 0;
  const clock = () => new Date(Date.now() + offset);
  beforeAll(async () => {
    // Two attempts a minute per address: every attempt below comes from an address of its own.
    central = await startCentral(backend, { clock, console: { signInRateLimit: { perMinute: 2, trustProxy: true } } });
    await addStaff(central.database.db, { username: 'co-that', displayName: 'Người Có Thật', role: 'reviewer', password: PASSWORD });
  }, 120_000);
  afterAll(async () => central?.close());

  /** A sign-in from a new address each time, as an attacker rotating addresses makes it. */
  const attempt = (username: string, password: string) => {
    addresses += 1;
    const address = `198.51.${Math.floor(addresses / 250)}.${addresses % 250}`;
    return consoleCall(central, '/session', { method: 'POST', body: { username, password }, headers: { 'x-forwarded-for': `203.0.113.7, ${address}` } });
  };

  it('locks an unknown name after five failures from five addresses, with the answers a known name gets', async () => {
    const known: { status: number; json: unknown }[] = [];
    const unknown: { status: number; json: unknown }[] = [];
    for (let i = 1; i <= 6; i++) {
      const k = await attempt('co-that', `sai-${i}-mat-khau`);
      const u = await attempt('khong-co-that', `sai-${i}-mat-khau`);
      known.push({ status: k.status, json: k.json });
      unknown.push({ status: u.status, json: u.json });
      expect(u.setCookie).toBeNull();
    }
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown).toEqual(known);
    expect(unknown[4]!.json).toMatchObject({
      error: { code: 'LOCKED', message: expect.stringMatching(/tạm khóa sau nhiều lần nhập sai/), messageEn: expect.stringMatching(/locked/) },
    });
    // No account was made for the name.
    expect(await central.database.db.selectFrom('consoleStaff').select('username').where('username', '=', 'khong-co-that').execute()).toEqual([]);
    // A name is a name whatever its case or spaces, as for an account.
    expect((await attempt('  Khong-Co-That ', 'sai-7-mat-khau')).status).toBe(423);
  });

  it('keeps the lock for 15 minutes on the central’s clock, then counts afresh', async () => {
    for (let i = 1; i <= 5; i++) await attempt('doan-mo', `sai-${i}-mat-khau`);
    offset = 14 * MINUTE;
    expect((await attempt('doan-mo', 'sai-6-mat-khau')).status).toBe(423);
    offset = 16 * MINUTE;
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await attempt('doan-mo', `sai-lan-hai-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    offset = 0;
  });

  it('counts each name on its own: another unknown name and a known account are not locked by one', async () => {
    for (let i = 1; i <= 5; i++) await attempt('ten-mot', `sai-${i}-mat-khau`);
    expect((await attempt('ten-mot', 'sai-6-mat-khau')).status).toBe(423);
    expect((await attempt('ten-hai', 'sai-1-mat-khau')).status).toBe(401);
    await addStaff(central.database.db, { username: 'nguoi-khac', displayName: 'Người Khác', role: 'reviewer', password: PASSWORD });
    expect((await attempt('nguoi-khac', PASSWORD)).status).toBe(200);
  });
});
