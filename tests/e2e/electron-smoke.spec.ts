// The desktop app itself, where a real Electron is installed (a developer's or an IT officer's
// build machine): Playwright starts the built app (`npm run build` first) on a fresh profile, the
// first-run setup signs the supervisor in, a receipt is recorded, and "In biên lai" archives it as
// a PDF under the receipt's label — through the real window, preload, IPC and print path. On
// machines where the Electron binary cannot be installed (CI here; ELECTRON_SKIP_BINARY_DOWNLOAD)
// it skips and says why; the shell's code is tested there on a double of Electron (tests/shell).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
// @ts-expect-error -- a plain .mjs script shared with scripts/native-for.mjs
import { installedElectron } from '../../scripts/electron-binary.mjs';
import { samplePerson } from '../support/sample-person';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const binary: string | null = installedElectron();

const absent =
  'The Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): the desktop smoke test runs where `npm ci` could fetch it; the shell is tested here on a double of Electron (tests/shell).';
if (!binary) console.log(`[electron-smoke] skipped: ${absent}`);
test.skip(!binary, absent);

test('the desktop app opens, sets up the office, signs in and archives a printed receipt as a PDF', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'field-office-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [join(root, 'out/main/index.js'), `--user-data-dir=${profile}`], cwd: root });
  try {
    const page = await app.firstWindow();
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(page.getByRole('heading', { name: 'Thiết lập văn phòng' })).toBeVisible();
    // The renderer has only `office.invoke`: no Node, no token.
    expect(
      await page.evaluate(() => [typeof (globalThis as any).require, typeof (globalThis as any).process, Object.keys((globalThis as any).office)]),
    ).toEqual(['undefined', 'undefined', ['invoke']]);
    const invoke = (method: string, input: unknown) =>
      page.evaluate(([m, i]) => (globalThis as any).office.invoke(m, i), [method, input] as const) as Promise<{ ok: boolean; value?: any; error?: any }>;
    const setup = await invoke('office.setup', {
      officeCode: 'SMOKE01',
      officeName: 'BHXH cơ sở Ba Đình',
      provinceCode: '01',
      supervisor: { username: 'giamsat', fullName: 'Trần Thị Giám Sát', password: 'mat-khau-giam-sat' },
    });
    expect(setup).toMatchObject({ ok: true, value: { token: '' } });
    const person = await invoke('participants.register', samplePerson);
    const fromMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const quote = await invoke('contributions.quote', { participantId: person.value.id, scheme: 'VSI', fromMonth, months: 1, incomeBasis: 1_500_000 });
    const recorded = await invoke('contributions.record', {
      participantId: person.value.id,
      scheme: 'VSI',
      fromMonth,
      months: 1,
      incomeBasis: 1_500_000,
      expectedTotal: quote.value.total,
    });
    expect(recorded.ok).toBe(true);
    // No printer on a build machine: the print itself answers "printed"; the PDF archive is real.
    await app.evaluate(({ BrowserWindow }) => {
      for (const win of BrowserWindow.getAllWindows())
        win.webContents.print = ((_options: unknown, callback: (ok: boolean, reason: string) => void) => callback(true, '')) as never;
    });
    await page.reload();
    await page.evaluate((id) => ((globalThis as any).location.hash = `#/receipt/${id}`), recorded.value.receipt.id);
    await page.getByRole('button', { name: 'In biên lai' }).click();
    const archive = join(profile, 'receipts');
    await expect.poll(() => (existsSync(archive) ? readdirSync(archive) : [])).toEqual([`${recorded.value.receipt.label.replace(/[^\w.-]+/g, '_')}.pdf`]);
    expect(
      readFileSync(join(archive, readdirSync(archive)[0]!))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.screenshot({ path: 'test-results/electron-receipt.png' });
  } finally {
    await app.close();
  }
});
