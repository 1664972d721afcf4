// Processes killed at the worst moments: the office killed with SIGKILL mid-push or mid-apply, a
// new device killed mid-way through its office picture's first fill (issue 20 item 4), and the
// central service killed after it committed a batch but before it replied. After restarts
// and convergence, the oracle must hold: one result per operation, sums equal, nothing lost.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCentralKey } from '../../src/central/central-signing-key';
import { openCentralDatabase } from '../../src/central/db/central-database';
import { createOfficeCore } from '../../src/main/core/office-core';
import { seededRandom } from '../../src/main/core/demo/demo-people';
import { type Central, type Office, resourcesDir, startCentral, startOffice } from '../integration/sync/central-fixture';
import { startFaultProxy } from './fault-proxy';
import { expectConverged, expectOnePicture, pushUntilDone } from './oracle';
import { runWorkload } from './workload';

const SCALE = Number(process.env.FAULT_SCALE ?? 1);
const root = join(__dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function spawnTsx(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits until the child prints that its stored picture is at `pages` pages or done. */
function waitForPicture(child: ChildProcess, pages: number, timeoutMs = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for picture page ${pages}: ${seen.slice(-500)}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      for (const [, state, done] of seen.matchAll(/picture (\w+) (\d+)/g)) {
        if (state === 'done' || Number(done) >= pages) {
          clearTimeout(timer);
          resolve();
          return;
        }
      }
    });
    child.once('exit', () => reject(new Error(`exited before picture page ${pages}: ${seen.slice(-500)}`)));
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${seen}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', () => reject(new Error(`exited before ${pattern}: ${seen}`)));
  });
}

/** The office's core opened again on its data folder, its supervisor signed in. */
async function reopenOffice(dataDir: string): Promise<Office> {
  const core = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0 });
  const login = await core.invoke('auth.login', { username: 'sup', password: 'correct-horse-1' });
  const token = login.ok ? (login.value as { token: string }).token : '';
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.invoke(method, input, token);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { data: r.error });
    return r.value as T;
  };
  return { core, token, dataDir, call };
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

