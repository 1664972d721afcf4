// A Playwright fixture that runs the browser harness (`tsx src/harness/cli.ts`) as a child process
// on a fresh temporary data folder and a free port, waits for its "[harness] Field Office at" line,
// and can restart it on the SAME data folder and port (to prove data survives a restart).
// The process (and its process group) is killed on teardown; the data folder is removed.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const READY = /\[harness\] Field Office at (http:\/\/\S+)/;

export interface Harness {
  /** e.g. http://127.0.0.1:41234/ — stable across restarts. */
  url: string;
  dataDir: string;
  /** Stops the harness and starts it again on the same data folder and port (with other CLI flags if given). */
  restart(extraArgs?: string[]): Promise<void>;
  /** Everything the harness printed so far (for failure messages). */
  log(): string;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

class HarnessProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
    public extraArgs: string[] = [],
  ) {}

  start(): Promise<string> {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/harness/cli.ts', '--data', this.dataDir, '--port', String(this.port), ...this.extraArgs],
      // Own process group, so teardown can kill tsx and the node process it starts together.
      { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
    );
    this.child = child;
    // Only this start's ready line counts (the output keeps the lines of an earlier run).
    const from = this.output.length;
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`harness did not start in 60 s:\n${this.output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = READY.exec(this.output.slice(from));
        if (m) {
          clearTimeout(timer);
          done(m[1]!);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`harness exited (${code}) before it was ready:\n${this.output}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

async function launch(extraArgs: string[] = []): Promise<{ harness: Harness; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-'));
  const proc = new HarnessProcess(dataDir, await freePort(), extraArgs);
  const url = await proc.start();
  return {
    harness: {
      url,
      dataDir,
      async restart(extraArgs?: string[]) {
        await proc.stop();
        if (extraArgs) proc.extraArgs = extraArgs;
        await proc.start();
      },
      log: () => proc.output,
    },
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The CPU slowdown every journey runs at (`E2E_CPU_SLOWDOWN`, 1 = none). */
export const CPU_SLOWDOWN = Number(process.env.E2E_CPU_SLOWDOWN ?? '1');

/** Slows the page's CPU `rate` times (Chrome DevTools throttling; 1 = full speed). */
export async function slowCpu(page: Page, rate: number): Promise<void> {
  await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

export const test = base.extend<{ harness: Harness; harnesses: { start(extraArgs?: string[]): Promise<Harness> } }>({
  /**
   * `E2E_CPU_SLOWDOWN=6 npx playwright test` runs every journey's main page with its CPU slowed
   * that many times, as on a busy office laptop: a test that only holds on a fast machine (a key
   * pressed while the screen is still catching up) shows up here before it shows up on CI.
   */
  page: async ({ page }, use) => {
    if (CPU_SLOWDOWN > 1) await slowCpu(page, CPU_SLOWDOWN);
    await use(page);
  },
  harness: async ({}, use) => {
    const launched = await launch();
    await use(launched.harness);
    await launched.stop();
  },
  /** More harnesses (several offices in one test), each on its own data folder and port. */
  harnesses: async ({}, use) => {
    const started: { stop(): Promise<void> }[] = [];
    await use({
      /** `extraArgs` go to the harness CLI, e.g. ['--sync-interval', '0']. */
      async start(extraArgs: string[] = []) {
        const launched = await launch(extraArgs);
        started.push(launched);
        return launched.harness;
      },
    });
    for (const launched of started) await launched.stop();
  },
});

/** Calls the harness API directly (setting up data the test is not about); throws on a refusal. */
export async function rpc<T>(page: Page, base: string, method: string, body: unknown, token?: string): Promise<T> {
  const response = await page.request.post(new URL(`rpc/${method}`, base).toString(), {
    data: body,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Picks an option of an antd Select by typing into it, as a clerk does. */
export async function pick(page: Page, select: Locator, text: string, optionText: RegExp | string) {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: optionText }).first().click();
}

/** Signs in on the login screen and waits for the search page. */
export async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
  await expect(page.getByTestId('search-page')).toBeVisible();
}

/**
 * Waits until every animation that ends has ended (a dialog has finished opening, say), for a
 * screenshot without half-faded parts. Looping animations (a spinner) are left out, since they
 * never end, and the wait gives up after 5 s: it is for the picture, not for the test's outcome.
 * This file is typed without the DOM library, hence the local shape of `document`.
 */
export async function animationsSettled(page: Page) {
  await page.evaluate(async () => {
    type Running = { finished: Promise<unknown>; effect: { getComputedTiming(): { iterations?: number } } | null };
    const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document;
    const ending = doc.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    const ended = Promise.all(ending.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });
}

/**
 * The texts of the cells matched by `selector` whose content is wider than the cell — cut off, or
 * running into the next column. Empty when every text fits.
 */
export function spillingTexts(page: Page, selector: string): Promise<(string | null)[]> {
  return page.locator(selector).evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
}

/**
 * Saves a full-page screenshot of a screen as test-results/screenshots/<name>.png, to be looked at,
 * once its animations have ended (a table's loading veil fading out looked like a disabled page).
 */
export async function shot(page: Page, name: string) {
  await animationsSettled(page);
  return page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/**
 * Confirms the sex the registration form took from the personal ID (issue 23 item 6): until the
 * clerk does, the form is not saved. "Đúng" beside the hint; the keyboard way is in sex-from-id.spec.
 */
export async function confirmSexFromId(page: Page) {
  await page.getByTestId('sex-confirm').click();
  await expect(page.getByTestId('sex-from-id')).toHaveCount(0);
}

export { expect };
