// Which real paths are the system's, on the platform the core runs on (chosen-paths.ts asks): on
// Linux and macOS the device and kernel views (/dev, /proc, /sys) are never read, and those and
// /etc are never written; on Windows the device namespaces (\\.\PhysicalDrive0, \\?\GLOBALROOT\…)
// and the reserved device names (CON, NUL, COM1, LPT1 … with any extension, in any folder) are not
// files, and the Windows folder and the program folders (from the environment, or their usual
// places) are never written. A pure function of (path, platform, environment), so both platforms'
// rules are tested on either.
import { posix, win32 } from 'node:path';

/** `device`: not a file at all; `system`: a folder of the system's own. */
export type SystemPathProblem = 'device' | 'system' | null;

const POSIX_DEVICE_ROOTS = ['/dev', '/proc', '/sys'];
const POSIX_SYSTEM_ROOTS = ['/etc'];
const WINDOWS_DEVICE_PREFIX = /^\\\\[.?]\\(?!UNC\\|[a-z]:\\)/i;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

function under(path: string, roots: readonly string[], sep: string, fold: (s: string) => string): boolean {
  const p = fold(path);
  return roots.some((root) => {
    const r = fold(root).replace(/[\\/]+$/, '');
    return p === r || p.startsWith(r + sep);
  });
}

function windowsSystemFolders(env: NodeJS.ProcessEnv): string[] {
  const drive = env.SystemDrive ?? 'C:';
  return [
    env.SystemRoot ?? env.windir ?? `${drive}\\Windows`,
    env.ProgramFiles ?? `${drive}\\Program Files`,
    env['ProgramFiles(x86)'] ?? `${drive}\\Program Files (x86)`,
    env.ProgramW6432 ?? `${drive}\\Program Files`,
  ].map((p) => win32.normalize(p));
}

/** What is wrong with using `real` (a resolved absolute path) to read (`read`) or to write into (`write`). */
export function systemPathProblem(
  real: string,
  use: 'read' | 'write',
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): SystemPathProblem {
  if (platform === 'win32') {
    if (WINDOWS_DEVICE_PREFIX.test(real)) return 'device';
    const normal = win32.normalize(real);
    if (WINDOWS_RESERVED.test(win32.basename(normal))) return 'device';
    if (use === 'write' && under(normal, windowsSystemFolders(env), '\\', (s) => s.toLowerCase())) return 'system';
    return null;
  }
  const normal = posix.normalize(real);
  if (under(normal, POSIX_DEVICE_ROOTS, '/', (s) => s)) return 'device';
  if (use === 'write' && under(normal, POSIX_SYSTEM_ROOTS, '/', (s) => s)) return 'system';
  return null;
}