describe('process kills', () => {
  it('converges after the office is killed mid-push and mid-apply, many times', async () => {
    const central: Central = await startCentral();
    cleanups.push(() => central.close());
    const first = await startOffice(central, 'KO');
    const dataDir = first.dataDir;
    await first.core.close();
    const rand = seededRandom(99);
    let office!: Office;
    const reopen = async () => {
      office = await reopenOffice(dataDir);
    };
    for (let round = 0; round < 4 * SCALE; round++) {
      // New work each round, so every kill lands while there is something to push or apply.
      await reopen();
      await runWorkload(office, 31 + round, 40, 3);
      await office.core.close();
      const child = spawnTsx([join(__dirname, 'fixtures/push-loop.ts'), dataDir, resourcesDir]);
      await waitForLine(child, /ready/);
      await new Promise((r) => setTimeout(r, 10 + Math.floor(rand() * 300)));
      child.kill('SIGKILL');
      await killed(child);
    }
    await reopen();
    cleanups.push(() => office.core.close());
    await pushUntilDone(office);
    await expectConverged(central, [office]);
  }, 300_000);

  it('resumes a new device’s picture where a kill -9 stopped it, holding nothing twice', async () => {
    const central: Central = await startCentral();
    cleanups.push(() => central.close());
    // Counter 1 of the office has taken payments (and voided some) and pushed them.
    const counter = await startOffice(central, 'KP', { deviceName: 'Quầy 1' });
    cleanups.push(() => counter.core.close());
    await runWorkload(counter, 77, 60 * SCALE, 3);
    await pushUntilDone(counter);
    // A new device enrolls; its first fill runs in a child process, one row a page, killed again and again.
    const fresh = await startOffice(central, 'KP', { deviceName: 'Máy cán bộ thu', supervisorName: 'Ngô Thị Lan' });
    const dataDir = fresh.dataDir;
    await fresh.core.close();
    const pictureOf = async () => {
      const device = await reopenOffice(dataDir);
      try {
        return (await device.call<{ picture: { state: string; part: string | null; pagesDone: number; pagesTotal: number } }>('sync.status', {})).picture;
      } finally {
        await device.core.close();
      }
    };
    const rand = seededRandom(4242);
    const stops: { state: string; part: string | null; pagesDone: number; pagesTotal: number }[] = [];
    for (let round = 0; round < 12; round++) {
      const child = spawnTsx([join(__dirname, 'fixtures/push-loop.ts'), dataDir, resourcesDir], { PICTURE_PAGE_SIZE: '1' });
      await waitForLine(child, /ready/);
      // Killed once the stored fill is some pages past the last stop (or done), then a moment later:
      // steps of up to an eighth of the fill, so twelve rounds reach its later parts (payments).
      const last = stops.at(-1);
      const target = (last?.pagesDone ?? 0) + 1 + Math.floor(rand() * Math.max(6, (last?.pagesTotal ?? 0) / 8));
      await waitForPicture(child, target);
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 20)));
      child.kill('SIGKILL');
      await killed(child);
      const picture = await pictureOf();
      // Never a step back: each stop is at or past the one before.
      if (stops.length) expect(picture.pagesDone).toBeGreaterThanOrEqual(stops[stops.length - 1]!.pagesDone);
      stops.push(picture);
      if (picture.state === 'done') break;
    }
    // At least one kill landed mid-way, with pages in and pages to come.
    expect(stops.some((s) => s.state === 'filling' && s.pagesDone > 0)).toBe(true);
    const device = await reopenOffice(dataDir);
    cleanups.push(() => device.core.close());
    await pushUntilDone(device);
    expect((await device.call<{ picture: { state: string } }>('sync.status', {})).picture.state).toBe('done');
    const picture = await expectOnePicture(central, 'KP', [counter, device]);
    expect(picture.payments).toBeGreaterThan(5);
  }, 300_000);

  it('converges after the central service is killed between its commit and its reply', async () => {
    const centralDir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'fo-central-kill-'));
    // Offices and codes are made while no server holds the embedded database.
    const seed = await openCentralDatabase({ dataDir: centralDir, resourcesDir });
    const { createOffice, issueEnrollmentCode } = await import('../../src/central/admin');
    await createOffice(seed.db, { code: 'KC', name: 'BHXH cơ sở KC', provinceCode: '01' });
    const code = await issueEnrollmentCode(seed.db, 'KC');
    await seed.close();

    let server: ChildProcess | null = null;
    const port = 20000 + Math.floor(Math.random() * 20000);
    const startServer = async () => {
      server = spawnTsx(['src/central/cli.ts', '--data', centralDir, '--port', String(port)]);
      await waitForLine(server, /listening/);
    };
    await startServer();
    cleanups.push(async () => {
      server?.kill('SIGKILL');
    });
    let killedOnce = false;
    const proxy = await startFaultProxy(`http://127.0.0.1:${port}/`, (_m, path) => (path.startsWith('/v1/batches') && !killedOnce ? 'drop-reply' : 'pass'));
    cleanups.push(() => proxy.close());

    const { mkdtempSync } = await import('node:fs');
    const dataDir = mkdtempSync(join((await import('node:os')).tmpdir(), 'fo-office-KC-'));
    const core = await createOfficeCore({ dataDir, resourcesDir, syncIntervalMs: 0 });
    cleanups.push(() => core.close());
    let token = '';
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await core.invoke(method, input, token);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { data: r.error });
      return r.value as T;
    };
    token = (
      await call<{ token: string }>('office.setup', {
        officeCode: 'KC',
        officeName: 'BHXH cơ sở KC',
        provinceCode: '01',
        supervisor: { username: 'sup', fullName: 'Giám Sát', password: 'correct-horse-1' },
      })
    ).token;
    await call('sync.enroll', { centralUrl: proxy.url, code });
    const office: Office = { core, token, dataDir, call };
    await runWorkload(office, 41, 15 * SCALE, 2);

    // The first batch reaches the central, commits, and the reply is dropped: kill the central then.
    const first = await call<{ error: string | null; batches: number }>('sync.pushNow', {});
    expect(first.error).not.toBeNull();
    killedOnce = true;
    server!.kill('SIGKILL');
    await killed(server!);
    await startServer();
    await pushUntilDone(office);
    server!.kill('SIGKILL');
    await killed(server!);

    const database = await openCentralDatabase({ dataDir: centralDir, resourcesDir });
    cleanups.push(() => database.close());
    const batches = await database.db.selectFrom('batches').select(['batchNo']).execute();
    expect(batches.length).toBeGreaterThanOrEqual(1);
    await expectConverged({ url: '', database, dataDir: centralDir, key: await loadCentralKey(centralDir), databaseUrl: null, close: async () => undefined }, [
      office,
    ]);
  }, 300_000);
});
