// Rebuilds native modules for Electron only when the Electron binary is present.
// CI and this build machine install with ELECTRON_SKIP_BINARY_DOWNLOAD=1, where better-sqlite3 must
// stay built for Node (tests, harness, benchmarks); users' machines get the Electron rebuild.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
let electronPath = null;
try {
  electronPath = require('electron');
} catch {
  electronPath = null;
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || !electronPath || !existsSync(electronPath)) {
  console.log('[postinstall] Electron binary absent: native modules stay built for Node.');
  process.exit(0);
}
const result = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
