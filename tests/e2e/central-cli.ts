// The central service as its administrator runs it, for journeys about the provincial console: the
// real CLI (`src/central/cli.ts` from source, as `npm run central -- …`) for the admin commands, and
// `serve` on a free loopback port — with the fraud signals computed after each batch, as deployed.
// PGlite keeps one process per data folder: admin commands run while the service is stopped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');

/** Runs one CLI command to its end and returns what it printed (throws with its output on a failure). */
export function centralCli(dataDir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [tsx, 'src/central/cli.ts', ...args, '--data', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface ServedCentral {
  url: string;
  /** Stops the service and waits for it to close its database. */
  stop(): Promise<void>;
}

/** `serve --port 0`: resolves with its URL once it listens. Its log (warnings and errors) goes to <dataDir>/serve.log. */
export function serveCentral(dataDir: string, env: Record<string, string> = {}): Promise<ServedCentral> {
  const child: ChildProcess = spawn(process.execPath, [tsx, 'src/central/cli.ts', 'serve', '--port', '0', '--data', dataDir], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = createWriteStream(join(dataDir, 'serve.log'), { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`central did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /\[central\] listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        done({
          url,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`central exited (${code}):\n${output}`)));
  });
}
