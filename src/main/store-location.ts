// Where the office store lives (ADR 0023). A counter PC is shared by several staff, often each
// with a Windows account of their own: a store in the signed-in account's profile would give each
// account its own office. So an install for all users of the computer (per-machine, under Program
// Files) keeps the store in the machine-wide data folder, %ProgramData%\Field Office\office, which
// the installer limits to the "Field Office Users" group, administrators and SYSTEM; an install
// for one user (a field officer's laptop) keeps it in that user's profile, as before. An IT officer
// can name the folder outright with FIELD_OFFICE_DATA_DIR (a second disk, a test install).
import { posix, win32 } from 'node:path';

export interface StoreLocation {
  /** The folder holding the store, its keys and its lock. */
  dataDir: string;
  /** Where printed receipts and reports are archived as PDFs. */
  archiveDir: string;
  /** Whose keychain seals the keys: the machine's (all users of the PC) or the signed-in user's. */
  scope: 'machine' | 'user';
  /** The per-user store of an earlier install, to move into a machine-wide folder that has none. */
  previousUserDataDir: string | null;
}

export const MACHINE_FOLDER = 'Field Office';

export interface LocationFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** The running executable (Electron's process.execPath). */
  execPath: string;
  env: Record<string, string | undefined>;
  /** Electron's app.getPath('userData'): the signed-in user's folder for the app. */
  userData: string;
}

/** Whether the executable was installed for all users: under one of Windows' Program Files folders. */
export function installedForAllUsers(facts: LocationFacts): boolean {
  if (facts.platform !== 'win32' || !facts.isPackaged) return false;
  const exe = win32.resolve(facts.execPath).toLowerCase();
  return [facts.env.ProgramW6432, facts.env.ProgramFiles, facts.env['ProgramFiles(x86)']]
    .filter((dir): dir is string => Boolean(dir))
    .some((dir) => exe.startsWith(win32.resolve(dir).toLowerCase() + win32.sep));
}

/** Paths as the platform the facts describe writes them (the tests describe Windows on Linux). */
const pathsOf = (facts: LocationFacts) => (facts.platform === 'win32' ? win32 : posix);

export function storeLocation(facts: LocationFacts): StoreLocation {
  const { join, resolve } = pathsOf(facts);
  const userDir = join(facts.userData, 'office');
  const override = facts.env.FIELD_OFFICE_DATA_DIR;
  if (override) {
    const root = resolve(override);
    return {
      dataDir: join(root, 'office'),
      archiveDir: join(root, 'receipts'),
      scope: installedForAllUsers(facts) ? 'machine' : 'user',
      previousUserDataDir: null,
    };
  }
  if (installedForAllUsers(facts) && facts.env.ProgramData) {
    const root = join(facts.env.ProgramData, MACHINE_FOLDER);
    return { dataDir: join(root, 'office'), archiveDir: join(root, 'receipts'), scope: 'machine', previousUserDataDir: userDir };
  }
  return { dataDir: userDir, archiveDir: join(facts.userData, 'receipts'), scope: 'user', previousUserDataDir: null };
}
