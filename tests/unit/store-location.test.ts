// Where the store lives (ADR 0023): an install for all users of a Windows computer (under Program
// Files) keeps it in the machine-wide data folder and takes over an earlier per-user store; an
// install for one user, a development run, Linux and macOS keep it in the user's profile; an IT
// officer's FIELD_OFFICE_DATA_DIR names it outright.
import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedForAllUsers, type LocationFacts, storeLocation } from '../../src/main/store-location';

const windowsEnv = {
  ProgramFiles: 'C:\\Program Files',
  ProgramW6432: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramData: 'C:\\ProgramData',
};
const facts = (over: Partial<LocationFacts>): LocationFacts => ({
  platform: 'linux',
  isPackaged: true,
  execPath: '/opt/Field Office/field-office',
  env: {},
  userData: '/home/lan/.config/Field Office',
  ...over,
});

describe('the store location', () => {
  it('keeps a per-user install’s store in the user’s profile, and its archive beside it', () => {
    const perUser = facts({ platform: 'win32', execPath: 'C:\\Users\\lan\\AppData\\Local\\Programs\\field-office\\field-office.exe', env: windowsEnv });
    expect(installedForAllUsers(perUser)).toBe(false);
    expect(storeLocation(perUser)).toEqual({
      dataDir: win32.join(perUser.userData, 'office'),
      archiveDir: win32.join(perUser.userData, 'receipts'),
      scope: 'user',
      previousUserDataDir: null,
    });
  });

  it('puts an all-users install’s store in the machine-wide data folder and names the per-user store to take over', () => {
    for (const exe of ['C:\\Program Files\\Field Office\\field-office.exe', 'c:\\program files (x86)\\Field Office\\field-office.exe']) {
      const perMachine = facts({ platform: 'win32', execPath: exe, env: windowsEnv, userData: 'C:\\Users\\lan\\AppData\\Roaming\\Field Office' });
      expect(installedForAllUsers(perMachine)).toBe(true);
      const location = storeLocation(perMachine);
      expect(location.scope).toBe('machine');
      expect(location.dataDir).toBe('C:\\ProgramData\\Field Office\\office');
      expect(location.archiveDir).toBe('C:\\ProgramData\\Field Office\\receipts');
      expect(location.previousUserDataDir).toBe('C:\\Users\\lan\\AppData\\Roaming\\Field Office\\office');
    }
  });

  it('does not take a folder merely named like Program Files, a development run, or another system for an all-users install', () => {
    expect(installedForAllUsers(facts({ platform: 'win32', execPath: 'C:\\Program Files Evil\\field-office.exe', env: windowsEnv }))).toBe(false);
    expect(installedForAllUsers(facts({ platform: 'win32', isPackaged: false, execPath: 'C:\\Program Files\\nodejs\\electron.exe', env: windowsEnv }))).toBe(
      false,
    );
    expect(installedForAllUsers(facts({ platform: 'linux', execPath: '/opt/Field Office/field-office', env: { ProgramFiles: '/opt' } }))).toBe(false);
    expect(storeLocation(facts({})).scope).toBe('user');
  });

  it('takes the folder an IT officer names, with no move', () => {
    const named = storeLocation(facts({ env: { FIELD_OFFICE_DATA_DIR: '/srv/field-office' } }));
    expect(named).toEqual({ dataDir: '/srv/field-office/office', archiveDir: '/srv/field-office/receipts', scope: 'user', previousUserDataDir: null });
  });
});
