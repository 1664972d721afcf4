// The console's alert on guessing (ADR 0044), in Chromium at 1366×768 against the real central:
// someone guesses at a reviewer's password until the account locks, then tries made-up names. The
// administrator, signing in, is told on the page she lands on — how many refusals, under how many
// names, how many locks — with a way to the staff page's record; a reviewer is not (the record is
// the administrator's). Closed, the alert stays closed for the session until the figures grow.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './accessibility';
import { centralCli, serveCentral } from './central-cli';
import { signInToConsole } from './console-sign-in';
import { expect, shot, test } from './harness-fixture';

const ADMIN = { username: 'hoa', name: 'Trần Thị Hoa', password: 'mat-khau-quan-tri-7' };
const REVIEWER = { username: 'dung', name: 'Lý Văn Dũng', password: 'mat-khau-xem-xet-8' };
const OTHER_REVIEWER = { username: 'mai', name: 'Hoàng Thị Mai', password: 'mat-khau-xem-xet-9' };

test('an administrator is told of many refused sign-ins and a locked account; a reviewer is not', async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'field-office-e2e-sign-in-alert-'));
  for (const [who, role] of [
    [ADMIN, 'administrator'],
    [REVIEWER, 'reviewer'],
    [OTHER_REVIEWER, 'reviewer'],
  ] as const)
    centralCli(dataDir, ['admin', 'staff', 'add', '--username', who.username, '--name', who.name, '--role', role], { FO_CONSOLE_PASSWORD: who.password });
  const central = await serveCentral(dataDir);
  try {
    // Before any guessing, the administrator sees no alert (the record has loaded: the staff page shows it empty).
    const calm = await signInToConsole(browser, central.url, ADMIN);
    await calm.getByTestId('nav-staff').click();
    await expect(calm.getByTestId('sign-in-failures')).toContainText('Không có lần đăng nhập nào bị từ chối.');
    await expect(calm.getByTestId('sign-in-alert')).toHaveCount(0);
    await calm.context().close();

    // Five wrong passwords lock the reviewer's account; then three made-up names.
    const guess = (username: string, password: string) =>
      fetch(new URL('console/api/session', central.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-request': '1' },
        body: JSON.stringify({ username, password }),
      });
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await guess(REVIEWER.username, `doan-mat-khau-${i}`)).status);
    for (const name of ['admin', 'root', 'quantri']) statuses.push((await guess(name, 'doan-mat-khau')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 401, 401, 401]);

    // The console allows ten sign-in attempts an address in a clock minute: the rest starts in a fresh one.
    await new Promise((resolve) => setTimeout(resolve, 60_000 - (Date.now() % 60_000) + 250));
    const page = await signInToConsole(browser, central.url, ADMIN);
    const alert = page.getByTestId('sign-in-alert');
    await expect(alert).toContainText('Cảnh báo: nhiều lần đăng nhập bị từ chối');
    await expect(alert).toContainText('bảng điều khiển đã từ chối 8 lần đăng nhập dưới 4 tên đăng nhập; số lần tài khoản bị tạm khóa: 1.');
    await shot(page, 'console-sign-in-alert');
    expect(await seriousViolations(page)).toEqual([]);
    // Its link leads to the record: the reviewer's name, five refusals, one lock.
    await alert.getByRole('link', { name: 'Xem trên trang Tài khoản' }).click();
    await expect(page.getByTestId('staff-page')).toBeVisible();
    const reviewerRow = page.getByTestId('failure-row').filter({ hasText: REVIEWER.username });
    expect((await reviewerRow.locator('td').allInnerTexts()).slice(1, 5)).toEqual([REVIEWER.username, 'Tài khoản', '5', '1']);
    // In English too.
    await page.getByText('English').click();
    await expect(alert).toContainText('Since yesterday the console refused 8 sign-ins under 4 usernames; accounts locked: 1.');
    await page.getByText('Tiếng Việt').click();
    // Closed, it stays closed on every page and after a reload, for this session.
    await alert.getByRole('button', { name: /close|đóng/i }).click();
    await expect(alert).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('staff-page')).toBeVisible();
    await expect(page.getByTestId('failure-row')).toHaveCount(4);
    await expect(alert).toHaveCount(0);

    // One more refusal: the figures grew, so it shows again.
    expect((await guess('admin', 'lan-nua')).status).toBe(401);
    await page.reload();
    await expect(alert).toContainText('từ chối 9 lần đăng nhập dưới 4 tên đăng nhập');

    // A reviewer is not told: the record is the administrator's.
    const reviewer = await signInToConsole(browser, central.url, OTHER_REVIEWER);
    await expect(reviewer.getByTestId('office-row').or(reviewer.locator('.ant-empty'))).not.toHaveCount(0);
    await expect(reviewer.getByTestId('sign-in-alert')).toHaveCount(0);
  } finally {
    await central.stop();
  }
});
