// The central service as the benchmarks run it: built to JavaScript and started with node in its
// own process, as deployed (docs/central-deployment.md), on a PostgreSQL database, or on embedded
// PGlite when no PostgreSQL can be had.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCentralKey } from '../../src/central/central-signing-key';
import { openCentralDatabase } from '../../src/central/db/central-database';
import { freshPostgresDatabase } from '../integration/fixtures/test-postgres';
import { type Central, resourcesDir } from '../integration/sync/central-fixture';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A PostgreSQL server's URL: DATABASE_URL, TEST_DATABASE_URL, or the cluster of scripts/postgres-test.sh; null if none. */
export function postgresAdminUrl(): string | null {
  if (process.env.BENCH_DATABASE === 'pglite') return null;
  const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) return given;
  try {
    const printed = execFileSync('bash', [join(root, 'scripts/postgres-test.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return printed.match(/TEST_DATABASE_URL=(\S+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Node's flags from the central's `start` script (src/central/package.json), so a benchmarked
 * server runs as a deployed one does: e.g. the young generation's size, which sets how often the
 * ingest's short-lived objects are collected.
 */
function deployedNodeFlags(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'src/central/package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  return script.split(/\s+/).filter((word) => word.startsWith('--max-'));
}

let built = false;

/** The central built from this checkout (`npm run central:build`), once per run. */
function builtCentral(): string {
  if (!built) execFileSync('npm', ['run', 'central:build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
  return join(root, 'src/central/dist/cli.js');
}

export interface CentralServer {
  url: string;
  child: ChildProcess;
}

/** `central serve` on a free loopback port; resolves once it listens. */
export function startCentralServer(databaseUrl: string | null, dataDir: string, nodeArgs: string[] = []): Promise<CentralServer> {
  const child = spawn(process.execPath, [...deployedNodeFlags(), ...nodeArgs, builtCentral(), 'serve', '--port', '0', '--data', dataDir], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match) resolve({ url: match[1]!.endsWith('/') ? match[1]! : `${match[1]}/`, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`central exited ${code}: ${output}`)));
  });
}

export async function stopCentralServer(server: CentralServer): Promise<void> {
  const exited = new Promise((done) => (server.child.exitCode !== null ? done(null) : server.child.once('exit', done)));
  server.child.kill('SIGTERM');
  await exited;
}

/** The central's own process on a fresh PostgreSQL database; the caller keeps an admin connection to it. */
export async function startCentralProcess(adminUrl: string): Promise<Central & { pid: number }> {
  process.env.TEST_DATABASE_URL = adminUrl;
  const postgres = await freshPostgresDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'fo-bench-central-'));
  const database = await openCentralDatabase({ databaseUrl: postgres.url, dataDir, resourcesDir });
  const server = await startCentralServer(postgres.url, dataDir);
  return {
    url: server.url,
    database,
    dataDir,
    key: await loadCentralKey(dataDir),
    databaseUrl: postgres.url,
    pid: server.child.pid!,
    close: async () => {
      await stopCentralServer(server);
      await database.close();
      await postgres.drop();
    },
  };
}
