// Starts tests/e2e/central-process.ts as a child process for a journey and reads its one JSON line
// (its URL and one enrollment code per office); the journey stops it with `child.kill()`.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface CentralProcess {
  child: ChildProcess;
  url: string;
  codes: Record<string, string>;
}

export function startCentral(dataDir: string, offices: string[], env: Record<string, string> = {}): Promise<CentralProcess> {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'tests/e2e/central-process.ts', dataDir, ...offices], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`central did not start:\n${output}`)), 90_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        done({ child, ...(JSON.parse(line) as { url: string; codes: Record<string, string> }) });
      }
    });
    child.once('exit', (code) => fail(new Error(`central exited (${code}):\n${output}`)));
  });
}
