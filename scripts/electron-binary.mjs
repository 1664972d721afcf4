// Where the installed Electron binary is, or null — without `require('electron')`, whose lookup
// starts a download when the binary is missing (this build machine has no route to it, and a test
// or a script must not try). Mirrors electron's own index.js: path.txt names the executable under
// dist/, or under ELECTRON_OVERRIDE_DIST_PATH when that is set.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function installedElectron() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = dist ? join(dist, executable || 'electron') : executable ? join(packageDir, 'dist', executable) : null;
  return full && existsSync(full) ? full : null;
}
