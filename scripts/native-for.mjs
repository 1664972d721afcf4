// Makes the SQLite driver's native module (better-sqlite3-multiple-ciphers) match the runtime about to use it.
//   node scripts/native-for.mjs node      — tests, harness, benchmarks (plain Node)
//   node scripts/native-for.mjs electron  — the Electron app (`npm start`)
// One node_modules cannot hold both builds, so each entry point checks the module loads in its
// runtime and rebuilds it only when it does not (a swap costs one rebuild; a match costs ~0.2 s).
import { spawnSync } from 'node:child_process';
import { installedElectron } from './electron-binary.mjs';

const target = process.argv[2];
const probe = "new (require('better-sqlite3-multiple-ciphers'))(':memory:').close()";

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });
}

function loads(command, env = {}) {
  return spawnSync(command, ['-e', probe], { stdio: 'ignore', env: { ...process.env, ...env } }).status === 0;
}

if (target === 'node') {
  if (loads(process.execPath)) process.exit(0);
  console.log('[native] better-sqlite3-multiple-ciphers is built for another runtime; rebuilding it for Node…');
  process.exit(run('npm', ['rebuild', 'better-sqlite3-multiple-ciphers']).status ?? 1);
} else if (target === 'electron') {
  const electronPath = installedElectron();
  if (!electronPath) {
    console.error('[native] The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): run `npm ci` without it to start the app.');
    process.exit(1);
  }
  if (loads(electronPath, { ELECTRON_RUN_AS_NODE: '1' })) process.exit(0);
  console.log('[native] rebuilding better-sqlite3-multiple-ciphers for Electron…');
  process.exit(run('npx', ['electron-builder', 'install-app-deps']).status ?? 1);
} else {
  console.error('usage: node scripts/native-for.mjs node|electron');
  process.exit(2);
}
