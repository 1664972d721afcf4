// The administrator's command line: `--help` prints what it can do; a mistyped option or command
// is told in Vietnamese and English with the usage, exits 2 and opens (so creates) no data folder.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/office-fixture';

const root = join(__dirname, '../../..');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function central(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/central/cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('central command line', () => {
  it('prints its usage on --help and exits 0', async () => {
    const { code, stdout } = await central(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/admin create-office --code C/);
    expect(stdout).toMatch(/import --manifest/);
    expect(stdout).toMatch(/admin held \[--all\]/);
    expect(stdout).toMatch(/admin review --op OP_ID/);
    expect(stdout).toMatch(/admin audit-reanchor --device ID --note/);
  });

  it('lists the registrations held for review (none in a new central)', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const { code, stdout, stderr } = await central(['--data', join(data.dir, 'central'), 'admin', 'held', '--all']);
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    expect(stdout).toContain('(index)');
  }, 60_000);

  it('refuses to mark reviewed an item it does not have, with the reason in Vietnamese, exit 1', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const { code, stderr } = await central(['--data', join(data.dir, 'central'), 'admin', 'review', '--op', 'khong-co']);
    expect(code).toBe(1);
    expect(stderr).toContain('NOT_FOUND: Không có mục chờ xem xét với mã thao tác này.');
  }, 60_000);

  it('refuses to settle the audit log of a device it does not have, exit 1', async () => {
    const data = tempDir();
    cleanups.push(data.remove);
    const { code, stderr } = await central([
      '--data',
      join(data.dir, 'central'),
      'admin',
      'audit-reanchor',
      '--device',
      'khong-co',
      '--note',
      'Đã xác minh với văn phòng.',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('NOT_FOUND: Không có thiết bị này.');
  }, 60_000);

  it.each([
    [['--bogus'], /Tùy chọn --bogus không có hoặc thiếu giá trị\.\nUnknown option --bogus/],
    [['serve', '--port'], /Tùy chọn --port không có hoặc thiếu giá trị\./],
    [['admin', 'create-ofice'], /Không có lệnh "admin create-ofice"\.\nUnknown command "admin create-ofice"\./],
    [['serve', 'now'], /Không có lệnh "serve now"\./],
  ])('refuses %j with the reason and the usage, exit 2, and leaves no data folder', async (args, reason) => {
    const data = tempDir();
    cleanups.push(data.remove);
    const folder = join(data.dir, 'central');
    const { code, stderr } = await central(['--data', folder, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stderr).toMatch(/usage: npm run central/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(folder)).toBe(false);
  });
});
