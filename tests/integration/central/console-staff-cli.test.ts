// The console's accounts on the administrator's command line (ADR 0032): `admin staff add` takes the
// password from FO_CONSOLE_PASSWORD or stdin, never from argv; `list` shows role, disabled and
// lockout; `disable` and `password` act on the account; bad input is told in Vietnamese and English
// and changes nothing. The hash the CLI wrote then signs in through the same function the API uses;
// `failures` reads back the refused sign-ins.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authenticateStaff } from '../../../src/central/console/staff-accounts';
import { openCentralDatabase } from '../../../src/central/db/central-database';
import { tempDir } from '../fixtures/office-fixture';
import { resourcesDir } from '../sync/central-fixture';

const root = join(__dirname, '../../..');
const data = tempDir();
afterAll(() => data.remove());

function central(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/central/cli.ts', '--data', join(data.dir, 'central'), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', FO_CONSOLE_PASSWORD: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

describe('admin staff on the command line', () => {
  it('adds, lists, disables and gives a new password; the password never on argv', async () => {
    const added = await central(['admin', 'staff', 'add', '--username', 'QuanTri', '--name', 'Nguyễn Quản Trị', '--role', 'administrator'], {
      env: { FO_CONSOLE_PASSWORD: 'mật-khẩu-dài-1' },
    });
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toEqual({ username: 'quantri', displayName: 'Nguyễn Quản Trị', role: 'administrator' });
    const piped = await central(['admin', 'staff', 'add', '--username', 'xemxet', '--name', 'Trần Xem Xét', '--role', 'reviewer'], {
      stdin: 'từ-stdin-mật-khẩu\nthis line is not read\n',
    });
    expect(piped.code).toBe(0);

    const onArgv = await central(['admin', 'staff', 'add', '--username', 'x', '--name', 'X', '--role', 'reviewer', '--password', 'secret-secret']);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toMatch(/Tùy chọn --password không có hoặc thiếu giá trị\./);
    const short = await central(['admin', 'staff', 'add', '--username', 'ngan', '--name', 'Ngắn', '--role', 'reviewer'], { stdin: 'ngan\n' });
    expect(short).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('VALIDATION: Mật khẩu cần từ 10 đến 256 ký tự.\nThe password needs 10 to 256 characters.'),
    });
    const role = await central(['admin', 'staff', 'add', '--username', 'sep', '--name', 'Sếp', '--role', 'boss'], { stdin: 'mật-khẩu-dài-2\n' });
    expect(role).toMatchObject({ code: 1, stderr: expect.stringContaining('Vai trò là reviewer hoặc administrator.') });
    const twice = await central(['admin', 'staff', 'add', '--username', 'xemxet', '--name', 'Lại', '--role', 'reviewer'], { stdin: 'mật-khẩu-dài-3\n' });
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringContaining('CONFLICT: Đã có tài khoản xemxet.') });

    expect((await central(['admin', 'staff', 'disable', '--username', 'xemxet'])).stdout).toContain('disabled');
    expect(await central(['admin', 'staff', 'disable', '--username', 'khongco'])).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND') });
    expect((await central(['admin', 'staff', 'password', '--username', 'quantri'], { stdin: 'mật-khẩu-mới-dài\n' })).stdout).toContain('password set');
    const listed = await central(['admin', 'staff', 'list']);
    expect(listed.stdout).toMatch(/'quantri'.*'administrator'.*false/);
    expect(listed.stdout).toMatch(/'xemxet'.*'reviewer'.*true/);
    expect(listed.stdout).not.toMatch(/scrypt|mật-khẩu/);
    expect((await central(['admin', 'staff', 'remove', '--username', 'quantri'])).code).toBe(2);

    const database = await openCentralDatabase({ dataDir: join(data.dir, 'central'), resourcesDir });
    try {
      const now = new Date();
      await expect(authenticateStaff(database.db, 'quantri', 'mật-khẩu-mới-dài', now)).resolves.toMatchObject({ role: 'administrator' });
      await expect(authenticateStaff(database.db, 'quantri', 'mật-khẩu-dài-1', now)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      await expect(authenticateStaff(database.db, 'xemxet', 'từ-stdin-mật-khẩu', now)).rejects.toMatchObject({ code: 'DISABLED' });
    } finally {
      await database.close();
    }
    // The two refusals above, kept for a security review (ADR 0044); a number of days out of range is refused.
    const failures = await central(['admin', 'staff', 'failures', '--days', '7']);
    expect(failures.code).toBe(0);
    expect(failures.stdout).toMatch(/'quantri'.*true.*1.*0/);
    expect(failures.stdout).toMatch(/'xemxet'.*true.*1.*0/);
    expect(await central(['admin', 'staff', 'failures', '--days', '0'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--days là số ngày từ 1 đến 400.'),
    });
  }, 600_000);
});
