// An administrator disables a console account and gives one a new password from the console's
// staff page (POST /console/api/staff/:username/disable and …/password), with the same effect as
// `admin staff disable|password` on the CLI: a disabled account's sessions end at once and it is
// refused; a new password lifts the lockout and ends the account's sessions. A reviewer is refused
// both, one's own account cannot be disabled, a short password or an unknown account writes nothing,
// and each change is logged (pino) with who did it, never the password. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../../src/central/console/staff-accounts';
import { centralBackends } from '../fixtures/test-postgres';
import { type Central, startCentral } from '../sync/central-fixture';
import { loggedConsoleApp } from './console-support';

const PASSWORD = 'mật-khẩu-dài-1';
const NEW_PASSWORD = 'mật-khẩu-mới-dài-2';

describe.each(centralBackends())('console staff actions on %s', (backend) => {
  let central: Central;
  let send: (path: string, init?: { method?: string; body?: unknown; cookie?: string }) => Promise<{ status: number; json: any; cookie: string }>;
  let lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    central = await startCentral(backend);
    const logged = loggedConsoleApp(central, { signInRateLimit: { perMinute: 1000 } });
    const app = logged.app;
    lines = logged.lines;
    send = async (path, init = {}) => {
      const response = await app.request(`/console/api${path}`, {
        method: init.method ?? 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1', ...(init.cookie ? { cookie: init.cookie } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
    };
    for (const [username, role] of [
      ['quantri', 'administrator'],
      ['xemxet', 'reviewer'],
      ['se-nghi', 'reviewer'],
      ['hay-quen', 'reviewer'],
    ] as const)
      await addStaff(central.database.db, { username, displayName: username, role, password: PASSWORD });
  }, 120_000);
  afterAll(async () => central?.close());

  const signIn = async (username: string, password = PASSWORD) => (await send('/session', { body: { username, password } })).cookie;
  const staffRow = async (username: string) =>
    central.database.db
      .selectFrom('consoleStaff')
      .select(['disabled', 'failedAttempts', 'lockedUntil', 'passwordHash'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  it('refuses a reviewer both, and refuses disabling one’s own account, an unknown account and a short password, writing nothing', async () => {
    const reviewer = await signIn('xemxet');
    const administrator = await signIn('quantri');
    const before = await staffRow('se-nghi');
    expect((await send('/staff/se-nghi/disable', { cookie: reviewer })).status).toBe(403);
    expect((await send('/staff/se-nghi/password', { cookie: reviewer, body: { password: NEW_PASSWORD } })).status).toBe(403);
    expect((await send('/staff/se-nghi/disable')).status).toBe(401);
    const own = await send('/staff/quantri/disable', { cookie: administrator });
    expect(own).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT', message: expect.stringMatching(/chính mình/) } } });
    expect((await send('/staff/khong-co/disable', { cookie: administrator })).json.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await send('/staff/khong-co/password', { cookie: administrator, body: { password: NEW_PASSWORD } })).status).toBe(404);
    const short = await send('/staff/se-nghi/password', { cookie: administrator, body: { password: 'ngan' } });
    expect(short).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', field: 'password', message: expect.stringMatching(/10 đến 256/) } } });
    expect(await staffRow('se-nghi')).toEqual(before);
    expect(await staffRow('quantri')).toMatchObject({ disabled: false });
  });

  it('disables an account: its sessions end at once and its sign-in is refused, as with the CLI', async () => {
    const session = await signIn('se-nghi');
    expect((await send('/session', { method: 'GET', cookie: session })).status).toBe(200);
    const administrator = await signIn('quantri');
    expect(await send('/staff/Se-Nghi/disable', { cookie: administrator })).toMatchObject({ status: 200, json: { ok: true } });
    expect(await send('/session', { method: 'GET', cookie: session })).toMatchObject({ status: 401, json: { error: { code: 'SESSION_EXPIRED' } } });
    expect(await send('/session', { body: { username: 'se-nghi', password: PASSWORD } })).toMatchObject({ status: 403, json: { error: { code: 'DISABLED' } } });
    expect(
      (await send('/staff', { method: 'GET', cookie: administrator })).json.staff.find((s: { username: string }) => s.username === 'se-nghi'),
    ).toMatchObject({
      disabled: true,
    });
  });

  it('gives an account a new password: the lockout lifted, its sessions ended, the old password refused', async () => {
    const session = await signIn('hay-quen');
    for (let i = 1; i <= 5; i++) await send('/session', { body: { username: 'hay-quen', password: `sai-${i}-mat-khau` } });
    expect((await send('/session', { body: { username: 'hay-quen', password: PASSWORD } })).status).toBe(423);
    const administrator = await signIn('quantri');
    expect(await send('/staff/hay-quen/password', { cookie: administrator, body: { password: NEW_PASSWORD } })).toMatchObject({ status: 200 });
    expect(await staffRow('hay-quen')).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await send('/session', { method: 'GET', cookie: session })).status).toBe(401);
    expect((await send('/session', { body: { username: 'hay-quen', password: PASSWORD } })).status).toBe(401);
    expect((await send('/session', { body: { username: 'hay-quen', password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('logs who disabled or reset which account, never the password', () => {
    const actions = lines.filter((l) => l.msg === 'console action' && String(l.action).startsWith('staff.')).map((l) => [l.staff, l.action, l.account]);
    expect(actions).toEqual([
      ['quantri', 'staff.disable', 'se-nghi'],
      ['quantri', 'staff.password', 'hay-quen'],
    ]);
    expect(JSON.stringify(lines)).not.toContain(NEW_PASSWORD);
  });
});
