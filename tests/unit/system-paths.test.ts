// The system's own paths on both platforms, whichever this test runs on: on Windows the device
// namespaces and reserved device names are never files, the Windows and program folders (as the
// environment names them, or their usual places) never written into, in any letter case; a USB
// stick, a user's folder or a UNC share are fine. On Linux /dev, /proc, /sys never read, /etc never
// written, and a folder whose name only starts like one (/devices, /etcetera) is fine.
import { describe, expect, it } from 'vitest';
import { systemPathProblem } from '../../src/main/core/files/system-paths';

const env = { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
const win = (path: string, use: 'read' | 'write' = 'write') => systemPathProblem(path, use, 'win32', env);
const nix = (path: string, use: 'read' | 'write' = 'write') => systemPathProblem(path, use, 'linux', {});

describe('system paths on Windows', () => {
  it.each([
    '\\\\.\\PhysicalDrive0',
    '\\\\.\\C:',
    '\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\x',
    'C:\\Users\\an\\NUL',
    'E:\\con.txt',
    'E:\\backup\\COM1',
    'D:\\lpt9.age',
    'E:\\CONOUT$',
  ])('%s is a device, read or written', (path) => {
    expect(win(path, 'read')).toBe('device');
    expect(win(path, 'write')).toBe('device');
  });

  it.each(['C:\\Windows', 'c:\\windows\\System32', 'C:\\Program Files\\Field Office', 'C:\\PROGRAM FILES (X86)', 'C:\\Windows\\'])(
    '%s is a system folder for writing',
    (path) => {
      expect(win(path, 'write')).toBe('system');
      expect(win(path, 'read')).toBeNull();
    },
  );

  it('takes the folders from the environment when Windows lives elsewhere', () => {
    expect(systemPathProblem('D:\\WINNT\\Temp', 'write', 'win32', { SystemRoot: 'D:\\WINNT' })).toBe('system');
    expect(systemPathProblem('C:\\Windows', 'write', 'win32', { SystemRoot: 'D:\\WINNT' })).toBeNull();
  });

  it.each([
    'E:\\',
    'E:\\Sao luu',
    'C:\\Users\\an\\Documents',
    'C:\\Windows.old.backup',
    'C:\\Program Files Backup',
    '\\\\server\\share\\field-office',
    '\\\\?\\UNC\\server\\share',
    '\\\\?\\E:\\copies',
    'E:\\console',
    'E:\\nul-notes',
  ])('%s is fine', (path) => {
    expect(win(path)).toBeNull();
  });
});

describe('system paths on Linux', () => {
  it.each(['/dev/zero', '/proc/self/environ', '/sys', '/dev'])('%s is a device', (path) => {
    expect(nix(path, 'read')).toBe('device');
  });
  it('writes nothing into /etc, but reads what is there if asked', () => {
    expect(nix('/etc/cron.d')).toBe('system');
    expect(nix('/etc/hosts', 'read')).toBeNull();
  });
  it.each(['/media/usb', '/home/an/devices', '/etcetera', '/srv/proc-files'])('%s is fine', (path) => {
    expect(nix(path)).toBeNull();
  });
});
