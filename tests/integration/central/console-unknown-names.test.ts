// A console sign-in under a name that is no account is counted and locked by name as an account's
// wrong password is (issue: unknown names were limited only per address): an attacker who rotates
// addresses (behind the proxy, the last X-Forwarded-For entry) still gets five guesses at one name,
// then 15 minutes of LOCKED; the answers — 401 then 423 — are the same, byte for byte, for a known
// and an unknown name; no account is made; the lock ends on the central's clock. Every refusal is
// kept per day and name after the lockout forgets the name (ADR 0044), a day's made-up names capped,
// the days kept 400 days. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAILURE_DAYS_KEPT,
  forgetOldFailureDays,
  listSignInFailures,
  NAMES_PER_DAY,
  OTHER_NAMES,
  recordSignInFailure,
} from '../../../src/central/console/sign-in-failures';
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

  it('keeps every refusal per day and name after the lockout has forgotten the name', async () => {
    const start = clock();
    for (let i = 1; i <= 6; i++) await attempt('quen-roi', `sai-${i}-mat-khau`);
    // The lockout's row forgotten, as its sweep does 30 quiet days on: the name counts afresh…
    await central.database.db.deleteFrom('consoleUnknownNameFailures').where('username', '=', 'quen-roi').execute();
    offset = 31 * 24 * 60 * MINUTE;
    expect((await attempt('quen-roi', 'sai-7-mat-khau')).status).toBe(401);
    // …but the day of the six refusals (five counted, the fifth locking, one while locked) is kept.
    const kept = await listSignInFailures(central.database.db, clock(), 40);
    const days = kept.filter((r) => r.username === 'quen-roi');
    expect(days.map(({ known, failures, locks }) => ({ known, failures, locks }))).toEqual([
      { known: false, failures: 1, locks: 0 },
      { known: false, failures: 6, locks: 1 },
    ]);
    expect(days[1]!.day).toBe(new Date(start.getTime() + 7 * 3_600_000).toISOString().slice(0, 10));
    // The known account's refusals of the first test, by name: four wrong, one locking, one while locked.
    expect(kept.find((r) => r.username === 'co-that')).toMatchObject({ known: true, failures: 6, locks: 1 });
    // The console's administrators read the last 30 days on the staff page; a reviewer may not.
    await addStaff(central.database.db, { username: 'quan-tri', displayName: 'Quản Trị', role: 'administrator', password: PASSWORD });
    const cookieOf = async (username: string) => (await attempt(username, PASSWORD)).setCookie!.split(';')[0]!;
    const listed = await consoleCall(central, '/sign-in-failures', { cookie: await cookieOf('quan-tri') });
    expect(listed.status).toBe(200);
    expect(listed.json.days).toBe(30);
    expect(listed.json.failures.filter((r: { username: string }) => r.username === 'quen-roi')).toMatchObject([{ known: false, failures: 1, locks: 0 }]);
    expect((await consoleCall(central, '/sign-in-failures', { cookie: await cookieOf('co-that') })).status).toBe(403);
    offset = 0;
  });

  it('keeps at most a hundred made-up names a day, the rest summed; accounts always by name; 400 days', async () => {
    const db = central.database.db;
    const day = new Date(Date.now() + 90 * 24 * 3_600_000);
    for (let i = 0; i < NAMES_PER_DAY + 5; i++) await recordSignInFailure(db, `ten-bia-${i}`, false, false, day);
    await recordSignInFailure(db, 'co-that', true, false, day);
    const rows = (await listSignInFailures(db, day, 1)).filter((r) => !r.known);
    expect(rows).toHaveLength(NAMES_PER_DAY + 1);
    expect(rows.filter((r) => r.username.startsWith('ten-bia-')).every((r) => r.failures === 1)).toBe(true);
    expect(rows.find((r) => r.username === OTHER_NAMES)).toMatchObject({ failures: 5 });
    expect((await listSignInFailures(db, day, 1)).find((r) => r.known)).toMatchObject({ username: 'co-that', failures: 1 });
    // The day is kept 400 days, then forgotten.
    const later = (days: number) => new Date(day.getTime() + days * 24 * 3_600_000);
    const thatDay = async (now: Date) => (await listSignInFailures(db, now, FAILURE_DAYS_KEPT + 10)).filter((r) => r.username === 'ten-bia-0');
    await forgetOldFailureDays(db, later(FAILURE_DAYS_KEPT - 1));
    expect(await thatDay(later(FAILURE_DAYS_KEPT - 1))).toHaveLength(1);
    await forgetOldFailureDays(db, later(FAILURE_DAYS_KEPT + 1));
    expect(await thatDay(later(FAILURE_DAYS_KEPT + 1))).toHaveLength(0);
  });
});
