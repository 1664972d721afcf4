// The provincial console's accounts and sessions (ADR 0032), on PGlite and PostgreSQL, through the
// central's real HTTP server: sign-in right, wrong, unknown, locked and disabled; the cookie's
// attributes; idle and absolute expiry on the central's clock; the header rule on every request that
// changes something; each role's allowed and refused routes; the per-address sign-in limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffice } from '../../../src/central/admin';
import { createCentralLog } from '../../../src/central/central-log';
import { addStaff, disableStaff, setStaffPassword } from '../../../src/central/console/staff-accounts';
import { createCentralApp } from '../../../src/central/http/server';
import { sessionInfo, staffResponse } from '../../../src/shared/console/console-api';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { consoleCall, loggedConsoleApp, signIn } from './console-support';

const PASSWORD = 'mật-khẩu-dài-1';
const MINUTE = 60_000;

describe.each(centralBackends())('console accounts and sessions on %s', (backend) => {
  let central: Central;
  let offset = 0;
  const clock = () => new Date(Date.now() + offset);
  beforeAll(async () => {
    central = await startCentral(backend, { clock, console: { idleTimeoutSeconds: 15 * 60, lifetimeSeconds: 30 * 60, signInRateLimit: { perMinute: 1000 } } });
    const db = central.database.db;
    await addStaff(db, { username: 'quantri', displayName: 'Nguyễn Quản Trị', role: 'administrator', password: PASSWORD });
    await addStaff(db, { username: 'xemxet', displayName: 'Trần Xem Xét', role: 'reviewer', password: PASSWORD });
  }, 120_000);
  afterAll(async () => central?.close());

  it('signs in with the right password: an HttpOnly, SameSite=Strict cookie on /console, not Secure over http', async () => {
    const reply = await consoleCall(central, '/session', { method: 'POST', body: { username: ' XemXet ', password: PASSWORD } });
    expect(reply.status).toBe(200);
    expect(sessionInfo.parse(reply.json)).toEqual({ username: 'xemxet', displayName: 'Trần Xem Xét', role: 'reviewer', idleTimeoutSeconds: 900 });
    expect(reply.setCookie).toMatch(/^fo_console=[\w-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/);
    const cookie = reply.setCookie!.split(';')[0]!;
    expect((await consoleCall(central, '/session', { cookie })).json).toMatchObject({ username: 'xemxet', role: 'reviewer' });
    // Only the token's hash is stored.
    const stored = await central.database.db.selectFrom('consoleSessions').select('tokenHash').execute();
    expect(stored.map((s) => s.tokenHash)).not.toContain(cookie.split('=')[1]);
    const staff = staffResponse.parse((await consoleCall(central, '/staff', { cookie: await signIn(central, 'quantri', PASSWORD) })).json);
    expect(staff.staff.find((s) => s.username === 'xemxet')?.lastSignInAt).toEqual(expect.any(String));
  });

  it('gives a wrong password and an unknown name the same 401, and writes no cookie', async () => {
    const wrong = await consoleCall(central, '/session', { method: 'POST', body: { username: 'xemxet', password: 'sai-mat-khau' } });
    const unknown = await consoleCall(central, '/session', { method: 'POST', body: { username: 'khongco', password: 'sai-mat-khau' } });
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(wrong.json.error).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      messageEn: 'Wrong username or password.',
    });
    expect(wrong.setCookie).toBeNull();
    const bad = await consoleCall(central, '/session', { method: 'POST', body: { username: 'xemxet' } });
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', field: 'password' } } });
    await setStaffPassword(central.database.db, 'xemxet', PASSWORD); // the failure count back to 0
  });

  it('locks an account after 5 failures in a row for 15 minutes, even against the right password', async () => {
    await addStaff(central.database.db, { username: 'hay-quen', displayName: 'Lê Hay Quên', role: 'reviewer', password: PASSWORD });
    const attempt = (password: string) => consoleCall(central, '/session', { method: 'POST', body: { username: 'hay-quen', password } });
    for (let i = 1; i <= 4; i++) expect((await attempt(`sai-${i}-mat-khau`)).status).toBe(401);
    const fifth = await attempt('sai-5-mat-khau');
    expect(fifth).toMatchObject({ status: 423, json: { error: { code: 'LOCKED' } } });
    expect(fifth.json.error.message).toMatch(/tạm khóa/);
    expect((await attempt(PASSWORD)).status).toBe(423);
    offset = 14 * MINUTE;
    expect((await attempt(PASSWORD)).status).toBe(423);
    offset = 16 * MINUTE;
    expect((await attempt(PASSWORD)).status).toBe(200);
    offset = 0;
  });

  it('refuses a disabled account (told so only with the right password) and ends its sessions at once', async () => {
    await addStaff(central.database.db, { username: 'da-nghi', displayName: 'Phạm Đã Nghỉ', role: 'reviewer', password: PASSWORD });
    const cookie = await signIn(central, 'da-nghi', PASSWORD);
    await disableStaff(central.database.db, 'da-nghi');
    expect(await consoleCall(central, '/offices', { cookie })).toMatchObject({ status: 401, json: { error: { code: 'SESSION_EXPIRED' } } });
    const right = await consoleCall(central, '/session', { method: 'POST', body: { username: 'da-nghi', password: PASSWORD } });
    expect(right).toMatchObject({ status: 403, json: { error: { code: 'DISABLED' } } });
    const wrong = await consoleCall(central, '/session', { method: 'POST', body: { username: 'da-nghi', password: 'sai-mat-khau' } });
    expect(wrong).toMatchObject({ status: 401, json: { error: { code: 'AUTH_FAILED' } } });
  });

  it('ends a session after 15 idle minutes, and any session 30 minutes (its lifetime here) after sign-in', async () => {
    const cookie = await signIn(central, 'xemxet', PASSWORD);
    offset = 14 * MINUTE;
    expect((await consoleCall(central, '/session', { cookie })).status).toBe(200);
    offset = 28 * MINUTE; // 14 minutes after the last request: still alive
    expect((await consoleCall(central, '/offices', { cookie })).status).toBe(200);
    offset = 31 * MINUTE; // used 3 minutes ago, but 31 after sign-in
    expect(await consoleCall(central, '/session', { cookie })).toMatchObject({ status: 401, json: { error: { code: 'SESSION_EXPIRED' } } });

    offset = 0;
    const idle = await signIn(central, 'xemxet', PASSWORD);
    offset = 15 * MINUTE + 1000;
    const expired = await consoleCall(central, '/session', { cookie: idle });
    expect(expired).toMatchObject({ status: 401, json: { error: { code: 'SESSION_EXPIRED', message: 'Phiên làm việc đã hết hạn; hãy đăng nhập lại.' } } });
    offset = 0;
    // Gone for good, not revived by the clock going back.
    expect((await consoleCall(central, '/session', { cookie: idle })).status).toBe(401);
    expect(await consoleCall(central, '/session')).toMatchObject({
      status: 401,
      json: { error: { code: 'SESSION_EXPIRED', message: expect.stringMatching(/chưa đăng nhập/) } },
    });
  });

  it('refuses a request that changes something without x-console-request: 1, signed in or not', async () => {
    const noHeader = await consoleCall(central, '/session', { method: 'POST', body: { username: 'xemxet', password: PASSWORD }, header: false });
    expect(noHeader).toMatchObject({ status: 403, json: { error: { code: 'CONSOLE_HEADER_REQUIRED' } } });
    expect(noHeader.setCookie).toBeNull();
    const cookie = await signIn(central, 'quantri', PASSWORD);
    for (const path of ['/held/khong-co/review', '/devices/khong-co/revoke', '/offices/OFFX/enrollment-codes', '/signals/khong-co/review'])
      expect((await consoleCall(central, path, { method: 'POST', cookie, body: { note: 'Đã kiểm tra' }, header: false })).status, path).toBe(403);
    expect((await consoleCall(central, '/session', { method: 'DELETE', cookie, header: false })).status).toBe(403);
    expect((await consoleCall(central, '/session', { cookie })).status).toBe(200);
    // With the header: the routes answer (nothing of that id here).
    expect((await consoleCall(central, '/held/khong-co/review', { method: 'POST', cookie })).status).toBe(404);
    expect(await consoleCall(central, '/session', { method: 'DELETE', cookie })).toMatchObject({ status: 200, json: { ok: true } });
    expect((await consoleCall(central, '/session', { cookie })).status).toBe(401);
  });

  it("lets a reviewer read and review, and keeps the administrator's routes from them with 403 FORBIDDEN", async () => {
    const reviewer = await signIn(central, 'xemxet', PASSWORD);
    const administrator = await signIn(central, 'quantri', PASSWORD);
    const reads = ['/session', '/offices', '/devices', '/held', '/held?all=1', '/signals', '/signals?status=all', '/receipts', '/collectors'];
    for (const path of reads) {
      expect((await consoleCall(central, path, { cookie: reviewer })).status, path).toBe(200);
      expect((await consoleCall(central, path, { cookie: administrator })).status, path).toBe(200);
      expect((await consoleCall(central, path)).status, path).toBe(401);
    }
    const forbidden = await consoleCall(central, '/staff', { cookie: reviewer });
    expect(forbidden).toMatchObject({
      status: 403,
      json: { error: { code: 'FORBIDDEN', message: 'Chỉ quản trị viên mới được làm việc này.', messageEn: 'Only an administrator may do this.' } },
    });
    expect((await consoleCall(central, '/devices/khong-co/revoke', { method: 'POST', cookie: reviewer })).status).toBe(403);
    expect((await consoleCall(central, '/offices/OFFX/enrollment-codes', { method: 'POST', cookie: reviewer })).status).toBe(403);
    expect((await consoleCall(central, '/staff', { cookie: administrator })).status).toBe(200);
    expect((await consoleCall(central, '/devices/khong-co/revoke', { method: 'POST', cookie: administrator })).status).toBe(404);
    expect((await consoleCall(central, '/offices/OFFX/enrollment-codes', { method: 'POST', cookie: administrator })).status).toBe(404);
    expect((await consoleCall(central, '/devices?office=bad code', { cookie: reviewer })).json.error).toMatchObject({ code: 'VALIDATION', field: 'office' });
  });

  it('logs who did what for every change, and never a password', async () => {
    // A fraction of a minute from the environment (CENTRAL_CONSOLE_IDLE_MINUTES=0.33): whole seconds for the pages.
    const { app, lines } = loggedConsoleApp(central, { idleTimeoutSeconds: 0.33 * 60 });
    const send = (path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) =>
      app.request(`/console/api${path}`, {
        method: init.method ?? 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1', ...(init.cookie ? { cookie: init.cookie } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
    await createOffice(central.database.db, { code: 'LOGS', name: 'BHXH LOGS', provinceCode: '01' });
    expect((await send('/session', { body: { username: 'quantri', password: 'sai-mat-khau-9' } })).status).toBe(401);
    const signedIn = await send('/session', { body: { username: 'quantri', password: PASSWORD } });
    expect(sessionInfo.parse(await signedIn.json()).idleTimeoutSeconds).toBe(20);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await send('/offices/LOGS/enrollment-codes', { cookie })).status).toBe(200);
    const actions = lines.filter((l) => l.msg === 'console action').map((l) => [l.staff, l.action, l.office]);
    expect(actions).toEqual([
      ['quantri', 'sign-in', undefined],
      ['quantri', 'enrollment-code.issue', 'LOGS'],
    ]);
    expect(lines.find((l) => l.msg === 'console sign-in refused')).toMatchObject({ refused: 'AUTH_FAILED' });
    expect(lines.find((l) => l.route === '/console/api/offices/:code/enrollment-codes')).toMatchObject({ status: 200, staff: 'quantri' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('sai-mat-khau-9');
    expect(text).not.toContain(cookie.split('=')[1]);
  });

  it('limits sign-in attempts per address', async () => {
    const { app, metrics } = createCentralApp({
      database: central.database,
      releasesDir: central.dataDir,
      centralKey: central.key,
      log: createCentralLog({ level: 'silent' }),
      console: { signInRateLimit: { perMinute: 2, trustProxy: true } },
    });
    // An address of its own (behind a proxy, the last X-Forwarded-For entry): no other test counts against it.
    const address = `10.22.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = () =>
      app.request('/console/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1', 'x-forwarded-for': `203.0.113.9, ${address}` },
        body: JSON.stringify({ username: 'khongco', password: 'x' }),
      });
    const minute = () => Math.floor(Date.now() / MINUTE);
    const began = minute();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).status);
    // Two a minute: the third is refused (unless a new minute began midway).
    if (minute() === began) expect(statuses).toEqual([401, 401, 429]);
    const limited = await attempt();
    statuses.push(limited.status);
    if (limited.status === 429)
      expect(((await limited.json()) as any).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Quá nhiều lần đăng nhập/) });
    // Every refusal is counted by its reason, for an alert on guessing (docs/central-deployment.md); a reason not seen stays at 0.
    const exposition = await metrics.render();
    const counted = (reason: string) =>
      Number((exposition.match(new RegExp(`^fo_console_sign_in_refusals_total\\{reason="${reason}"\\} (\\d+)$`, 'm')) ?? [])[1]);
    expect(counted('AUTH_FAILED')).toBe(statuses.filter((s) => s === 401).length);
    expect(counted('RATE_LIMITED')).toBe(statuses.filter((s) => s === 429).length);
    expect(counted('LOCKED')).toBe(0);
  });
});
