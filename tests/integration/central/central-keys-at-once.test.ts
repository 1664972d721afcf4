// Several processes of one central started at the same moment on a fresh data folder (a deployment's
// first start behind a load balancer): each must come up with the same two keys, read whole — never
// an empty or half-written key file (which stopped a second process with "invalid string length 0").
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCentralKey, publishOnce } from '../../../src/central/central-signing-key';

const folders: string[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fo-central-keys-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each child waits for the same instant (after its own start-up), then loads the keys and prints them.
const CHILD = `
const [dir, at] = process.argv.slice(-2);
const { loadCentralKey } = await import(${JSON.stringify(join(process.cwd(), 'src/central/central-signing-key.ts'))});
while (Date.now() < Number(at)) await new Promise((r) => setTimeout(r, 1));
const key = await loadCentralKey(dir);
console.log(key.publicKeyRaw + ' ' + key.sealingRecipient);
`;

function child(dir: string, at: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.CENTRAL_SIGNING_KEY;
    delete env.CENTRAL_SEALING_KEY;
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, dir, String(at)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, out: out.trim(), err }));
  });
}

describe('the central keys made once in a fresh data folder', () => {
  it('gives processes started at the same moment the same complete keys, and leaves no file of its own behind', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = freshFolder();
      const at = Date.now() + 4_000;
      const results = await Promise.all(Array.from({ length: 6 }, () => child(dir, at)));
      for (const r of results) expect(r, r.err).toMatchObject({ code: 0 });
      const keys = new Set(results.map((r) => r.out));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toMatch(/^[A-Za-z0-9+/]{43}= age1[a-z0-9]+$/);
      expect(readdirSync(dir).sort()).toEqual(['central-sealing-key.age.txt', 'central-signing-key.der.b64']);
      for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    }
  }, 60_000);

  it('never replaces a key already in the folder', async () => {
    const dir = freshFolder();
    const first = await loadCentralKey(dir);
    const signing = readFileSync(join(dir, 'central-signing-key.der.b64'), 'utf8');
    publishOnce(join(dir, 'central-signing-key.der.b64'), 'another key');
    expect(readFileSync(join(dir, 'central-signing-key.der.b64'), 'utf8')).toBe(signing);
    expect((await loadCentralKey(dir)).publicKeyRaw).toBe(first.publicKeyRaw);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('publishes a key whole, and nothing when the folder cannot be written', () => {
    const dir = freshFolder();
    const path = join(dir, 'k');
    publishOnce(path, 'x'.repeat(100_000));
    expect(readFileSync(path, 'utf8')).toHaveLength(100_000);
    const missing = join(dir, 'no-such-folder', 'k');
    expect(() => publishOnce(missing, 'y')).toThrow(/ENOENT/);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dir)).toEqual(['k']);
  });
});
